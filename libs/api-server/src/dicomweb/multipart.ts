import { essenceOf, parseMediaType } from './media-type.js';
import { StowError } from './stow-error.js';

export { StowError, type StowErrorCode } from './stow-error.js';

export const DICOM_MEDIA_TYPE = 'application/dicom';

export interface MultipartPart {
  /** The part's Content-Type, or the request's `type` parameter when the part declares none. */
  contentType: string;
  /** The part's body: a view into the request body (base64 parts are decoded into a new buffer). */
  bytes: Uint8Array;
}

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;
const SPACE = 0x20;
const TAB = 0x09;
/** Part headers are a few short lines; a part whose first line is not a header is refused, not scanned. */
const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Splits a STOW-RS body (RFC 2046 §5.1 / RFC 2387 multipart/related) into its parts. Accepts CRLF
 * or bare LF line breaks, a preamble and an epilogue, transport padding after delimiters, and a
 * quoted or unquoted boundary. The request must be multipart/related with type application/dicom
 * (PS3.18 §10.5; the only representation SpineQC stores); a body without its close delimiter is
 * treated as truncated and refused.
 */
export function parseMultipartRelated(body: Uint8Array, contentType: string): { parts: MultipartPart[] } {
  const media = parseMediaType(contentType);
  if (media?.essence !== 'multipart/related') {
    throw new StowError(
      'UNSUPPORTED_MEDIA_TYPE',
      `STOW-RS takes multipart/related; type="${DICOM_MEDIA_TYPE}", not ${contentType.trim() || 'an untyped body'}`,
    );
  }
  const rootType = media.parameters.get('type');
  if (rootType !== undefined && essenceOf(rootType) !== DICOM_MEDIA_TYPE) {
    throw new StowError(
      'UNSUPPORTED_MEDIA_TYPE',
      `only ${DICOM_MEDIA_TYPE} instances are accepted, not type="${rootType}"`,
    );
  }
  const boundary = media.parameters.get('boundary');
  if (!boundary) throw new StowError('BAD_REQUEST', 'the Content-Type has no boundary parameter');

  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const parts: MultipartPart[] = [];
  let at = findDelimiter(buffer, delimiter, 0);
  if (at < 0) throw new StowError('BAD_REQUEST', 'the body contains no boundary delimiter');
  for (;;) {
    let start = at + delimiter.length;
    if (buffer[start] === DASH && buffer[start + 1] === DASH) break; // close delimiter; the rest is epilogue
    start = afterLineBreak(buffer, start);
    const next = findDelimiter(buffer, delimiter, start);
    if (next < 0) {
      throw new StowError('BAD_REQUEST', 'the body ends without its closing boundary (truncated upload?)');
    }
    // The line break before a delimiter belongs to the delimiter, not to the part.
    let end = next - 1;
    if (end > start && buffer[end - 1] === CR) end--;
    parts.push(
      parsePart(buffer.subarray(start, Math.max(start, end)), rootType ?? DICOM_MEDIA_TYPE, parts.length + 1),
    );
    at = next;
  }
  if (parts.length === 0) throw new StowError('BAD_REQUEST', 'the multipart body has no parts');
  return { parts };
}

/** Index of the next delimiter that starts a line and is not the prefix of a longer boundary, or -1. */
function findDelimiter(buffer: Buffer, delimiter: Buffer, from: number): number {
  let index = buffer.indexOf(delimiter, from);
  while (index >= 0) {
    const startsLine = index === 0 || buffer[index - 1] === LF;
    const following = buffer[index + delimiter.length];
    const endsBoundary =
      following === undefined ||
      following === DASH ||
      following === CR ||
      following === LF ||
      isBlank(following);
    if (startsLine && endsBoundary) return index;
    index = buffer.indexOf(delimiter, index + 1);
  }
  return -1;
}

/** Skips transport padding and the line break that end a delimiter line. */
function afterLineBreak(buffer: Buffer, from: number): number {
  let i = from;
  while (isBlank(buffer[i])) i++;
  if (buffer[i] === CR && buffer[i + 1] === LF) return i + 2;
  if (buffer[i] === LF) return i + 1;
  throw new StowError('BAD_REQUEST', 'a boundary delimiter is not followed by a line break');
}

function isBlank(byte: number | undefined): boolean {
  return byte === SPACE || byte === TAB;
}

function parsePart(part: Buffer, defaultType: string, number: number): MultipartPart {
  const headers = new Map<string, string>();
  let offset = 0;
  let previous: string | undefined;
  for (;;) {
    const lineEnd = part.indexOf(LF, offset);
    if (lineEnd < 0 || lineEnd > MAX_HEADER_BYTES) {
      throw new StowError('BAD_REQUEST', `part ${number} has no header section ending in a blank line`);
    }
    const line = part.toString(
      'latin1',
      offset,
      lineEnd > offset && part[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd,
    );
    offset = lineEnd + 1;
    if (line === '') break;
    if (isBlank(line.charCodeAt(0)) && previous !== undefined) {
      headers.set(previous, `${headers.get(previous)} ${line.trim()}`); // obsolete line folding
      continue;
    }
    const match = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+)[ \t]*:(.*)$/.exec(line);
    if (!match) throw new StowError('BAD_REQUEST', `part ${number} has a malformed header line`);
    previous = match[1].toLowerCase();
    headers.set(previous, match[2].trim());
  }
  const contentType = headers.get('content-type') || defaultType;
  const bytes = decodeBody(part.subarray(offset), headers.get('content-transfer-encoding'), number);
  if (bytes.length === 0) throw new StowError('BAD_REQUEST', `part ${number} is empty`);
  return { contentType, bytes };
}

function decodeBody(bytes: Buffer, encoding: string | undefined, number: number): Uint8Array {
  switch ((encoding ?? 'binary').trim().toLowerCase()) {
    case 'binary':
    case '8bit':
    case '7bit':
      return bytes;
    case 'base64':
      return Buffer.from(bytes.toString('latin1'), 'base64');
    default:
      throw new StowError(
        'BAD_REQUEST',
        `part ${number} uses Content-Transfer-Encoding "${encoding}", not supported`,
      );
  }
}
