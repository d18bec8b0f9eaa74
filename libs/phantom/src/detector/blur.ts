/**
 * Separable smoothing of row-major float images. Every filter renormalises at the image border
 * (it averages only the pixels inside), so a flat image stays flat up to the edge. Vertical passes
 * run row by row so they stream through memory.
 */

/** Exact truncated Gaussian (radius 3σ); σ in pixels per axis; an axis with σ < 0.1 is left as is. */
export function gaussianBlur(
  src: Float32Array,
  width: number,
  height: number,
  sigmaX: number,
  sigmaY = sigmaX,
): Float32Array {
  let out = src;
  if (sigmaX >= 0.1) out = horizontalKernel(out, width, height, gaussianKernel(sigmaX));
  if (sigmaY >= 0.1) out = verticalKernel(out, width, height, gaussianKernel(sigmaY));
  return out === src ? src.slice() : out;
}

/** Gaussian approximated by three box passes per axis: cost independent of σ (pixels; coarse below ~1.5). */
export function boxGaussianBlur(
  src: Float32Array,
  width: number,
  height: number,
  sigmaX: number,
  sigmaY = sigmaX,
): Float32Array {
  // Three passes of a (2r+1)-wide box have variance r(r+1).
  const radius = (sigma: number) => Math.max(0, Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2));
  const rx = radius(sigmaX);
  const ry = radius(sigmaY);
  let out = src;
  if (rx > 0) for (let pass = 0; pass < 3; pass++) out = horizontalBox(out, width, height, rx);
  if (ry > 0) for (let pass = 0; pass < 3; pass++) out = verticalBox(out, width, height, ry);
  return out === src ? src.slice() : out;
}

/**
 * A very wide Gaussian (σ of tens of pixels or more) computed on a grid coarser by about σ/4 and
 * bilinearly interpolated back: the result has no detail finer than σ anyway.
 */
export function wideBlur(src: Float32Array, width: number, height: number, sigma: number): Float32Array {
  const factor = Math.max(1, Math.floor(sigma / 4));
  if (factor === 1) return boxGaussianBlur(src, width, height, sigma);
  const w = Math.ceil(width / factor);
  const h = Math.ceil(height / factor);
  const coarse = new Float32Array(w * h);
  const counts = new Float32Array(w * h);
  for (let r = 0; r < height; r++) {
    const cr = Math.floor(r / factor) * w;
    for (let c = 0; c < width; c++) {
      const j = cr + Math.floor(c / factor);
      coarse[j] += src[r * width + c];
      counts[j]++;
    }
  }
  for (let j = 0; j < coarse.length; j++) coarse[j] /= counts[j];
  const smooth = boxGaussianBlur(coarse, w, h, sigma / factor);
  return upsampleBilinear(smooth, w, h, factor, width, height);
}

/** Bilinear interpolation of a w×h grid whose cells are `factor` pixels wide back to width×height. */
export function upsampleBilinear(
  coarse: Float32Array,
  w: number,
  h: number,
  factor: number,
  width: number,
  height: number,
): Float32Array {
  const out = new Float32Array(width * height);
  const x0 = new Int32Array(width);
  const fx = new Float32Array(width);
  for (let c = 0; c < width; c++) {
    const x = Math.min(Math.max((c + 0.5) / factor - 0.5, 0), w - 1);
    x0[c] = Math.min(Math.floor(x), w - 2 < 0 ? 0 : w - 2);
    fx[c] = w > 1 ? x - x0[c] : 0;
  }
  for (let r = 0; r < height; r++) {
    const y = Math.min(Math.max((r + 0.5) / factor - 0.5, 0), h - 1);
    const y0 = Math.min(Math.floor(y), h - 2 < 0 ? 0 : h - 2);
    const fy = h > 1 ? y - y0 : 0;
    const top = y0 * w;
    const bottom = h > 1 ? top + w : top;
    for (let c = 0; c < width; c++) {
      const a = x0[c];
      const b = w > 1 ? a + 1 : a;
      const upper = coarse[top + a] + fx[c] * (coarse[top + b] - coarse[top + a]);
      const lower = coarse[bottom + a] + fx[c] * (coarse[bottom + b] - coarse[bottom + a]);
      out[r * width + c] = upper + fy * (lower - upper);
    }
  }
  return out;
}

function gaussianKernel(sigma: number): Float64Array {
  const radius = Math.max(1, Math.ceil(3 * sigma));
  const k = new Float64Array(2 * radius + 1);
  for (let i = -radius; i <= radius; i++) k[i + radius] = Math.exp((-i * i) / (2 * sigma * sigma));
  return k;
}

