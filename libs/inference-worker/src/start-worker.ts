import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { InferenceWorkerDependencies } from './inference.consumer.js';
import { InferenceModule } from './inference.module.js';

/** Starts a worker as a Nest application context (no HTTP server: it only consumes and publishes). */
export async function startInferenceWorker(
  deps: InferenceWorkerDependencies,
): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(InferenceModule.forRoot(deps), {
    logger: false,
  });
  await context.init();
  return context;
}
