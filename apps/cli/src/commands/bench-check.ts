import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { assessFile, type Timings } from '@spineqc/assessment';
import { DEFAULT_ROSTER } from '@spineqc/phantom';
import { findImages } from '../analyze/walk.js';
import { parsePositiveInt, UsageError } from '../errors.js';
import { distribution } from '../eval/metrics.js';
import { REPO_ROOT } from '../model/repo-paths.js';
import { modelOptions, segmenterFor, type ModelFlags } from '../model/segmenter-options.js';
import { generateFilms } from '../phantom/pool.js';
import { writeFilm } from '../phantom/write-film.js';

interface BenchCheckFlags extends ModelFlags {
  count: number;
  eager: boolean;
}

const STAGES: (keyof Timings)[] = ['decode', 'preprocess', 'inference', 'postprocess', 'rules', 'total'];
const WARM_UP = 3;

/**
 * Latency of `check` per image from file bytes to verdict, by stage, on this machine; peak RSS
 * after N images; and PyTorch eager (the paper's stack) on the same weights, as a ratio.
 */
export function benchCheckCommand(): Command {
  const command = new Command('check')
    .description(
      'Time the check pipeline per image (p50/p95 by stage), peak memory, and PyTorch eager for comparison',
    )
    .argument('[dir]', 'folder of DICOM/PNG/JPEG files (default: 12 fresh phantom DICOM films)')
    .option('--count <n>', 'images to time (files are cycled)', parsePositiveInt('--count'), 100)
    .option('--no-eager', 'skip the PyTorch eager comparison');
  for (const option of modelOptions()) command.addOption(option);
  return command.action(async (dir: string | undefined, flags: BenchCheckFlags) => {
    const temp = dir ? undefined : await mkdtemp(join(tmpdir(), 'spineqc-bench-'));
    try {
      const folder = dir ?? (await phantomFolder(temp!));
      const files = (await findImages(folder)).images.map((f) => join(folder, f));
      if (!files.length) throw new UsageError(`${folder} holds no .dcm/.png/.jpg images`);
      const buffers = await Promise.all(files.map((f) => readFile(f)));
      const segmenter = segmenterFor(flags);
      await segmenter.load();
      const samples: Timings[] = [];
      for (let i = 0; i < WARM_UP + flags.count; i++) {
        const a = await assessFile(buffers[i % buffers.length], segmenter, {});
        if (i >= WARM_UP) samples.push(a.timingsMs);
      }
      const manifest = await segmenter.manifest();
      await segmenter.close();
      const out = process.stdout;
      const rssMb = process.resourceUsage().maxRSS / 1024;
      out.write(
        `check pipeline: ${flags.count} images (${files.length} files cycled, ${WARM_UP} warm-up), model ${manifest.name}@${manifest.version} at ${manifest.canvas.join('×')}, onnxruntime ${flags.provider} ${flags.threads} threads, ${process.version}\n`,
      );
      out.write('  stage          p50 ms   p95 ms   mean ms\n');
      const byStage = Object.fromEntries(
        STAGES.map((stage) => [stage, distribution(samples.map((s) => s[stage]))!]),
      );
      for (const stage of STAGES) {
        const d = byStage[stage];
        out.write(
          `  ${stage.padEnd(12)} ${d.median.toFixed(1).padStart(8)} ${d.p95.toFixed(1).padStart(8)} ${d.mean.toFixed(1).padStart(9)}\n`,
        );
      }
      out.write(`  peak RSS after ${flags.count} images: ${rssMb.toFixed(0)} MB\n`);
      if (flags.eager) {
        out.write(eagerComparison(flags.model, flags.threads, byStage.inference.median));
      }
    } finally {
      if (temp) await rm(temp, { recursive: true, force: true });
    }
  });
}

async function phantomFolder(dir: string): Promise<string> {
  await generateFilms(
    4242,
    12,
    { view: 'mixed', defects: 'random', pixelSpacingMm: 0.4, roster: DEFAULT_ROSTER },
    0,
    (film) => writeFilm(dir, film, 'dicom'),
  );
  return dir;
}

/** Runs ml/spineqc_ml/bench_eager.py on the same ONNX weights (creating ml/.venv when needed). */
function eagerComparison(model: string, threads: number, onnxP50: number): string {
  const python = join(REPO_ROOT, 'ml', '.venv', 'bin', 'python');
  if (!existsSync(python)) {
    const setup = spawnSync(join(REPO_ROOT, 'tools', 'ml-env.sh'), {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (setup.status !== 0) return '  PyTorch eager: not measured (tools/ml-env.sh failed; see above)\n';
  }
  const run = spawnSync(
    python,
    ['-m', 'spineqc_ml.bench_eager', '--model', model, '--threads', String(threads), '--runs', '20'],
    { cwd: join(REPO_ROOT, 'ml'), encoding: 'utf8' },
  );
  if (run.status !== 0) return `  PyTorch eager: not measured (${run.stderr.trim().split('\n').pop()})\n`;
  const eager = JSON.parse(run.stdout) as { runtime: string; p50Ms: number };
  return `  model forward, same weights: onnxruntime ${onnxP50.toFixed(1)} ms vs ${eager.runtime} ${eager.p50Ms.toFixed(1)} ms (p50) — ${(eager.p50Ms / onnxP50).toFixed(1)}× faster\n`;
}
