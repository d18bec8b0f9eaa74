import type { Primitive } from '../geometry/primitive.js';
import { pixelSpacing, type Projection } from '../geometry/projection.js';
import { expose } from '../detector/expose.js';
import type { ExposureParams } from '../detector/types.js';
import { Rng } from '../random.js';
import { render } from '../render/fast-render.js';

export interface RenderBenchRow {
  /** "widthxheight". */
  size: string;
  width: number;
  height: number;
  /** Median wall time of one call, ms. */
  renderMs: number;
  exposeMs: number;
  /** Films per second on one thread, render + detector. */
  imagesPerSecond: number;
}

/** A 512² preview and a full 35 × 43 cm detector at 0.14 mm. */
export const BENCH_SIZES: readonly (readonly [number, number])[] = [
  [512, 512],
  [2500, 3000],
];

/** Enough repetitions for a stable median on small images, one on full-size ones. */
const PIXELS_PER_BUDGET = 3_000_000;
const MAX_REPEATS = 7;

/**
 * Times `render` and `expose` on the caller's primitives at each size (one thread, after a warm-up
 * run so the JIT has compiled the hot loops). The pixel pitch of each run is taken from its
 * projection (|du|): one technique is timed at several sizes.
 */
export function benchmarkRender(
  primitives: readonly Primitive[],
  projectionFor: (width: number, height: number) => Projection,
  exposure: ExposureParams,
  sizes: readonly (readonly [number, number])[] = BENCH_SIZES,
): RenderBenchRow[] {
  const run = (projection: Projection) => {
    const t0 = performance.now();
    const rendered = render(primitives, projection);
    const t1 = performance.now();
    expose(rendered.integrals, { ...exposure, pixelSpacingMm: pixelSpacing(projection).col }, new Rng(1));
    const t2 = performance.now();
    return { renderMs: t1 - t0, exposeMs: t2 - t1 };
  };
  const smallest = [...sizes].sort((a, b) => a[0] * a[1] - b[0] * b[1])[0];
  if (smallest) run(projectionFor(smallest[0], smallest[1]));
  return sizes.map(([width, height]) => {
    const projection = projectionFor(width, height);
    const repeats = Math.max(1, Math.min(MAX_REPEATS, Math.floor(PIXELS_PER_BUDGET / (width * height))));
    const runs = Array.from({ length: repeats }, () => run(projection));
    const renderMs = median(runs.map((r) => r.renderMs));
    const exposeMs = median(runs.map((r) => r.exposeMs));
    return {
      size: `${width}x${height}`,
      width,
      height,
      renderMs,
      exposeMs,
      imagesPerSecond: 1000 / (renderMs + exposeMs),
    };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
