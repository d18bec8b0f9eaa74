/** One 8-connected component of a mask, with the statistics the rules need (pixel coordinates). */
export interface Component {
  /** Pixel value shared by the component (1 for binary masks, the level code for the level map). */
  value: number;
  /** Pixel count. */
  area: number;
  /** Centroid (mean column and row of its pixels). */
  cx: number;
  cy: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  touchesBorder: boolean;
}

/**
 * Labels 8-connected components with a two-pass union-find. In `binary` mode every non-zero pixel
 * is foreground; in `by-value` mode (the level map) only equal non-zero values connect, so touching
 * bodies of adjacent levels stay apart. Components come out in raster order of their first pixel.
 */
export function labelComponents(
  data: Uint8Array,
  width: number,
  height: number,
  mode: 'binary' | 'by-value',
): Component[] {
  const binary = mode === 'binary';
  const labels = new Int32Array(width * height);
  const parent: number[] = [0];
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]];
      a = parent[a];
    }
    return a;
  };
  // Joins pixel j's label into `label` (0 = none yet) when j has the same class as the current pixel.
  const join = (label: number, j: number, c: number): number => {
    const lj = labels[j];
    if (!lj || (!binary && data[j] !== c)) return label;
    const rj = find(lj);
    if (!label) return rj;
    const rl = find(label);
    if (rl === rj) return rl;
    const [lo, hi] = rl < rj ? [rl, rj] : [rj, rl];
    parent[hi] = lo;
    return lo;
  };

  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      const c = data[i];
      if (!c) continue;
      // Already-visited neighbours: W, NW, N, NE.
      let label = x > 0 ? join(0, i - 1, c) : 0;
      if (y > 0) {
        if (x > 0) label = join(label, i - width - 1, c);
        label = join(label, i - width, c);
        if (x < width - 1) label = join(label, i - width + 1, c);
      }
      if (!label) {
        label = parent.length;
        parent.push(label);
      }
      labels[i] = label;
    }
  }

  const byRoot = new Map<number, Component & { sumX: number; sumY: number }>();
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      if (!labels[i]) continue;
      const root = find(labels[i]);
      let c = byRoot.get(root);
      if (!c) {
        const value = binary ? 1 : data[i];
        c = {
          value,
          area: 0,
          cx: 0,
          cy: 0,
          sumX: 0,
          sumY: 0,
          minX: x,
          maxX: x,
          minY: y,
          maxY: y,
          touchesBorder: false,
        };
        byRoot.set(root, c);
      }
      c.area++;
      c.sumX += x;
      c.sumY += y;
      if (x < c.minX) c.minX = x;
      if (x > c.maxX) c.maxX = x;
      c.maxY = y;
    }
  }
  return [...byRoot.values()].map(({ sumX, sumY, ...c }) => ({
    ...c,
    cx: sumX / c.area,
    cy: sumY / c.area,
    touchesBorder: c.minX === 0 || c.minY === 0 || c.maxX === width - 1 || c.maxY === height - 1,
  }));
}

/** Number of non-zero pixels. */
export function countPixels(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) n++;
  return n;
}
