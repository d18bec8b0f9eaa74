import { STRUCTURES } from '@spineqc/qc-standard';
import { decode, encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { maskLayersFromPng, structureBit, structuresPresent } from './mask-layers';

describe('maskLayersFromPng', () => {
  it('splits grey (structure bits) from alpha (level codes) of the PNG the API sends', () => {
    // pixel 0: vertebral body (bit 0) at L3 (code 10); pixel 1: pelvis (bit 7), no level
    const png = encode({ width: 2, height: 1, data: new Uint8Array([1, 10, 128, 0]), depth: 8, channels: 2 });
    const layers = maskLayersFromPng(decode(png));
    expect(layers.width).toBe(2);
    expect([...layers.bits]).toEqual([1, 128]);
    expect([...layers.levels]).toEqual([10, 0]);
  });

  it('refuses anything but 8-bit grey+alpha', () => {
    expect(() => maskLayersFromPng({ width: 1, height: 1, data: [0], depth: 8, channels: 1 })).toThrow(
      /grey\+alpha/,
    );
  });
});

describe('structure bits', () => {
  it('follow the order of STRUCTURES', () => {
    expect(structureBit(STRUCTURES[0])).toBe(1);
    expect(structureBit('pelvis')).toBe(1 << STRUCTURES.indexOf('pelvis'));
  });

  it('tell which structures the film shows', () => {
    const bits = new Uint8Array([
      structureBit('sacrum'),
      0,
      structureBit('sacrum') | structureBit('pedicle'),
    ]);
    const present = structuresPresent({ width: 3, height: 1, bits, levels: new Uint8Array(3) });
    expect([...present].sort()).toEqual(['pedicle', 'sacrum']);
  });
});
