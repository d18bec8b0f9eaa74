import { describe, expect, it } from 'vitest';
import { parseMultipartRelated, StowError } from './multipart.js';

const DICOM_TYPE = 'multipart/related; type="application/dicom"; boundary=';

/** A DICOM-like binary payload: preamble zeros, "DICM", and bytes that look like line breaks and dashes. */
function instance(seed: number, size = 300): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed * 17) & 0xff;
  bytes.write('DICM', 128, 'latin1');
  bytes.write('\r\n--', 200, 'latin1'); // a line break and dashes inside the data are not a delimiter
  return bytes;
}

function body(
  boundary: string,
  parts: Buffer[],
  eol = '\r\n',
  options: { preamble?: string; epilogue?: string } = {},
) {
  const chunks: Buffer[] = [];
  if (options.preamble !== undefined) chunks.push(Buffer.from(options.preamble + eol, 'latin1'));
  for (const part of parts) {
    chunks.push(
      Buffer.from(`--${boundary}${eol}Content-Type: application/dicom${eol}${eol}`, 'latin1'),
      part,
    );
    chunks.push(Buffer.from(eol, 'latin1'));
  }
  chunks.push(Buffer.from(`--${boundary}--`, 'latin1'));
  if (options.epilogue !== undefined) chunks.push(Buffer.from(eol + options.epilogue, 'latin1'));
  return Buffer.concat(chunks);
}

function refusal(run: () => unknown): StowError {
  try {
    run();
  } catch (error) {
    if (error instanceof StowError) return error;
    throw error;
  }
  throw new Error('expected a StowError');
}

