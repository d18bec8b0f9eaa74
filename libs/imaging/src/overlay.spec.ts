import { describe, expect, it } from 'vitest';
import { levelCode, STRUCTURES, type Structure } from '@spineqc/qc-standard';
import { outlineOf, renderOverlay, STRUCTURE_COLOURS } from './overlay.js';

const W = 120;
const H = 160;

/** A grey gradient radiograph so windowing has something to stretch. */
function base() {
  const pixels = new Uint16Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) pixels[y * W + x] = 1000 + x * 10;
  return { width: W, height: H, pixels, bitsStored: 12 };
}

function rect(x0: number, y0: number, x1: number, y1: number): Uint8Array {
  const mask = new Uint8Array(W * H);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) mask[y * W + x] = 1;
  return mask;
}

function pixel(rgb: Uint8Array, x: number, y: number): [number, number, number] {
  const o = 3 * (y * W + x);
  return [rgb[o], rgb[o + 1], rgb[o + 2]];
}

const isGrey = ([r, g, b]: number[]) => r === g && g === b;

/** Which way the overlay pulled a pixel away from grey must match the colour's own bias. */
function tintedToward(colour: readonly number[], [r, g, b]: number[]): boolean {
  const grey = (r + g + b) / 3;
  const mean = (colour[0] + colour[1] + colour[2]) / 3;
  return [r, g, b].every(
    (c, i) =>
      Math.sign(Math.round(c - grey)) === Math.sign(Math.round(colour[i] - mean)) ||
      Math.abs(colour[i] - mean) < 20,
  );
}

describe('STRUCTURE_COLOURS', () => {
  it('gives every structure its own clearly different colour', () => {
    const colours = STRUCTURES.map((s) => STRUCTURE_COLOURS[s]);
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++) {
        const distance = Math.hypot(...colours[i].map((c, k) => c - colours[j][k]));
        expect(distance, `${STRUCTURES[i]} vs ${STRUCTURES[j]}`).toBeGreaterThan(60);
      }
      expect(isGrey([...colours[i]])).toBe(false);
    }
  });
});

