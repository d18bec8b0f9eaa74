import { hostname } from 'node:os';
import type { MessageBus } from '@spineqc/bus';
import type { SpineqcConfig } from '@spineqc/config';
import type { Radiograph } from '@spineqc/imaging';
import type { Logger } from '@spineqc/logging';
import { BUNDLED_MODEL_PATH, createOnnxRuntime, Segmenter } from '@spineqc/segmentation';
import type { ObjectStorage } from '@spineqc/storage';
import type { InferenceWorkerDependencies } from './inference.consumer.js';
import { WorkerMetrics } from './worker-metrics.js';

/** Builds a worker from the validated configuration and the adapters the composition root chose. */
export function workerDependencies(
  config: SpineqcConfig,
  adapters: {
    bus: MessageBus;
    storage: ObjectStorage;
    decode(bytes: Uint8Array): Promise<Radiograph>;
    logger: Logger;
  },
): InferenceWorkerDependencies {
  const { inference } = config;
  const segmenter = new Segmenter(() =>
    createOnnxRuntime({
      modelPath: inference.modelPath ?? BUNDLED_MODEL_PATH,
      provider: inference.provider,
      threads: inference.threads ?? 2,
      warn: (message) => adapters.logger.warn(message),
    }),
  );
  return {
    ...adapters,
    segmenter,
    metrics: new WorkerMetrics(),
    workerName: `${hostname()}:${process.pid}`,
    concurrency: inference.concurrency,
    maxAttempts: inference.maxAttempts,
    retryBackoffMs: inference.retryBackoffMs,
  };
}
