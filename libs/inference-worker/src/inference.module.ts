import { type DynamicModule, Module } from '@nestjs/common';
import { InferenceConsumer, type InferenceWorkerDependencies } from './inference.consumer.js';
import { WORKER_DEPS } from './tokens.js';

@Module({})
export class InferenceModule {
  static forRoot(deps: InferenceWorkerDependencies): DynamicModule {
    return {
      module: InferenceModule,
      providers: [{ provide: WORKER_DEPS, useValue: deps }, InferenceConsumer],
    };
  }
}