describe('renderOverlay', () => {
  it('windows the radiograph to grey where there are no masks', () => {
    const out = renderOverlay(base(), {});
    expect(out.width).toBe(W);
    expect(out.height).toBe(H);
    expect(isGrey(pixel(out.rgb, 5, 5))).toBe(true);
    // Robust window: the darkest columns go black, the brightest white.
    expect(pixel(out.rgb, 0, 0)[0]).toBe(0);
    expect(pixel(out.rgb, W - 1, 0)[0]).toBe(255);
  });

  it('colours each structure where its mask is and only there', () => {
    const masks: Partial<Record<Structure, Uint8Array>> = {
      'vertebral-body': rect(40, 20, 80, 60),
      pelvis: rect(10, 110, 110, 150),
      'spinous-process': rect(55, 70, 65, 90),
    };
    const out = renderOverlay(base(), masks);
    for (const [structure, [x, y]] of [
      ['vertebral-body', [60, 40]],
      ['pelvis', [30, 130]],
      ['spinous-process', [60, 80]],
    ] as const) {
      const colour = pixel(out.rgb, x, y);
      expect(isGrey(colour), structure).toBe(false);
      expect(tintedToward(STRUCTURE_COLOURS[structure], colour), structure).toBe(true);
    }
    expect(isGrey(pixel(out.rgb, 20, 10))).toBe(true);
    expect(isGrey(pixel(out.rgb, 60, 100))).toBe(true);
  });

  it('draws only the boundary in outline mode, in the full colour', () => {
    const out = renderOverlay(base(), { sacrum: rect(40, 40, 80, 80) }, undefined, { outline: true });
    expect(pixel(out.rgb, 40, 60)).toEqual([...STRUCTURE_COLOURS.sacrum]);
    expect(pixel(out.rgb, 79, 60)).toEqual([...STRUCTURE_COLOURS.sacrum]);
    expect(isGrey(pixel(out.rgb, 60, 60))).toBe(true);
  });

  it('emphasises highlighted structures and dims the rest', () => {
    const masks = { pedicle: rect(10, 10, 50, 50), 'intervertebral-foramen': rect(60, 10, 100, 50) };
    const plain = renderOverlay(base(), masks);
    const focused = renderOverlay(base(), masks, undefined, { highlight: ['pedicle'] });
    const tint = (rgb: Uint8Array, x: number, y: number) => {
      const [r, g, b] = pixel(rgb, x, y);
      return Math.max(r, g, b) - Math.min(r, g, b);
    };
    expect(tint(focused.rgb, 30, 30)).toBeGreaterThan(tint(plain.rgb, 30, 30));
    expect(tint(focused.rgb, 80, 30)).toBeLessThan(tint(plain.rgb, 80, 30));
    // Highlighted structures also get their outline.
    expect(pixel(focused.rgb, 10, 30)).toEqual([...STRUCTURE_COLOURS.pedicle]);
  });

  it('labels each vertebral level left of its body', () => {
    const levels = new Uint8Array(W * H);
    const l3 = rect(60, 20, 100, 50);
    const l4 = rect(60, 70, 100, 100);
    for (let i = 0; i < levels.length; i++) levels[i] = l3[i] ? levelCode('L3') : l4[i] ? levelCode('L4') : 0;
    const out = renderOverlay({ ...base(), pixels: new Uint16Array(W * H).fill(0) }, {}, levels);
    const whiteIn = (x0: number, x1: number, y0: number, y1: number) => {
      let count = 0;
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) if (pixel(out.rgb, x, y).every((c) => c === 255)) count++;
      return count;
    };
    // Labels are 11 px wide ("L3"), end 2 px before the body, centred on rows 35 and 85.
    expect(whiteIn(45, 60, 30, 40)).toBeGreaterThan(10);
    expect(whiteIn(45, 60, 80, 90)).toBeGreaterThan(10);
    expect(whiteIn(45, 60, 55, 65)).toBe(0);
    expect(whiteIn(60, W, 0, H)).toBe(0);
  });

  it('downscales to a thumbnail, keeping colours and labels', () => {
    const levels = new Uint8Array(W * H);
    const body = rect(60, 40, 100, 120);
    for (let i = 0; i < levels.length; i++) levels[i] = body[i] ? levelCode('T12') : 0;
    const dark = { ...base(), pixels: new Uint16Array(W * H) };
    const out = renderOverlay(dark, { 'vertebral-body': body }, levels, { scale: 0.5, outline: true });
    expect(out.width).toBe(60);
    expect(out.height).toBe(80);
    expect(out.rgb.length).toBe(60 * 80 * 3);
    const edge = [
      out.rgb[3 * (40 * 60 + 30)],
      out.rgb[3 * (40 * 60 + 30) + 1],
      out.rgb[3 * (40 * 60 + 30) + 2],
    ];
    expect(isGrey(edge)).toBe(false);
    // "T12" (17 px at text scale 1) sits left of the body's edge at x = 30, around row 40.
    let white = 0;
    for (let y = 30; y < 50; y++) {
      for (let x = 0; x < 30; x++) {
        const o = 3 * (y * 60 + x);
        if (out.rgb[o] === 255 && out.rgb[o + 1] === 255 && out.rgb[o + 2] === 255) white++;
      }
    }
    expect(white).toBeGreaterThan(10);
  });

  it('refuses masks of the wrong size', () => {
    expect(() => renderOverlay(base(), { sacrum: new Uint8Array(10) })).toThrow(/sacrum/);
  });
});

describe('outlineOf', () => {
  it('keeps the ring of the given thickness, image edges included', () => {
    const mask = rect(0, 0, 10, 10);
    const ring = outlineOf(mask, W, H, 2);
    const count = ring.reduce((s, v) => s + v, 0);
    expect(count).toBe(100 - 36);
    expect(ring[5 * W + 5]).toBe(0);
    expect(ring[0]).toBe(1);
  });
});
