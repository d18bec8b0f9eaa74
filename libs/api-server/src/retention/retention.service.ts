import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { SpineqcConfig } from '@spineqc/config';
import { renderKeys } from '@spineqc/contracts';
import type { Database } from '@spineqc/database';
import { LOGGER, type Logger } from '@spineqc/logging';
import type { ObjectStorage } from '@spineqc/storage';
import { CONFIG, DATABASE, STORAGE } from '../tokens.js';

const DAY_MS = 86_400_000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;
const BATCH = 200;

/** What one sweep deleted. */
export interface RetentionSweep {
  /** Exams whose original (and renders) were deleted. */
  exams: number;
  /** Ingest failures whose kept bytes were deleted. */
  rejected: number;
}

/**
 * Image retention: originals (and the renders and segmentation drawn from them) of exams older than
 * SPINEQC_RETENTION_DAYS, and the bytes kept of inputs refused at ingest that long ago, are deleted at start and
 * then hourly; the exam, its verdict, every statistic and every ingest-failure record stay. Files go first and the
 * mark second, so a crash in between only repeats idempotent deletes.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<RetentionSweep | null> | null = null;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(STORAGE) private readonly storage: ObjectStorage,
    @Inject(CONFIG) private readonly config: SpineqcConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap() {
    if (this.config.retention.imageDays === null) return;
    const run = () => {
      this.sweeping = this.sweep().catch((error: Error) => {
        this.logger.error('retention sweep failed', { error: error.message });
        return null;
      });
    };
    run();
    this.timer = setInterval(run, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
  }

  /** Deletes what is due now; returns how many exams' images and how many rejected inputs' bytes went. */
  async sweep(now = new Date()): Promise<RetentionSweep> {
    const days = this.config.retention.imageDays;
    if (days === null) return { exams: 0, rejected: 0 };
    const before = new Date(now.getTime() - days * DAY_MS);
    const exams = await this.purgeOriginals(before, now);
    if (exams > 0) this.logger.info('retention deleted images', { exams, olderThanDays: days });
    const rejected = await this.purgeRejected(before, now);
    if (rejected > 0)
      this.logger.info('retention deleted rejected inputs', { rejected, olderThanDays: days });
    return { exams, rejected };
  }

  private async purgeOriginals(receivedBefore: Date, now: Date): Promise<number> {
    let purged = 0;
    for (;;) {
      const due = await this.db.exams.imagesToPurge({ receivedBefore, limit: BATCH });
      if (due.length === 0) break;
      for (const image of due) {
        const renders = renderKeys(image.examId);
        for (const key of [image.storageKey, renders.image, renders.overlay, renders.masks]) {
          await this.storage.delete(key);
        }
      }
      purged += await this.db.exams.markImagesPurged(
        due.map((image) => image.examId),
        now,
      );
      if (due.length < BATCH) break;
    }
    return purged;
  }

  /** The bytes kept of inputs refused at ingest; their failure records stay, marked. */
  private async purgeRejected(createdBefore: Date, now: Date): Promise<number> {
    let purged = 0;
    for (;;) {
      const due = await this.db.exams.rejectedToPurge({ createdBefore, limit: BATCH });
      if (due.length === 0) break;
      for (const rejected of due) await this.storage.delete(rejected.storageKey);
      purged += await this.db.exams.markRejectedPurged(
        due.map((rejected) => rejected.failureId),
        now,
      );
      if (due.length < BATCH) break;
    }
    return purged;
  }
}
