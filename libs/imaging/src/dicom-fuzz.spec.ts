// Hostile input: whatever bytes a peer sends, the DICOM readers answer with a result or an ImagingError
// (which the receivers turn into a DICOM failure status or an HTTP 4xx with its reason) — never a
// TypeError/RangeError from deep inside a parser, which would surface as an internal error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dxFilm } from './compressed.fixtures.js';
import { readDicomHeader } from './dicom-header.js';
import { readDicom } from './dicom-read.js';
import { writeDxDicom } from './dicom-write.js';
import { imagingOutcome } from './damage.fixtures.js';

const source = writeDxDicom(dxFilm());

const mutation = fc.oneof(
  // truncated anywhere
  fc.nat({ max: source.length - 1 }).map((at) => ({ kind: 'truncate' as const, at })),
  // a few bytes overwritten anywhere (tags, VRs, lengths, values)
  fc
    .array(fc.tuple(fc.nat({ max: source.length - 1 }), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 8,
    })
    .map((writes) => ({ kind: 'overwrite' as const, writes })),
  // an absurd 32-bit length written at a random place in the header region
  fc
    .tuple(fc.nat({ max: 2000 }), fc.constantFrom(0xffffffff, 0x7fffffff, 0xfffffff0, 0x10000000))
    .map(([at, value]) => ({ kind: 'length' as const, at, value })),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function apply(m: Mutation): Uint8Array {
  const bytes = Uint8Array.from(source);
  if (m.kind === 'truncate') return bytes.subarray(0, m.at);
  if (m.kind === 'overwrite') {
    for (const [at, value] of m.writes) bytes[at] = value;
    return bytes;
  }
  new DataView(bytes.buffer).setUint32(Math.min(m.at, bytes.length - 4), m.value, true);
  return bytes;
}

describe('DICOM readers on hostile bytes', () => {
  it('readDicomHeader: a damaged file is read or refused with an ImagingError', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        expect(typeof imagingOutcome(() => readDicomHeader(apply(m)))).toBe('string');
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('readDicom (pixels too): a damaged file is decoded or refused with an ImagingError', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        expect(typeof imagingOutcome(() => readDicom(apply(m)))).toBe('string');
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('random bytes, with or without a DICM preamble, are refused with an ImagingError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), (noise, preamble) => {
        const bytes = preamble
          ? new Uint8Array([...new Uint8Array(128), 0x44, 0x49, 0x43, 0x4d, ...noise])
          : noise;
        expect(imagingOutcome(() => readDicomHeader(bytes))).not.toBe('ok');
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
