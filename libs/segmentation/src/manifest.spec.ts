import { readFileSync } from 'node:fs';
import { LEVELS, STRUCTURES } from '@spineqc/qc-standard';
import { describe, expect, it } from 'vitest';
import { SegmentationError } from './errors.js';
import { VIEW_CLASSES, parseManifest } from './manifest.js';

const MANIFEST_URL = new URL('../../../models/spineqc-seg.json', import.meta.url);
const shipped = () => JSON.parse(readFileSync(MANIFEST_URL, 'utf8')) as Record<string, unknown>;

function problemsOf(patch: Record<string, unknown>): SegmentationError {
  const text = JSON.stringify({ ...shipped(), ...patch });
  try {
    parseManifest(text, 'model.json');
  } catch (error) {
    return error as SegmentationError;
  }
  throw new Error(`manifest accepted: ${text}`);
}

describe('parseManifest', () => {
  it('accepts the shipped manifest', () => {
    const manifest = parseManifest(readFileSync(MANIFEST_URL, 'utf8'), 'spineqc-seg.json');
    expect(manifest.structures).toEqual([...STRUCTURES]);
    expect(manifest.levels).toEqual([...LEVELS]);
    expect(manifest.views).toEqual([...VIEW_CLASSES]);
    expect(manifest.canvas).toHaveLength(2);
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the source and each contract problem, as MODEL_CONTRACT', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { structures: [STRUCTURES[1], STRUCTURES[0], ...STRUCTURES.slice(2)] },
        /structures must be \[vertebral-body, l3-double-contour/,
      ],
      [{ structures: STRUCTURES.slice(1) }, /structures must be/],
      [{ levels: [...LEVELS].reverse() }, /levels must be \[T6, T7/],
      [{ views: ['ap', 'lateral', 'oblique'] }, /views must be \[ap, lateral, oblique, other\]/],
      [{ version: '1.0' }, /version must be semantic/],
      [{ version: 'v1.0.0' }, /version must be semantic/],
      [{ version: '1.0.0 beta' }, /version must be semantic/],
      [{ version: 3 }, /version must be semantic/],
      [{ sha256: undefined }, /sha256 missing/],
      [{ sha256: 'ABC' }, /sha256 missing/],
      [{ name: undefined }, /name missing/],
      [{ stride: undefined }, /stride missing/],
      [{ canvas: [256] }, /canvas must be \[height, width\]/],
      [{ canvas: [256, -192] }, /canvas must be/],
      [{ canvas: [256.5, 192] }, /canvas must be/],
      [{ normalisation: undefined }, /normalisation must give/],
      [{ normalisation: { lowPercentile: 0.9, highPercentile: 0.1 } }, /normalisation must give/],
      [{ normalisation: { lowPercentile: -0.1, highPercentile: 0.9 } }, /normalisation must give/],
      [{ normalisation: { lowPercentile: 0.1, highPercentile: 1.5 } }, /normalisation must give/],
    ];
    for (const [patch, message] of cases) {
      const error = problemsOf(patch);
      expect(error, JSON.stringify(patch)).toBeInstanceOf(SegmentationError);
      expect(error.code).toBe('MODEL_CONTRACT');
      expect(error.message).toMatch(/^model\.json: /);
      expect(error.message).toMatch(message);
    }
  });

  it('accepts a pre-release or build version', () => {
    expect(
      parseManifest(JSON.stringify({ ...shipped(), version: '1.2.3-rc.1+build.5' }), 'm.json').version,
    ).toBe('1.2.3-rc.1+build.5');
  });

  it('lists every problem at once', () => {
    const error = problemsOf({ version: 'x', sha256: undefined, levels: [] });
    expect(error.message).toMatch(/version must be semantic.*levels must be.*sha256 missing/);
  });

  it('calls a file that is not JSON corrupt, and a JSON value that is no object a contract problem', () => {
    expect(() => parseManifest('{"name": ', 'm.json')).toThrow(
      expect.objectContaining({
        code: 'MODEL_CORRUPT',
        message: expect.stringMatching(/^m\.json: not JSON/),
      }),
    );
    for (const text of ['null', '42', '"manifest"', '[]'])
      expect(() => parseManifest(text, 'm.json'), text).toThrow(
        expect.objectContaining({ code: 'MODEL_CONTRACT', message: expect.stringContaining('m.json') }),
      );
  });
});
