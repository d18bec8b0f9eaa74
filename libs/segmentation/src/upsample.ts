import type { Placement } from './preprocess.js';

/** Source grid: one channel of the canvas and where the image content sits in it. */
export interface ChannelGrid {
  data: Float32Array;
  /** Offset of the channel in data (channel × canvas plane). */
  offset: number;
  canvasWidth: number;
  placement: Placement;
}

interface Axis {
  i0: Int32Array;
  i1: Int32Array;
  f: Float32Array;
}

/** Sample positions of a bilinear resize (align_corners = false), as torch and the training code use. */
function axis(src: number, dst: number): Axis {
  const i0 = new Int32Array(dst);
  const i1 = new Int32Array(dst);
  const f = new Float32Array(dst);
  const scale = src / dst;
  for (let d = 0; d < dst; d++) {
    const s = Math.min(src - 1, Math.max(0, (d + 0.5) * scale - 0.5));
    i0[d] = Math.floor(s);
    i1[d] = Math.min(src - 1, i0[d] + 1);
    f[d] = s - i0[d];
  }
  return { i0, i1, f };
}

/**
 * Thresholds the bilinear interpolation of a probability channel at the target size, so mask
 * edges fall between model pixels instead of on their blocky boundaries. Cells whose four
 * corners agree are filled without interpolating (most of the image), which keeps this cheap.
 */
export function upsampleThreshold(
  grid: ChannelGrid,
  outWidth: number,
  outHeight: number,
  threshold = 0.5,
): Uint8Array {
  const { data, offset, canvasWidth, placement } = grid;
  const w = placement.width;
  const h = placement.height;
  const at = (x: number, y: number) => data[offset + (placement.top + y) * canvasWidth + placement.left + x];
  // Per source cell (x, y)…(x+1, y+1): 0 all below, 2 all above, 1 mixed.
  const cell = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y1 = Math.min(h - 1, y + 1);
    for (let x = 0; x < w; x++) {
      const x1 = Math.min(w - 1, x + 1);
      const a = at(x, y) > threshold;
      const b = at(x1, y) > threshold;
      const c = at(x, y1) > threshold;
      const d = at(x1, y1) > threshold;
      cell[y * w + x] = a && b && c && d ? 2 : a || b || c || d ? 1 : 0;
    }
  }
  const xs = axis(w, outWidth);
  const ys = axis(h, outHeight);
  const out = new Uint8Array(outWidth * outHeight);
  for (let Y = 0; Y < outHeight; Y++) {
    const y0 = ys.i0[Y];
    const y1 = ys.i1[Y];
    const fy = ys.f[Y];
    const row = Y * outWidth;
    for (let X = 0; X < outWidth; X++) {
      const x0 = xs.i0[X];
      const state = cell[y0 * w + x0];
      if (state === 0) continue;
      if (state === 2) {
        out[row + X] = 1;
        continue;
      }
      const fx = xs.f[X];
      const x1 = xs.i1[X];
      const top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
      const bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
      if (top * (1 - fy) + bottom * fy > threshold) out[row + X] = 1;
    }
  }
  return out;
}

/**
 * Level codes at the target size: each body pixel takes the code of the nearest model pixel, or
 * of a neighbour when that one lies just outside the body at the model's resolution.
 */
export function upsampleCodes(
  codes: Uint8Array,
  canvasWidth: number,
  placement: Placement,
  body: Uint8Array,
  outWidth: number,
  outHeight: number,
): Uint8Array {
  const out = new Uint8Array(outWidth * outHeight);
  const sx = placement.width / outWidth;
  const sy = placement.height / outHeight;
  const code = (x: number, y: number) =>
    x < 0 || y < 0 || x >= placement.width || y >= placement.height
      ? 0
      : codes[(placement.top + y) * canvasWidth + placement.left + x];
  for (let Y = 0; Y < outHeight; Y++) {
    const y = Math.min(placement.height - 1, Math.floor((Y + 0.5) * sy));
    for (let X = 0; X < outWidth; X++) {
      const i = Y * outWidth + X;
      if (!body[i]) continue;
      const x = Math.min(placement.width - 1, Math.floor((X + 0.5) * sx));
      let c = code(x, y);
      for (let k = 0; !c && k < NEIGHBOURS.length; k++) c = code(x + NEIGHBOURS[k][0], y + NEIGHBOURS[k][1]);
      out[i] = c;
    }
  }
  return out;
}

const NEIGHBOURS = [
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1],
  [-1, -1],
  [1, -1],
  [-1, 1],
  [1, 1],
] as const;
