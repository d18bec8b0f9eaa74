import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { MessageBus } from '@spineqc/bus';
import type { SpineqcConfig } from '@spineqc/config';
import type { Database } from '@spineqc/database';
import { LOGGER, type Logger } from '@spineqc/logging';
import { BUS, CONFIG, DATABASE } from '../tokens.js';
import { IngestService } from './ingest.service.js';

const BATCH = 200;

/**
 * Re-publishes exams that were recorded but never judged: after a crash of the embedded process
 * (its in-memory bus is gone), or when the broker refused a publish. Workers and the verdict store
 * are idempotent, so a message published twice costs work, never a second verdict.
 */
@Injectable()
export class RedeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: SpineqcConfig,
    @Inject(DATABASE) private readonly db: Database,
    @Inject(BUS) private readonly bus: MessageBus,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly ingest: IngestService,
  ) {}

  async onApplicationBootstrap() {
    // An in-process bus starts empty: everything still unjudged must be queued again now.
    if (this.bus.kind === 'in-process') await this.sweep(new Date());
    const every = Math.max(1000, Math.min(this.config.redeliverAfterMs / 2, 30_000));
    this.timer = setInterval(() => void this.sweepStale(), every);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  sweepStale() {
    return this.sweep(new Date(Date.now() - this.config.redeliverAfterMs));
  }

  /** Re-publishes exams still "received" that arrived before `olderThan`; returns how many. */
  sweep(olderThan: Date): Promise<number> {
    this.running ??= this.republish(olderThan).finally(() => (this.running = null));
    return this.running;
  }

  private async republish(olderThan: Date) {
    let total = 0;
    try {
      const pending = await this.db.exams.pendingExams(olderThan, BATCH);
      for (const exam of pending) {
        await this.ingest.publish({
          examId: exam.id,
          sopInstanceUid: exam.sopInstanceUid,
          storageKey: exam.storageKey,
          format: exam.format,
          station: exam.station,
          operator: exam.technologist,
          requestedView: exam.requestedView ?? null,
          pixelSpacingMm: exam.requestedPixelSpacingMm,
          source: exam.source,
          receivedAt: exam.receivedAt.toISOString(),
        });
        total++;
      }
      if (total) this.logger.info('unjudged exams published again', { count: total });
    } catch (error) {
      this.logger.warn('redelivery sweep failed; will retry', { error: (error as Error).message });
    }
    return total;
  }
}
