import { describe, expect, it } from 'vitest';
import { structureBit, type MaskLayers } from './mask-layers';
import { FILL_ALPHA, OUTLINE_ALPHA, paintOverlay } from './overlay-paint';
import { STRUCTURE_COLOURS } from './structure-colours';

/** A 5×5 film with a 3×3 vertebral body in the middle and one pelvis pixel in the corner. */
function layers(): MaskLayers {
  const bits = new Uint8Array(25);
  for (let y = 1; y <= 3; y++) for (let x = 1; x <= 3; x++) bits[y * 5 + x] = structureBit('vertebral-body');
  bits[0] = structureBit('pelvis');
  return { width: 5, height: 5, bits, levels: new Uint8Array(25) };
}

const alphaAt = (rgba: Uint8ClampedArray, x: number, y: number) => rgba[(y * 5 + x) * 4 + 3];

describe('paintOverlay', () => {
  it('paints nothing when every structure is off', () => {
    expect(paintOverlay(layers(), new Set()).every((v) => v === 0)).toBe(true);
  });

  it('outlines the edge and fills the inside in the structure colour', () => {
    const rgba = paintOverlay(layers(), new Set(['vertebral-body']));
    expect(alphaAt(rgba, 2, 2)).toBe(Math.round(FILL_ALPHA * 255));
    expect(alphaAt(rgba, 1, 1)).toBe(Math.round(OUTLINE_ALPHA * 255));
    expect(alphaAt(rgba, 0, 4)).toBe(0);
    const centre = (2 * 5 + 2) * 4;
    expect([...rgba.slice(centre, centre + 3)]).toEqual([...STRUCTURE_COLOURS['vertebral-body']]);
    // the pelvis is off
    expect(alphaAt(rgba, 0, 0)).toBe(0);
  });

  it('does not outline where the structure meets the image border', () => {
    const rgba = paintOverlay(layers(), new Set(['pelvis']));
    expect(alphaAt(rgba, 0, 0)).toBe(Math.round(OUTLINE_ALPHA * 255)); // its right and lower neighbours are outside
    const full: MaskLayers = {
      width: 2,
      height: 1,
      bits: new Uint8Array([128, 128]),
      levels: new Uint8Array(2),
    };
    const strip = paintOverlay(full, new Set(['pelvis']));
    expect(strip[3]).toBe(Math.round(FILL_ALPHA * 255));
  });

  it('composites overlapping structures (source-over)', () => {
    const both = structureBit('vertebral-body') | structureBit('pedicle');
    const one: MaskLayers = {
      width: 3,
      height: 3,
      bits: new Uint8Array(9).fill(both),
      levels: new Uint8Array(9),
    };
    const rgba = paintOverlay(one, new Set(['vertebral-body', 'pedicle']));
    const centre = 4 * 4;
    const expectedAlpha = FILL_ALPHA + FILL_ALPHA * (1 - FILL_ALPHA);
    expect(rgba[centre + 3]).toBe(Math.round(expectedAlpha * 255));
    // the pedicle is drawn after the vertebral body, so it weighs more in the mix
    const [pr] = STRUCTURE_COLOURS.pedicle;
    const [vr] = STRUCTURE_COLOURS['vertebral-body'];
    const red = (pr * FILL_ALPHA + vr * FILL_ALPHA * (1 - FILL_ALPHA)) / expectedAlpha;
    expect(rgba[centre]).toBe(Math.round(red));
  });
});
