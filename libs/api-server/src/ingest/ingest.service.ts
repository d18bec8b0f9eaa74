import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { TOPICS, type ImageReceived } from '@spineqc/contracts';
import type { MessageBus } from '@spineqc/bus';
import type { Database } from '@spineqc/database';
import type { SpineqcConfig } from '@spineqc/config';
import { wrapBareDataset, type DecodePool } from '@spineqc/imaging';
import { LOGGER, type Logger } from '@spineqc/logging';
import type { ObjectStorage } from '@spineqc/storage';
import { ApiError, isApiError } from '../errors/api-error.js';
import { LiveHub } from '../live/live-hub.js';
import { Metrics } from '../metrics/metrics.js';
import { BUS, CONFIG, DATABASE, DECODE_POOL, STORAGE } from '../tokens.js';
import { sha256Hex } from './derived-uid.js';
import type { IngestRequest, IngestResult, Ingestor } from './ingest.types.js';
import { inspectImage, type InspectedImage } from './inspect-image.js';
import { hashPatientId } from './patient-hash.js';
import { originalKey, rejectedKey } from './storage-keys.js';

/**
 * The one door every image comes through. Order matters for "nothing received is lost": the
 * original is stored and the exam recorded before the sender hears success; publishing can fail
 * and is repaired by the redelivery sweep, because the exam stays "received" until judged.
 */
@Injectable()
export class IngestService implements Ingestor {
  constructor(
    @Inject(CONFIG) private readonly config: SpineqcConfig,
    @Inject(DATABASE) private readonly db: Database,
    @Inject(STORAGE) private readonly storage: ObjectStorage,
    @Inject(BUS) private readonly bus: MessageBus,
    @Inject(DECODE_POOL) private readonly pool: DecodePool,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly live: LiveHub,
    private readonly metrics: Metrics,
  ) {}

  async ingest(request: IngestRequest): Promise<IngestResult> {
    const receivedAt = new Date();
    this.metrics.imagesReceived.inc({ source: request.source });
    try {
      return await this.accept(request, receivedAt);
    } catch (error) {
      const failure = isApiError(error)
        ? error
        : new ApiError('INTERNAL', `ingest failed: ${(error as Error).message ?? error}`);
      await this.recordFailure(request, failure, receivedAt);
      throw failure;
    }
  }

  private async accept(request: IngestRequest, receivedAt: Date): Promise<IngestResult> {
    const { maxImageBytes } = this.config.limits;
    if (request.bytes.length > maxImageBytes) {
      throw new ApiError(
        'TOO_LARGE',
        `image of ${request.bytes.length} bytes is over the ${maxImageBytes}-byte limit`,
      );
    }
    const bytes = request.transferSyntaxUid
      ? wrapBareDataset(request.bytes, request.transferSyntaxUid)
      : request.bytes;
    const image = await inspectImage(bytes, this.pool, request.source !== 'upload');
    const known = await this.db.exams.getExamBySop(image.sopInstanceUid);
    if (known) return this.duplicate(known.id, image);

    const storageKey = originalKey(image.sopInstanceUid, image.format, receivedAt);
    await this.guard('STORAGE_UNAVAILABLE', () => this.storage.put(storageKey, bytes));
    const { exam, created } = await this.guard('DATABASE_UNAVAILABLE', () =>
      this.db.exams.recordReceived({
        sopInstanceUid: image.sopInstanceUid,
        studyInstanceUid: image.studyInstanceUid,
        seriesInstanceUid: image.seriesInstanceUid,
        patientIdHash: this.patientHash(image.patientId),
        station: image.station || request.form?.station?.trim() || '',
        operator: image.operator || request.form?.operator?.trim() || '',
        source: request.source,
        requestedView: request.form?.view ?? null,
        requestedPixelSpacingMm: request.form?.pixelSpacingMm ?? null,
        receivedAt,
        image: {
          storageKey,
          format: image.format,
          sizeBytes: bytes.length,
          sha256: sha256Hex(bytes),
          sopClassUid: image.sopClassUid,
          transferSyntaxUid: image.transferSyntaxUid,
          width: image.width,
          height: image.height,
          viewPosition: image.viewPosition,
          bodyPartExamined: image.bodyPartExamined,
        },
      }),
    );
    if (!created) return this.duplicate(exam.id, image);

    const message: ImageReceived = {
      examId: exam.id,
      sopInstanceUid: image.sopInstanceUid,
      storageKey,
      format: image.format,
      station: exam.station,
      operator: exam.technologist,
      requestedView: request.form?.view ?? null,
      pixelSpacingMm: request.form?.pixelSpacingMm ?? null,
      source: request.source,
      receivedAt: receivedAt.toISOString(),
    };
    await this.publish(message);
    this.live.received({
      examId: exam.id,
      sopInstanceUid: image.sopInstanceUid,
      station: message.station,
      operator: message.operator,
      source: request.source,
      receivedAt: message.receivedAt,
    });
    this.logger.info('image received', {
      examId: exam.id,
      sopInstanceUid: image.sopInstanceUid,
      station: message.station,
      source: request.source,
      callingAeTitle: request.callingAeTitle,
    });
    return { examId: exam.id, ...instanceOf(image), duplicate: false };
  }

