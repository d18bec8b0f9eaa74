import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { withRetries, type IncomingMessage, type MessageBus, type Subscription } from '@spineqc/bus';
import {
  CONSUMER_GROUPS,
  imageReceivedSchema,
  parseJsonOrText,
  TOPICS,
  type DeadLetter,
  type FailedVerdict,
  type ImageReceived,
} from '@spineqc/contracts';
import type { Logger } from '@spineqc/logging';
import { ImagingError, type ImagingErrorCode, type Radiograph } from '@spineqc/imaging';
import type { Segmenter } from '@spineqc/segmentation';
import type { ObjectStorage } from '@spineqc/storage';
import { judgeImage } from './judge.js';
import { WORKER_DEPS } from './tokens.js';
import type { WorkerMetrics } from './worker-metrics.js';

export interface InferenceWorkerDependencies {
  bus: MessageBus;
  storage: ObjectStorage;
  segmenter: Segmenter;
  decode(bytes: Uint8Array): Promise<Radiograph>;
  logger: Logger;
  metrics: WorkerMetrics;
  /** Host and pid, recorded on every verdict. */
  workerName: string;
  concurrency: number;
  maxAttempts: number;
  retryBackoffMs: number;
}

/**
 * Consumes `qc.image.received` and publishes `qc.verdict`. The bus commits a message only after
 * this handler resolved, i.e. after the verdict was published: a crash re-delivers, never loses.
 * After bounded retries an image goes to the dead-letter topic and its exam is marked failed.
 */
@Injectable()
export class InferenceConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | null = null;
  private readonly attempts = new Map<string, number>();

  constructor(@Inject(WORKER_DEPS) private readonly deps: InferenceWorkerDependencies) {}

  async onApplicationBootstrap() {
    await this.deps.segmenter.load();
    this.subscription = await this.deps.bus.subscribe({
      topic: TOPICS.imageReceived,
      group: CONSUMER_GROUPS.inference,
      concurrency: this.deps.concurrency,
      handler: withRetries((message) => this.handle(message), {
        maxAttempts: this.deps.maxAttempts,
        backoffMs: this.deps.retryBackoffMs,
        isRetriable: (error) => !(error instanceof PoisonMessage) && !isPermanentImagingError(error),
        onGiveUp: (message, error, attempts) => this.giveUp(message, error, attempts),
      }),
    });
    this.deps.logger.info('inference worker consuming', {
      topic: TOPICS.imageReceived,
      concurrency: this.deps.concurrency,
      worker: this.deps.workerName,
    });
  }

  /** Graceful: the subscription stops fetching and waits for the images in flight. */
  async onApplicationShutdown() {
    await this.subscription?.close();
    await this.deps.segmenter.close();
  }

  async handle(message: IncomingMessage) {
    const id = messageId(message);
    const attempt = (this.attempts.get(id) ?? 0) + 1;
    this.attempts.set(id, attempt);
    const image = parseImageReceived(message.value);
    const stop = this.deps.metrics.judgeSeconds.startTimer();
    const { verdict, storeMasks } = await judgeImage(image, attempt, this.deps);
    stop();
    // The segmentation (a few kB, a few ms) is stored before the verdict goes out, so a tablet that hears the
    // verdict can draw the overlay at once; a crash in between re-judges the image and overwrites it alike.
    await storeMasks();
    await this.deps.bus.publish(TOPICS.verdict, [{ key: message.key, value: verdict }]);
    this.attempts.delete(id);
    this.deps.metrics.judged.inc({ outcome: 'judged' });
    this.deps.logger.info('image judged', {
      examId: verdict.examId,
      station: verdict.station,
      view: verdict.view,
      qualified: verdict.qualified,
      notAssessable: verdict.notAssessable,
      totalMs: verdict.timingsMs.total,
      worker: this.deps.workerName,
    });
  }

  private async giveUp(message: IncomingMessage, error: unknown, attempts: number) {
    this.attempts.delete(messageId(message));
    const reason = (error as Error).message ?? String(error);
    const errorCode = (error as { code?: string }).code ?? 'JUDGE_FAILED';
    const payload = parseJsonOrText(message.value);
    const failedAt = new Date().toISOString();
    this.deps.metrics.judged.inc({ outcome: 'dead_lettered' });
    this.deps.logger.error('image dead-lettered', {
      key: message.key,
      offset: message.offset,
      errorCode,
      reason,
      attempts,
    });
    const deadLetter: DeadLetter = {
      topic: message.topic,
      key: message.key,
      payload,
      errorCode,
      reason,
      attempts,
      failedAt,
      worker: this.deps.workerName,
    };
    await this.deps.bus.publish(TOPICS.deadLetter, [{ key: message.key, value: deadLetter }]);
    const image = imageReceivedSchema.safeParse(payload);
    if (!image.success) return; // not even an exam to mark: the dead letter is the record
    const failed: FailedVerdict = {
      status: 'failed',
      examId: image.data.examId,
      sopInstanceUid: image.data.sopInstanceUid,
      station: image.data.station,
      operator: image.data.operator,
      receivedAt: image.data.receivedAt,
      judgedAt: failedAt,
      worker: this.deps.workerName,
      attempts,
      errorCode,
      reason,
    };
    await this.deps.bus.publish(TOPICS.verdict, [{ key: message.key, value: failed }]);
  }
}

/** Decoder states that can pass (a crashed or busy worker thread, a pool restarting); every other code is the file's. */
const TRANSIENT_IMAGING_CODES: ReadonlySet<ImagingErrorCode> = new Set([
  'DECODER_CRASHED',
  'DECODE_TIMEOUT',
  'POOL_CLOSED',
  'CODEC_UNAVAILABLE',
]);

/** The same bytes fail the same way on every attempt: fail the exam at once instead of retrying. */
export function isPermanentImagingError(error: unknown): boolean {
  return error instanceof ImagingError && !TRANSIENT_IMAGING_CODES.has(error.code);
}

class PoisonMessage extends Error {
  readonly code = 'INVALID_MESSAGE';
}

function parseImageReceived(text: string): ImageReceived {
  const parsed = imageReceivedSchema.safeParse(parseJsonOrText(text));
  if (!parsed.success)
    throw new PoisonMessage(`not a valid ${TOPICS.imageReceived} message: ${parsed.error.message}`);
  return parsed.data;
}

function messageId(m: IncomingMessage) {
  return `${m.topic}/${m.partition}/${m.offset}`;
}
