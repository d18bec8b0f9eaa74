import { Inject, Injectable } from '@nestjs/common';
import type { AuditAction } from '@spineqc/contracts';
import type { Database } from '@spineqc/database';
import { LOGGER, type Logger } from '@spineqc/logging';
import type { Request } from 'express';
import { DATABASE } from '../tokens.js';
import { describePrincipal, type Principal } from './principal.js';

export interface AuditEntry {
  action: AuditAction;
  /** The principal, or the name tried at a failed sign-in. */
  actor: Principal | string;
  target?: string | null;
  detail?: Record<string, unknown>;
  request?: Pick<Request, 'ip'>;
}

/** Writes the audit log (sign-ins, configuration changes, feedback). Never lets a logging failure fail the action. */
@Injectable()
export class AuditService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    const actor = typeof entry.actor === 'string' ? entry.actor : describePrincipal(entry.actor);
    await this.db.audit
      .record({
        action: entry.action,
        actor: actor.slice(0, 128),
        target: entry.target ?? null,
        detail: entry.detail ?? {},
        remoteAddress: entry.request?.ip ?? null,
      })
      .catch((error: Error) =>
        this.logger.error('could not write the audit log', { action: entry.action, error: error.message }),
      );
  }
}
