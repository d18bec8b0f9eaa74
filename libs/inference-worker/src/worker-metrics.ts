import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one inference worker. */
export class WorkerMetrics {
  readonly registry = new Registry();
  readonly judged = new Counter({
    name: 'spineqc_worker_images_total',
    help: 'Images handled, by outcome (judged, retried, dead_lettered)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly judgeSeconds = new Histogram({
    name: 'spineqc_worker_judge_seconds',
    help: 'Read, decode, segment, rules and renders for one image',
    buckets: [0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'spineqc_worker_' });
  }
}