function horizontalKernel(src: Float32Array, width: number, height: number, k: Float64Array): Float32Array {
  const out = new Float32Array(src.length);
  const radius = (k.length - 1) / 2;
  const total = k.reduce((a, b) => a + b, 0);
  const kn = k.map((v) => v / total);
  const interiorEnd = width - radius;
  for (let r = 0; r < height; r++) {
    const row = r * width;
    // Interior: tap by tap over the whole run, which the JIT turns into tight loops.
    for (let t = 0; t < kn.length; t++) {
      const w = kn[t];
      const shift = row + t - radius;
      for (let c = radius; c < interiorEnd; c++) out[row + c] += w * src[shift + c];
    }
    // Borders: renormalise over the taps inside the image.
    for (let c = 0; c < width; c++) {
      if (c >= radius && c < interiorEnd) {
        c = interiorEnd - 1;
        continue;
      }
      let sum = 0;
      let weight = 0;
      for (let x = Math.max(0, c - radius); x <= Math.min(width - 1, c + radius); x++) {
        sum += k[x - c + radius] * src[row + x];
        weight += k[x - c + radius];
      }
      out[row + c] = sum / weight;
    }
  }
  return out;
}

function verticalKernel(src: Float32Array, width: number, height: number, k: Float64Array): Float32Array {
  const out = new Float32Array(src.length);
  const radius = (k.length - 1) / 2;
  for (let r = 0; r < height; r++) {
    const from = Math.max(0, r - radius);
    const to = Math.min(height - 1, r + radius);
    let weight = 0;
    for (let y = from; y <= to; y++) weight += k[y - r + radius];
    const row = r * width;
    for (let y = from; y <= to; y++) {
      const kw = k[y - r + radius] / weight;
      const srcRow = y * width;
      for (let c = 0; c < width; c++) out[row + c] += kw * src[srcRow + c];
    }
  }
  return out;
}

function horizontalBox(src: Float32Array, width: number, height: number, radius: number): Float32Array {
  const out = new Float32Array(src.length);
  const inner = 1 / (2 * radius + 1);
  for (let r = 0; r < height; r++) {
    const row = r * width;
    // Running sum over [c − radius, c + radius] ∩ image; the interior needs no bounds checks.
    let sum = 0;
    for (let x = 0; x < Math.min(radius, width); x++) sum += src[row + x];
    let c = 0;
    for (; c < width && (c - radius - 1 < 0 || c + radius >= width); c++) {
      if (c + radius < width) sum += src[row + c + radius];
      if (c - radius - 1 >= 0) sum -= src[row + c - radius - 1];
      out[row + c] = sum / (Math.min(width - 1, c + radius) - Math.max(0, c - radius) + 1);
    }
    const interiorEnd = width - radius;
    for (; c < interiorEnd; c++) {
      sum += src[row + c + radius] - src[row + c - radius - 1];
      out[row + c] = sum * inner;
    }
    for (; c < width; c++) {
      if (c + radius < width) sum += src[row + c + radius];
      if (c - radius - 1 >= 0) sum -= src[row + c - radius - 1];
      out[row + c] = sum / (Math.min(width - 1, c + radius) - Math.max(0, c - radius) + 1);
    }
  }
  return out;
}

function verticalBox(src: Float32Array, width: number, height: number, radius: number): Float32Array {
  const out = new Float32Array(src.length);
  const sums = new Float64Array(width);
  let count = 0;
  for (let y = 0; y < Math.min(radius, height); y++) {
    for (let c = 0; c < width; c++) sums[c] += src[y * width + c];
    count++;
  }
  for (let r = 0; r < height; r++) {
    const enter = r + radius;
    const leave = r - radius - 1;
    const enterRow = enter * width;
    const leaveRow = leave * width;
    if (enter < height && leave >= 0) {
      for (let c = 0; c < width; c++) sums[c] += src[enterRow + c] - src[leaveRow + c];
    } else {
      if (enter < height) {
        for (let c = 0; c < width; c++) sums[c] += src[enterRow + c];
        count++;
      }
      if (leave >= 0) {
        for (let c = 0; c < width; c++) sums[c] -= src[leaveRow + c];
        count--;
      }
    }
    const row = r * width;
    const inv = 1 / count;
    for (let c = 0; c < width; c++) out[row + c] = sums[c] * inv;
  }
  return out;
}
