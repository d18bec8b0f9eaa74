/**
 * Model input, computed exactly as the training code does (ml/spineqc_ml/preprocess.py): the image
 * (bone bright) is fitted into the canvas preserving aspect ratio with adaptive-average-pooling
 * bins, normalised by robust percentiles of the fitted content, and centred on a zero canvas.
 * ml/tests/fixtures/preprocess-vector.json is checked on both sides.
 */

export interface Placement {
  top: number;
  left: number;
  height: number;
  width: number;
}

export interface ModelInput {
  /** canvasHeight × canvasWidth, row-major, 0…1. */
  tensor: Float32Array;
  placement: Placement;
}

export interface Normalisation {
  lowPercentile: number;
  highPercentile: number;
}

/** Python's round(): halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export function placementFor(height: number, width: number, canvasH: number, canvasW: number): Placement {
  const scale = Math.min(canvasH / height, canvasW / width);
  const fh = Math.max(1, Math.min(canvasH, roundHalfEven(height * scale)));
  const fw = Math.max(1, Math.min(canvasW, roundHalfEven(width * scale)));
  return { top: Math.floor((canvasH - fh) / 2), left: Math.floor((canvasW - fw) / 2), height: fh, width: fw };
}

/** Bins of torch.nn.functional.adaptive_avg_pool2d along one axis: [floor(i·n/m), ceil((i+1)·n/m)). */
function bins(inSize: number, outSize: number): Int32Array {
  const edges = new Int32Array(outSize * 2);
  for (let i = 0; i < outSize; i++) {
    edges[2 * i] = Math.floor((i * inSize) / outSize);
    edges[2 * i + 1] = Math.ceil(((i + 1) * inSize) / outSize);
  }
  return edges;
}

/** Area-average resize (adaptive average pooling) of a grey image. */
export function areaResize(
  pixels: ArrayLike<number>,
  width: number,
  height: number,
  outW: number,
  outH: number,
): Float32Array {
  const cols = bins(width, outW);
  const rows = bins(height, outH);
  // Column sums per source row first, then rows: separable, as both passes are plain means.
  const horizontal = new Float64Array(height * outW);
  for (let y = 0; y < height; y++) {
    const src = y * width;
    for (let x = 0; x < outW; x++) {
      let sum = 0;
      for (let k = cols[2 * x]; k < cols[2 * x + 1]; k++) sum += pixels[src + k];
      horizontal[y * outW + x] = sum / (cols[2 * x + 1] - cols[2 * x]);
    }
  }
  const out = new Float32Array(outH * outW);
  for (let y = 0; y < outH; y++) {
    const r0 = rows[2 * y];
    const r1 = rows[2 * y + 1];
    for (let x = 0; x < outW; x++) {
      let sum = 0;
      for (let r = r0; r < r1; r++) sum += horizontal[r * outW + x];
      out[y * outW + x] = sum / (r1 - r0);
    }
  }
  return out;
}

/** Maps the content's low/high percentiles to 0/1 and clips, in place. */
export function percentileNormalise(content: Float32Array, norm: Normalisation): Float32Array {
  const sorted = Float32Array.from(content).sort();
  const n = sorted.length;
  const lo = sorted[Math.min(n - 1, Math.floor(norm.lowPercentile * (n - 1)))];
  const hi = sorted[Math.min(n - 1, Math.floor(norm.highPercentile * (n - 1)))];
  const span = Math.max(hi - lo, 1e-6);
  for (let i = 0; i < n; i++) content[i] = Math.min(1, Math.max(0, (content[i] - lo) / span));
  return content;
}

export function toModelInput(
  pixels: ArrayLike<number>,
  width: number,
  height: number,
  canvas: readonly [number, number],
  norm: Normalisation,
): ModelInput {
  const [canvasH, canvasW] = canvas;
  const placement = placementFor(height, width, canvasH, canvasW);
  const content = percentileNormalise(
    areaResize(pixels, width, height, placement.width, placement.height),
    norm,
  );
  const tensor = new Float32Array(canvasH * canvasW);
  for (let y = 0; y < placement.height; y++)
    tensor.set(
      content.subarray(y * placement.width, (y + 1) * placement.width),
      (placement.top + y) * canvasW + placement.left,
    );
  return { tensor, placement };
}
