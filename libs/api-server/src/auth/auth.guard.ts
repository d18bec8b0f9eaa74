import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { roleAllows, ROLE_LABELS } from '@spineqc/contracts';
import type { Database } from '@spineqc/database';
import { LOGGER, type Logger } from '@spineqc/logging';
import { ApiError } from '../errors/api-error.js';
import { DATABASE } from '../tokens.js';
import { Authenticator } from './authenticator.js';
import type { AuthenticatedRequest } from './current-principal.decorator.js';
import type { Principal } from './principal.js';
import { RateLimits } from './rate-limits.js';
import { ACCESS_KEY, RATE_LIMIT_KEY, type Access, type StationScope } from './requires.decorator.js';

/**
 * The one gate every HTTP route passes: resolves the caller, checks the route's declared permission against the
 * caller's role, keeps a tablet inside its own room, and counts ingest against the caller's budget. A route that
 * declares nothing is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly rateLimits: RateLimits,
    @Inject(DATABASE) private readonly db: Database,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const handlers = [context.getHandler(), context.getClass()];
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, handlers);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!access) {
      this.logger.error('route declares no access rule; refused', {
        method: request.method,
        path: request.path,
      });
      throw new ApiError('FORBIDDEN', 'this route is not open to anyone');
    }
    if (access.kind === 'public') return true;
    const principal = await this.authenticator.resolve({
      authorization: request.headers.authorization,
      cookie: request.headers.cookie,
    });
    if (!principal)
      throw new ApiError('UNAUTHENTICATED', 'sign in or send a valid token (Authorization: Bearer …)');
    request.principal = principal;
    if (access.kind === 'permission') {
      if (!roleAllows(principal.role, access.permission)) {
        throw new ApiError(
          'FORBIDDEN',
          `${ROLE_LABELS[principal.role]} may not do this (needs ${access.permission})`,
        );
      }
      await this.keepInStation(principal, access.stationScope, request);
    }
    if (this.reflector.getAllAndOverride<string | undefined>(RATE_LIMIT_KEY, handlers) === 'ingest') {
      this.rateLimits.takeIngest(`${principal.kind}:${principal.id}`);
    }
    return true;
  }

  private async keepInStation(principal: Principal, scope: StationScope, request: AuthenticatedRequest) {
    if (principal.role !== 'device') return;
    const station = principal.station;
    if (scope === 'none' || !station) throw new ApiError('FORBIDDEN', 'a room tablet may not do this');
    if (scope === 'station-query') {
      if (request.query.station !== station) {
        throw new ApiError('FORBIDDEN', `this tablet is paired to ${station}: ask for station=${station}`);
      }
      return;
    }
    const id = request.params.id;
    const examStation = typeof id === 'string' ? await this.db.exams.stationOf(id) : null;
    // Unknown exams fall through to the route's own 404; another room's exam is refused.
    if (examStation !== null && examStation !== station) {
      throw new ApiError('FORBIDDEN', `this tablet is paired to ${station}; the exam is from another room`);
    }
  }
}
