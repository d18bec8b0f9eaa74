/** Box-average downsampling of grey pixels (each source pixel goes to the output cell it falls in). */
export function shrinkGrey(
  pixels: Uint16Array,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
): Uint16Array {
  if (outWidth === width && outHeight === height) return pixels;
  const sums = new Float64Array(outWidth * outHeight);
  const counts = new Uint32Array(outWidth * outHeight);
  const column = Uint32Array.from({ length: width }, (_, x) => Math.floor((x * outWidth) / width));
  for (let y = 0; y < height; y++) {
    const row = Math.floor((y * outHeight) / height) * outWidth;
    for (let x = 0; x < width; x++) {
      sums[row + column[x]] += pixels[y * width + x];
      counts[row + column[x]]++;
    }
  }
  const out = new Uint16Array(outWidth * outHeight);
  for (let i = 0; i < out.length; i++) out[i] = counts[i] ? Math.round(sums[i] / counts[i]) : 0;
  return out;
}