  /** Publishes; a broker outage is not the sender's problem: the exam is safe and is published again later. */
  /** Images recorded but not yet accepted by the bus; the redelivery service retries them. */
  readonly unpublished = new Map<string, ImageReceived>();

  async publish(message: ImageReceived) {
    try {
      await this.bus.publish(TOPICS.imageReceived, [{ key: message.station || 'unknown', value: message }]);
      this.unpublished.delete(message.examId);
    } catch (error) {
      this.unpublished.set(message.examId, message);
      this.metrics.publishFailures.inc();
      this.logger.warn('could not publish received image; it will be re-published', {
        examId: message.examId,
        error: (error as Error).message,
      });
    }
  }

  private duplicate(examId: string, image: InspectedImage): IngestResult {
    this.metrics.duplicates.inc();
    this.logger.info('duplicate SOP instance ignored', { examId, sopInstanceUid: image.sopInstanceUid });
    return { examId, ...instanceOf(image), duplicate: true };
  }

  private patientHash(patientId: string) {
    const key = this.config.privacy.patientIdKey;
    if (!key) throw new ApiError('INTERNAL', 'no patient-ID hashing key configured');
    return hashPatientId(patientId, key) ?? undefined;
  }

  private async guard<T>(code: 'STORAGE_UNAVAILABLE' | 'DATABASE_UNAVAILABLE', work: () => Promise<T>) {
    try {
      return await work();
    } catch (error) {
      throw new ApiError(
        code,
        `${code === 'STORAGE_UNAVAILABLE' ? 'storage' : 'database'}: ${(error as Error).message}`,
      );
    }
  }

  /** A store the SCP refused before ingest (too large, shutting down): no bytes kept, but a record. */
  async recordRefusal(refusal: {
    code: string;
    reason: string;
    sopInstanceUid: string;
    callingAeTitle: string;
    remoteAddress: string | undefined;
    receivedBytes: number;
  }) {
    this.metrics.ingestFailures.inc({ source: 'c-store', code: refusal.code });
    await this.db.exams
      .recordIngestFailure({
        source: 'c-store',
        errorCode: refusal.code,
        message: refusal.reason,
        sopInstanceUid: refusal.sopInstanceUid || undefined,
        callingAeTitle: refusal.callingAeTitle,
        remoteAddress: refusal.remoteAddress,
        sizeBytes: refusal.receivedBytes,
      })
      .catch((e: Error) => this.logger.error('could not record an ingest failure', { error: e.message }));
  }

  /** Keeps the rejected bytes and a record of why, so nothing received disappears silently. */
  private async recordFailure(request: IngestRequest, error: ApiError, at: Date) {
    this.metrics.ingestFailures.inc({ source: request.source, code: error.code });
    const id = randomUUID();
    let storageKey: string | undefined;
    if (error.code !== 'TOO_LARGE' && error.code !== 'STORAGE_UNAVAILABLE') {
      storageKey = rejectedKey(id, at);
      await this.storage.put(storageKey, request.bytes).catch(() => (storageKey = undefined));
    }
    await this.db.exams
      .recordIngestFailure({
        source: request.source,
        errorCode: error.code,
        message: error.message,
        sopInstanceUid: error.sopInstanceUid,
        callingAeTitle: request.callingAeTitle,
        remoteAddress: request.remoteAddress,
        storageKey,
        sizeBytes: request.bytes.length,
      })
      .catch((e: Error) => this.logger.error('could not record an ingest failure', { error: e.message }));
    this.logger.warn('image refused', {
      source: request.source,
      code: error.code,
      reason: error.message,
      callingAeTitle: request.callingAeTitle,
      storageKey,
    });
  }
}

function instanceOf(image: InspectedImage) {
  return {
    sopInstanceUid: image.sopInstanceUid,
    sopClassUid: image.sopClassUid,
    studyInstanceUid: image.studyInstanceUid,
    seriesInstanceUid: image.seriesInstanceUid,
  };
}
