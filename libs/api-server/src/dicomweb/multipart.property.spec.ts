// Property tests of the STOW-RS entry point: any well-formed body comes apart into exactly its parts, and
// any body at all is either parsed or refused with a StowError (a 4xx with its reason), never another error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMultipartRelated, StowError } from './multipart.js';

const BOUNDARY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'()+_,-./:=?";
const boundaryArb = fc
  .array(fc.constantFrom(...BOUNDARY_CHARS), { minLength: 1, maxLength: 70 })
  .map((chars) => chars.join(''))
  .filter((b) => !b.endsWith(' '));

function assemble(boundary: string, parts: Uint8Array[], eol: string): Buffer {
  const chunks: Buffer[] = [Buffer.from(`preamble${eol}`, 'latin1')];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}${eol}Content-Type: application/dicom${eol}${eol}`, 'latin1'));
    chunks.push(Buffer.from(part), Buffer.from(eol, 'latin1'));
  }
  chunks.push(Buffer.from(`--${boundary}--${eol}epilogue`, 'latin1'));
  return Buffer.concat(chunks);
}

const contains = (haystack: Uint8Array, needle: string) =>
  Buffer.from(haystack).includes(Buffer.from(needle, 'latin1'));

describe('parseMultipartRelated (properties)', () => {
  it('gives back exactly the parts a well-formed body was made of', () => {
    fc.assert(
      fc.property(
        boundaryArb,
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 600 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('\r\n', '\n'),
        (boundary, parts, eol) => {
          // A part may not contain its own delimiter (RFC 2046: the sender chooses a boundary that does not occur).
          fc.pre(parts.every((p) => !contains(p, `\n--${boundary}`)));
          // With bare LF line breaks a part ending in CR is ambiguous (CRLF before a delimiter is one break).
          fc.pre(eol === '\r\n' || parts.every((p) => p[p.length - 1] !== 0x0d));
          const type = `multipart/related; type="application/dicom"; boundary="${boundary}"`;
          const parsed = parseMultipartRelated(assemble(boundary, parts, eol), type);
          expect(parsed.parts.map((p) => Buffer.from(p.bytes).toString('hex'))).toEqual(
            parts.map((p) => Buffer.from(p).toString('hex')),
          );
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it('parses or refuses any body and any Content-Type with a StowError', () => {
    const typeArb = fc.oneof(
      fc.string({ maxLength: 120 }),
      boundaryArb.map((b) => `multipart/related; type="application/dicom"; boundary=${b}`),
    );
    const bodyArb = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc
        .tuple(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 500 }))
        .map(([text, bytes]) => Buffer.concat([Buffer.from(text, 'latin1'), Buffer.from(bytes)])),
    );
    fc.assert(
      fc.property(bodyArb, typeArb, (body, type) => {
        try {
          const parsed = parseMultipartRelated(body, type);
          for (const part of parsed.parts) expect(part.bytes.byteLength).toBeLessThanOrEqual(body.byteLength);
        } catch (error) {
          if (!(error instanceof StowError)) throw error;
        }
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('refuses a well-formed body cut short anywhere before its close delimiter', () => {
    fc.assert(
      fc.property(
        boundaryArb,
        fc.uint8Array({ minLength: 1, maxLength: 400 }),
        fc.nat(),
        (boundary, part, cut) => {
          fc.pre(!contains(part, `--${boundary}`));
          const body = assemble(boundary, [part], '\r\n');
          const close = body.lastIndexOf(Buffer.from(`--${boundary}--`, 'latin1'));
          const truncated = body.subarray(0, cut % (close + 1));
          const type = `multipart/related; type="application/dicom"; boundary="${boundary}"`;
          expect(() => parseMultipartRelated(truncated, type)).toThrow(StowError);
        },
      ),
      { numRuns: 300, seed: 9 },
    );
  });
});
