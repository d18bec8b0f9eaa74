import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of the API process, on its own registry (no global state between test apps). */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly imagesReceived = new Counter({
    name: 'spineqc_images_received_total',
    help: 'Images handed to ingest, by source',
    labelNames: ['source'],
    registers: [this.registry],
  });
  readonly ingestFailures = new Counter({
    name: 'spineqc_ingest_failures_total',
    help: 'Images refused at ingest, by source and error code',
    labelNames: ['source', 'code'],
    registers: [this.registry],
  });
  readonly duplicates = new Counter({
    name: 'spineqc_duplicate_instances_total',
    help: 'Re-sent SOP instances that created nothing',
    registers: [this.registry],
  });
  readonly publishFailures = new Counter({
    name: 'spineqc_publish_failures_total',
    help: 'Received images that could not be published at once (re-published by the sweep)',
    registers: [this.registry],
  });
  readonly verdicts = new Counter({
    name: 'spineqc_verdicts_total',
    help: 'Verdicts recorded, by outcome',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly receivedToVerdict = new Histogram({
    name: 'spineqc_received_to_verdict_seconds',
    help: 'From image received to verdict pushed',
    buckets: [0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'spineqc_api_' });
  }
}
