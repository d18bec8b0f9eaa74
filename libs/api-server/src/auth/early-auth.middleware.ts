import { roleAllows, ROLE_LABELS, type Permission } from '@spineqc/contracts';
import type { NextFunction, Request, Response } from 'express';
import type { Authenticator } from './authenticator.js';

/**
 * Express middleware for paths served before Nest's guard can run: STOW-RS bodies are buffered by a body parser
 * (an anonymous client must not make the server read 64 MB first) and the OpenAPI browser is static files.
 */
export function requirePermissionEarly(authenticator: Authenticator, permission: Permission) {
  return (request: Request, response: Response, next: NextFunction) => {
    authenticator
      .resolve({ authorization: request.headers.authorization, cookie: request.headers.cookie })
      .then((principal) => {
        if (!principal) {
          response.setHeader('WWW-Authenticate', 'Bearer realm="spineqc"');
          response.status(401).json({
            error: {
              code: 'UNAUTHENTICATED',
              message: 'sign in or send a valid token (Authorization: Bearer …)',
            },
          });
          return;
        }
        if (!roleAllows(principal.role, permission)) {
          response.status(403).json({
            error: {
              code: 'FORBIDDEN',
              message: `${ROLE_LABELS[principal.role]} may not do this (needs ${permission})`,
            },
          });
          return;
        }
        next();
      })
      .catch(next);
  };
}
