import type { PhaseResult } from './phase-result.js';
import { STAGES } from './stages.js';

/** What was measured, and how, printed above the figures. */
export interface RunContext {
  films: number;
  pixelSpacingMm: number;
  stations: number;
  cpus: string;
  node: string;
  threads: number | null;
  /** 1-minute load average when the run began and when it ended (other work on the machine skews figures). */
  loadAverage: { start: number; end: number };
}

/**
 * Throughput with k workers over throughput with one, for each mode and k > 1 that has both; and the
 * most the split allowed: messages are keyed by station, so a worker's share is fixed by which
 * partitions the station names hash to, and the busiest worker sets the pace (films / its films).
 */
export function scaling(
  results: PhaseResult[],
): { mode: string; workers: number; ratio: number; splitBound: number }[] {
  const bursts = results.filter((r) => r.throughput);
  return bursts.flatMap((r) => {
    const one = bursts.find((b) => b.mode === r.mode && b.workers === 1);
    if (r.workers === 1 || !one) return [];
    const shares = Object.values(r.perWorker);
    const judged = shares.reduce((a, b) => a + b, 0);
    return [
      {
        mode: r.mode,
        workers: r.workers,
        ratio: r.throughput!.imagesPerSecond / one.throughput!.imagesPerSecond,
        splitBound: judged / Math.max(...shares),
      },
    ];
  });
}

export function reportJson(context: RunContext, results: PhaseResult[]): string {
  return (
    JSON.stringify(
      { ...context, association: 'one per image', results, scaling: scaling(results) },
      null,
      2,
    ) + '\n'
  );
}

const HEAD = ['mode', 'workers', 'send', 'n', 'p50 ms', 'p95 ms', 'max ms', 'img/s', ...STAGES];

export function reportText(context: RunContext, results: PhaseResult[]): string {
  const rows = results.map((r) => [
    r.mode,
    String(r.workers),
    sendLabel(r),
    String(r.latency.n),
    r.latency.p50.toFixed(0),
    r.latency.p95.toFixed(0),
    r.latency.max.toFixed(0),
    r.throughput ? r.throughput.imagesPerSecond.toFixed(2) : '',
    ...STAGES.map((s) => (r.stages ? r.stages[s].toFixed(0) : '')),
  ]);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    '  ' + cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ') + '\n';
  const lines = [
    'SpineQC event pipeline: latency from the C-STORE response at the sender to the Socket.IO `verdict` on /live\n',
    `  ${context.films} phantom DX films (${context.pixelSpacingMm} mm pixels) from ${context.stations} stations, one association per image; ` +
      `${context.cpus}, Node ${context.node}, inference threads per worker: ${context.threads ?? 'default'}\n`,
    `  load average (1 min) at start ${context.loadAverage.start.toFixed(2)}, at end ${context.loadAverage.end.toFixed(2)}\n`,
    '  rate rows: open loop (sent on schedule, not waiting for verdicts); burst rows: each film sent when the SCP answered the last\n',
    "  stage columns, median ms: transfer (association + data set) · ingest (store, record, publish) · queue (bus, waiting, reading the original) · judge (the worker's timed work) · deliver (verdict published, stored, pushed)\n",
    '\n',
    line(HEAD),
    ...rows.map(line),
  ];
  lines.push('\n');
  for (const r of results) lines.push(...phaseDetails(r));
  const failed = results.reduce((n, r) => n + r.failed, 0);
  if (failed) lines.push(`  ${failed} film(s) got a "failed" verdict (not judged)\n`);
  for (const s of scaling(results))
    lines.push(
      `  ${s.mode} throughput, ${s.workers} workers / 1 worker: ${s.ratio.toFixed(2)}× ` +
        `(the station keys' split of the films allows at most ${s.splitBound.toFixed(2)}×)\n`,
    );
  return lines.join('');
}

/** Per phase: the worker's timings, CPU per film by process, and for bursts each worker's share and pace. */
function phaseDetails(r: PhaseResult): string[] {
  const lines = [`  ${r.mode}, ${r.workers} worker(s), ${sendLabel(r)}\n`];
  if (r.judgeParts) {
    const parts = Object.entries(r.judgeParts)
      .sort(([a], [b]) => partRank(a) - partRank(b))
      .map(([part, ms]) => `${part} ${ms.toFixed(0)}`);
    lines.push(`    judge, median ms: ${parts.join(' · ')}\n`);
  }
  const used = Object.entries(r.cpuMsPerImage).map(([name, ms]) => `${name} ${ms.toFixed(0)}`);
  lines.push(`    CPU ms per film: ${used.join(' · ')}\n`);
  if (r.serviceMs) {
    const workers = Object.keys(r.perWorker).map(
      (w) => `${w}: ${r.perWorker[w]} films, ${r.serviceMs![w]?.toFixed(0) ?? '–'} ms apart`,
    );
    lines.push(`    per worker (films; median gap between its verdicts): ${workers.join(' / ')}\n`);
  }
  return lines;
}

/** The worker's timings in pipeline order; any other part after them. */
const PART_ORDER = ['decode', 'preprocess', 'inference', 'postprocess', 'rules', 'total', 'render'];
function partRank(part: string): number {
  const at = PART_ORDER.indexOf(part);
  return at < 0 ? PART_ORDER.length : at;
}

function sendLabel(r: PhaseResult): string {
  return r.send.kind === 'rate' ? `${r.send.perSecond}/s` : 'burst';
}
