import { describe, expect, it } from 'vitest';
import type { PhaseResult } from './phase-result.js';
import { reportText, scaling, type RunContext } from './report.js';

function burst(workers: number, imagesPerSecond: number, perWorker: Record<string, number>): PhaseResult {
  return {
    mode: 'distributed',
    workers,
    send: { kind: 'burst' },
    latency: { n: 30, p50: 2000, p95: 4000, max: 4100 },
    throughput: { imagesPerSecond, seconds: 30 / imagesPerSecond },
    stages: { transfer: 20, ingest: 40, queue: 1900, judge: 100, deliver: 45 },
    judgeParts: { inference: 50, total: 100, decode: 5 },
    cpuMsPerImage: { 'apps/api': 80 },
    serviceMs: Object.fromEntries(Object.keys(perWorker).map((w) => [w, 300])),
    perWorker,
    failed: 0,
  };
}

const context: RunContext = {
  films: 12,
  pixelSpacingMm: 0.4,
  stations: 8,
  cpus: '2 × test CPU',
  node: 'v20',
  threads: null,
  loadAverage: { start: 1, end: 2 },
};

describe('scaling', () => {
  it('compares each worker count with one worker, and bounds it by the busiest worker’s share', () => {
    const results = [burst(1, 3, { a: 30 }), burst(2, 4.5, { a: 20, b: 10 })];
    expect(scaling(results)).toEqual([{ mode: 'distributed', workers: 2, ratio: 1.5, splitBound: 1.5 }]);
  });

  it('has nothing to compare without a one-worker burst', () => {
    expect(scaling([burst(2, 4, { a: 15, b: 15 })])).toEqual([]);
  });
});

describe('reportText', () => {
  it('prints one table row per phase, with the worker timings in pipeline order', () => {
    const text = reportText(context, [burst(1, 3, { a: 30 }), burst(2, 4.5, { a: 20, b: 10 })]);
    expect(text).toMatch(
      /distributed\s+1\s+burst\s+30\s+2000\s+4000\s+4100\s+3\.00\s+20\s+40\s+1900\s+100\s+45/,
    );
    expect(text).toContain('judge, median ms: decode 5 · inference 50 · total 100');
    expect(text).toContain('2 workers / 1 worker: 1.50× (the station keys');
  });
});
