import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Database } from '@spineqc/database';
import { LOGGER, type Logger } from '@spineqc/logging';
import { DATABASE } from '../tokens.js';

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes dashboard sessions that expired or were revoked (they authenticate nothing any more; the audit log keeps
 * the sign-ins). API and tablet tokens are kept for the record until an administrator deletes the account.
 */
@Injectable()
export class SessionCleanupService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap() {
    const run = () => {
      this.sweeping = this.db.tokens
        .deleteExpired(new Date())
        .then((deleted) => {
          if (deleted > 0) this.logger.info('ended sessions deleted', { deleted });
        })
        .catch((error: Error) => this.logger.error('session cleanup failed', { error: error.message }));
    };
    run();
    this.timer = setInterval(run, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
  }
}
