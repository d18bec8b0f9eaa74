import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { MessageBus } from '@spineqc/bus';
import type { ImageReceived } from '@spineqc/contracts';
import type { SpineqcConfig } from '@spineqc/config';
import type { Database, PendingExam } from '@spineqc/database';
import { LOGGER, type Logger } from '@spineqc/logging';
import { BUS, CONFIG, DATABASE } from '../tokens.js';
import { IngestService } from './ingest.service.js';

// One start-up pass; a backlog larger than this is rare (days of images) and the next start takes the rest.
const BATCH = 10_000;
const RETRY_EVERY_MS = 5000;

/**
 * Makes sure every recorded exam reaches the bus. At start it re-publishes exams still unjudged
 * from before: all of them with the in-process bus (its queue died with the last process), and
 * with Kafka those older than the redelivery delay (the API may have died between recording and
 * publishing). While running it retries the publishes the bus refused. Workers and the verdict
 * store are idempotent, so a message published twice costs work, never a second verdict.
 */
@Injectable()
export class RedeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    @Inject(CONFIG) private readonly config: SpineqcConfig,
    @Inject(DATABASE) private readonly db: Database,
    @Inject(BUS) private readonly bus: MessageBus,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly ingest: IngestService,
  ) {}

  async onApplicationBootstrap() {
    const olderThan =
      this.bus.kind === 'in-process' ? new Date() : new Date(Date.now() - this.config.redeliverAfterMs);
    await this.republishPending(olderThan);
    this.timer = setInterval(() => void this.retryRefused(), RETRY_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Publishes again the images the bus refused since they arrived. */
  retryRefused(): Promise<void> {
    this.running = this.running.then(async () => {
      for (const message of [...this.ingest.unpublished.values()]) await this.ingest.publish(message);
    });
    return this.running;
  }

  private async republishPending(olderThan: Date) {
    try {
      let total = 0;
      for (const exam of await this.db.exams.pendingExams(olderThan, BATCH)) {
        await this.ingest.publish(toMessage(exam));
        total++;
      }
      if (total) this.logger.info('unjudged exams published again', { count: total });
    } catch (error) {
      this.logger.warn('could not re-publish unjudged exams', { error: (error as Error).message });
    }
  }
}

function toMessage(exam: PendingExam): ImageReceived {
  return {
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
  };
}
