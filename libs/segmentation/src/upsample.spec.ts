import { describe, expect, it } from 'vitest';
import type { Placement } from './preprocess.js';
import { upsampleCodes, upsampleThreshold, type ChannelGrid } from './upsample.js';

/**
 * A canvas of `channels` planes with the content (rows of `content`) at `placement`; everything
 * outside the content, and every other channel, holds `outside` so that reading past the
 * placement would show.
 */
function grid(
  content: number[][],
  placement: Placement,
  canvasW: number,
  canvasH: number,
  channel = 1,
): ChannelGrid {
  const plane = canvasW * canvasH;
  const data = new Float32Array(plane * (channel + 2)).fill(0.9);
  const offset = channel * plane;
  data.fill(0.1, offset, offset + plane);
  content.forEach((row, y) =>
    row.forEach((v, x) => (data[offset + (placement.top + y) * canvasW + placement.left + x] = v)),
  );
  return { data, offset, canvasWidth: canvasW, placement };
}

function columnsSet(mask: Uint8Array, width: number, row: number): number[] {
  const set: number[] = [];
  for (let x = 0; x < width; x++) if (mask[row * width + x]) set.push(x);
  return set;
}

describe('upsampleThreshold', () => {
  const placement: Placement = { top: 2, left: 3, height: 2, width: 4 };

  it('puts a probability step edge at its sub-pixel position, not on the model pixel boundary', () => {
    // Along x the probability goes 0 → 0.75 between source columns 1 and 2, so it crosses 0.5 at
    // x = 1 + 0.5 / 0.75 ≈ 1.667. At 4× (align_corners = false, x = (X + 0.5) / 4 − 0.5) that is
    // X > 8.17: the mask starts at output column 9, where nearest-neighbour would start at 8.
    const g = grid(
      [
        [0, 0, 0.75, 1],
        [0, 0, 0.75, 1],
      ],
      placement,
      10,
      8,
    );
    const out = upsampleThreshold(g, 16, 8);
    for (let row = 0; row < 8; row++) expect(columnsSet(out, 16, row)).toEqual([9, 10, 11, 12, 13, 14, 15]);
  });

  it('places a vertical edge the same way along y', () => {
    const g = grid(
      [
        [0, 0, 0, 0],
        [1, 1, 1, 1],
      ],
      placement,
      10,
      8,
    );
    // y = (Y + 0.5) / 3 − 0.5 > 0.5 ⇔ Y > 2.5: rows 3…5 of 6.
    const out = upsampleThreshold(g, 4, 6);
    const rows = [0, 1, 2, 3, 4, 5].map((y) => columnsSet(out, 4, y).length);
    expect(rows).toEqual([0, 0, 0, 4, 4, 4]);
  });

  it('fills cells that are all above the threshold and skips cells all below', () => {
    const above = grid(
      [
        [0.6, 0.7, 0.8, 0.9],
        [0.51, 0.6, 0.7, 0.99],
      ],
      placement,
      10,
      8,
    );
    expect(upsampleThreshold(above, 13, 7).every((v) => v === 1)).toBe(true);
    const below = grid(
      [
        [0.4, 0.3, 0.2, 0.1],
        [0.5, 0.0, 0.49, 0.2],
      ],
      placement,
      10,
      8,
    );
    expect(upsampleThreshold(below, 13, 7).every((v) => v === 0)).toBe(true);
  });

  it('reads only its own channel inside the placement', () => {
    // The rest of the canvas and the other channels hold 0.9 / 0.1: none of it may leak in.
    const g = grid(
      [
        [0.2, 0.2, 0.2, 0.2],
        [0.2, 0.2, 0.2, 0.2],
      ],
      placement,
      10,
      8,
      0,
    );
    expect(upsampleThreshold(g, 8, 4).every((v) => v === 0)).toBe(true);
  });

  it('honours another threshold', () => {
    const g = grid(
      [
        [0.3, 0.3, 0.3, 0.3],
        [0.3, 0.3, 0.3, 0.3],
      ],
      placement,
      10,
      8,
    );
    expect(upsampleThreshold(g, 8, 4, 0.25).every((v) => v === 1)).toBe(true);
  });

  it('returns exactly the requested size, also when shrinking or with odd factors', () => {
    const g = grid(
      [
        [0, 1, 0, 1],
        [1, 0, 1, 0],
      ],
      placement,
      10,
      8,
    );
    for (const [w, h] of [
      [1, 1],
      [3, 1],
      [4, 2],
      [7, 5],
      [471, 823],
    ])
      expect(upsampleThreshold(g, w, h).length).toBe(w * h);
  });
});

describe('upsampleCodes', () => {
  // Two bodies side by side at the model's resolution: codes 8 (L1) and 9 (L2), with a gap column.
  const placement: Placement = { top: 1, left: 1, height: 2, width: 5 };
  const canvasW = 7;
  const codes = new Uint8Array(canvasW * 4);
  codes.set([8, 8, 0, 9, 9], 1 * canvasW + 1);
  codes.set([8, 8, 0, 9, 9], 2 * canvasW + 1);

  it('gives body pixels the code of their model pixel (or its neighbour) and nothing outside the mask', () => {
    const outW = 10;
    const outH = 4;
    const body = new Uint8Array(outW * outH);
    body.fill(1, 0, outW); // only the top row is body
    const out = upsampleCodes(codes, canvasW, placement, body, outW, outH);
    // Output columns 4 and 5 map to the model's gap column and borrow from its left neighbour.
    expect(Array.from(out.subarray(0, outW))).toEqual([8, 8, 8, 8, 8, 8, 9, 9, 9, 9]);
    expect(out.subarray(outW).every((c) => c === 0)).toBe(true);
  });

  it('borrows a neighbour code where the body mask reaches past the model-resolution body', () => {
    const outW = 5;
    const outH = 2;
    const body = new Uint8Array(outW * outH).fill(1);
    const out = upsampleCodes(codes, canvasW, placement, body, outW, outH);
    // Column 2 maps to the gap column of the model; its left neighbour (code 8) is taken first.
    expect(Array.from(out.subarray(0, outW))).toEqual([8, 8, 8, 9, 9]);
    expect(out.every((c) => c !== 0)).toBe(true);
  });

  it('returns exactly the requested size', () => {
    for (const [w, h] of [
      [1, 1],
      [9, 3],
      [50, 20],
    ])
      expect(upsampleCodes(codes, canvasW, placement, new Uint8Array(w * h), w, h).length).toBe(w * h);
  });
});
