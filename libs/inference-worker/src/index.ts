export { startInferenceWorker } from './start-worker.js';
export { InferenceModule } from './inference.module.js';
export { InferenceConsumer, type InferenceWorkerDependencies } from './inference.consumer.js';
export { WorkerMetrics } from './worker-metrics.js';
export { judgeImage, type JudgeDependencies, type Judgement } from './judge.js';
export { startProbeServer, type ProbeChecks } from './probe-server.js';
export { workerDependencies } from './worker-dependencies.js';
