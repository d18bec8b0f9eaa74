/** One grey channel of a decoded PNG: 16-bit stored values from /pixels, or 8-bit from the /image fallback. */
export interface GreyImage {
  width: number;
  height: number;
  values: Uint16Array | Uint8Array;
  /** Largest value the bit depth can hold (65535 or 255): the size of the lookup table. */
  maxValue: number;
}

/** What fast-png's `decode` gives back, as far as this module needs it. */
export interface DecodedPngLike {
  width: number;
  height: number;
  data: ArrayLike<number>;
  depth: number;
  channels: number;
}

/** Takes the first (grey) channel; a grey+alpha or RGB PNG is read as its first channel. */
export function greyImageFromPng(png: DecodedPngLike): GreyImage {
  const { width, height, channels, depth } = png;
  if (depth !== 8 && depth !== 16) throw new Error(`a ${depth}-bit PNG cannot be shown as a radiograph`);
  const count = width * height;
  if (png.data.length < count * channels) throw new Error('the PNG holds fewer pixels than its size says');
  const values = depth === 16 ? new Uint16Array(count) : new Uint8Array(count);
  for (let i = 0; i < count; i++) values[i] = png.data[i * channels];
  return { width, height, values, maxValue: depth === 16 ? 65535 : 255 };
}

export interface ValueRange {
  min: number;
  max: number;
}

/** The smallest and largest stored value. */
export function valueRange(image: GreyImage): ValueRange {
  let min = image.maxValue;
  let max = 0;
  for (const v of image.values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return max >= min ? { min, max } : { min: 0, max: image.maxValue };
}

/** The values at two fractions of the histogram (1 % and 99 % by default): a range that ignores stray pixels. */
export function percentileRange(image: GreyImage, low = 0.01, high = 0.99): ValueRange {
  const { values } = image;
  if (values.length === 0) return { min: 0, max: image.maxValue };
  const histogram = new Uint32Array(image.maxValue + 1);
  for (const v of values) histogram[v]++;
  const at = (fraction: number) => {
    const target = Math.min(values.length - 1, Math.max(0, Math.floor(fraction * values.length)));
    let seen = 0;
    for (let v = 0; v < histogram.length; v++) {
      seen += histogram[v];
      if (seen > target) return v;
    }
    return image.maxValue;
  };
  return { min: at(low), max: at(high) };
}
