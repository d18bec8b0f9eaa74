import { describe, expect, it } from 'vitest';
import { processCpuMs, startCpuMeter } from './cpu-time.js';

describe('processCpuMs', () => {
  it('reads a growing CPU time for this process, and null for a process that does not exist', () => {
    const before = processCpuMs(process.pid);
    expect(before).not.toBeNull();
    let x = 0;
    const until = Date.now() + 50;
    while (Date.now() < until) x += Math.sqrt(x + 1);
    expect(processCpuMs(process.pid)!).toBeGreaterThanOrEqual(before!);
    expect(processCpuMs(2 ** 22 + 1)).toBeNull(); // above Linux's pid_max limit
  });
});

describe('startCpuMeter', () => {
  it('divides the CPU time used since the start among the images, per process', () => {
    const meter = startCpuMeter([{ name: 'self', pid: process.pid }]);
    let x = 0;
    const until = Date.now() + 30;
    while (Date.now() < until) x += Math.sqrt(x + 1);
    const used = meter.perImage(2);
    expect(Object.keys(used).sort()).toEqual(['bench (sender, tablet)', 'self']);
    expect(used['self']).toBeGreaterThanOrEqual(0);
    expect(used['bench (sender, tablet)']).toBeGreaterThan(0);
  });
});