describe('parseMultipartRelated', () => {
  it('splits a CRLF body into its parts, byte for byte', () => {
    const parts = [instance(1), instance(2, 1000), instance(3, 260)];
    const result = parseMultipartRelated(body('b0undary', parts), DICOM_TYPE + 'b0undary');
    expect(result.parts.map((part) => part.contentType)).toEqual(Array(3).fill('application/dicom'));
    result.parts.forEach((part, i) => expect(Buffer.from(part.bytes).equals(parts[i])).toBe(true));
  });

  it('accepts bare LF line breaks, a preamble and an epilogue', () => {
    const parts = [instance(4), instance(5)];
    const payload = body('xyz', parts, '\n', {
      preamble: 'This is a preamble.\n--xyzw not a delimiter',
      epilogue: 'bye',
    });
    const result = parseMultipartRelated(payload, DICOM_TYPE + 'xyz');
    expect(result.parts.map((part) => Buffer.from(part.bytes))).toEqual(parts);
  });

  it('reads a quoted boundary with spaces and an unquoted type, in any case', () => {
    const boundary = 'my boundary:(1)';
    const parts = [instance(6)];
    const type = `Multipart/Related; TYPE=application/DICOM; Boundary="${boundary}"; start="<1@x>"`;
    expect(parseMultipartRelated(body(boundary, parts), type).parts).toHaveLength(1);
  });

  it('does not take a longer boundary that begins with ours for a delimiter', () => {
    const inner = Buffer.concat([Buffer.from('\r\n--abcdef\r\n', 'latin1'), instance(7)]);
    const result = parseMultipartRelated(body('abc', [inner]), DICOM_TYPE + 'abc');
    expect(Buffer.from(result.parts[0].bytes).equals(inner)).toBe(true);
  });

  it('takes transport padding after a delimiter and a part without headers', () => {
    const payload = Buffer.concat([
      Buffer.from('--b  \t\r\n\r\n', 'latin1'),
      instance(8),
      Buffer.from(
        '\r\n--b \r\ncontent-type:   application/dicom; transfer-syntax=1.2.840.10008.1.2.1\r\n',
        'latin1',
      ),
      Buffer.from('X-Folded: a\r\n  b\r\n\r\n', 'latin1'),
      instance(9),
      Buffer.from('\r\n--b--  \r\n', 'latin1'),
    ]);
    const result = parseMultipartRelated(payload, 'multipart/related; type="application/dicom"; boundary=b');
    expect(result.parts.map((part) => part.contentType)).toEqual([
      'application/dicom',
      'application/dicom; transfer-syntax=1.2.840.10008.1.2.1',
    ]);
    expect(Buffer.from(result.parts[0].bytes).equals(instance(8))).toBe(true);
    expect(Buffer.from(result.parts[1].bytes).equals(instance(9))).toBe(true);
  });

  it("reports each part's own content type, defaulting to application/dicom without a type parameter", () => {
    const payload = Buffer.from(
      '--b\r\nContent-Type: application/dicom+json\r\n\r\n[]\r\n--b\r\n\r\nDICOM\r\n--b--',
      'latin1',
    );
    const result = parseMultipartRelated(payload, 'multipart/related; boundary=b');
    expect(result.parts.map((part) => part.contentType)).toEqual([
      'application/dicom+json',
      'application/dicom',
    ]);
  });

  it('decodes a base64 part', () => {
    const data = instance(10);
    const payload = Buffer.from(
      `--b\r\nContent-Type: application/dicom\r\nContent-Transfer-Encoding: base64\r\n\r\n${data.toString('base64').replace(/(.{76})/g, '$1\r\n')}\r\n--b--`,
      'latin1',
    );
    expect(Buffer.from(parseMultipartRelated(payload, DICOM_TYPE + 'b').parts[0].bytes).equals(data)).toBe(
      true,
    );
  });

  it('gives parts as views of the body, without copying', () => {
    const payload = body('b', [instance(11)]);
    const [part] = parseMultipartRelated(payload, DICOM_TYPE + 'b').parts;
    expect(part.bytes.buffer).toBe(payload.buffer);
  });

  it.each([
    ['application/dicom', 'a single instance without multipart'],
    ['multipart/form-data; boundary=b', 'a form upload'],
    ['', 'no Content-Type'],
    ['multipart/related; type="application/dicom+json"; boundary=b', 'JSON metadata'],
    ['multipart/related; type="application/dicom+xml"; boundary=b', 'XML metadata'],
    ['multipart/related; type="application/octet-stream"; boundary=b', 'bulk data'],
  ])('refuses %s (%s) as an unsupported media type', (contentType) => {
    const error = refusal(() => parseMultipartRelated(body('b', [instance(1)]), contentType));
    expect(error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', httpStatus: 415 });
  });

  it.each([
    ['no boundary parameter', DICOM_TYPE.replace('; boundary=', ''), body('b', [instance(1)])],
    ['a body without the boundary', DICOM_TYPE + 'b', Buffer.from('just bytes')],
    ['an empty body', DICOM_TYPE + 'b', Buffer.alloc(0)],
    ['no parts', DICOM_TYPE + 'b', Buffer.from('--b--\r\n')],
    ['a truncated body', DICOM_TYPE + 'b', body('b', [instance(1), instance(2)]).subarray(0, 400)],
    ['a part without a header section', DICOM_TYPE + 'b', Buffer.from('--b\r\nDICM binary\x00\x01\r\n--b--')],
    [
      'an empty part',
      DICOM_TYPE + 'b',
      Buffer.from('--b\r\nContent-Type: application/dicom\r\n\r\n\r\n--b--'),
    ],
    ['a delimiter not ending its line', DICOM_TYPE + 'b', Buffer.from('--bx\r\n\r\nA\r\n--b')],
    [
      'an unknown transfer encoding',
      DICOM_TYPE + 'b',
      Buffer.from('--b\r\nContent-Transfer-Encoding: x-zip\r\n\r\nA\r\n--b--'),
    ],
  ])('refuses %s as a bad request', (_name, contentType, payload) => {
    const error = refusal(() => parseMultipartRelated(payload, contentType));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
  });
});
