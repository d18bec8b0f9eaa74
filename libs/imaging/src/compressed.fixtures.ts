// Test fixtures (not part of the build): DICOM films compressed at test time by the real encoders,
// dcmtk's command-line tools and, for JPEG 2000 (which dcmtk cannot write), dcmjs-codecs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import dcmjsCodecs from 'dcmjs-codecs';
import type { DxImage } from './dx-image.js';
import { newUid } from './uid.js';

export const FILM_WIDTH = 320;
export const FILM_HEIGHT = 256;

/** A 12-bit film with smooth anatomy-like structure, edges and noise (deterministic per seed). */
export function filmPixels(seed = 1): Uint16Array {
  const pixels = new Uint16Array(FILM_WIDTH * FILM_HEIGHT);
  let state = seed >>> 0 || 1;
  const noise = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state >>> 24) - 128;
  };
  for (let y = 0; y < FILM_HEIGHT; y++) {
    for (let x = 0; x < FILM_WIDTH; x++) {
      const body = 1800 * Math.exp(-(((x - FILM_WIDTH / 2) / 90) ** 2));
      const vertebra = Math.abs(x - FILM_WIDTH / 2) < 30 && y % 48 < 38 ? 900 : 0;
      const value = 300 + body + vertebra + 4 * y + seed * 37 + noise();
      pixels[y * FILM_WIDTH + x] = Math.max(0, Math.min(4095, Math.round(value)));
    }
  }
  return pixels;
}

export function dxFilm(overrides: Partial<DxImage> = {}): DxImage {
  return {
    width: FILM_WIDTH,
    height: FILM_HEIGHT,
    pixels: filmPixels(),
    bitsStored: 12,
    pixelSpacingMm: [0.148, 0.152],
    viewPosition: 'LL',
    bodyPartExamined: 'LSPINE',
    operatorsName: 'Jansen^Eva',
    stationName: 'DR-ROOM-2',
    patientId: 'PAT-0001',
    patientName: 'Phantom^Case',
    studyInstanceUid: newUid(),
    seriesInstanceUid: newUid(),
    sopInstanceUid: newUid(),
    studyDate: '20240517',
    studyTime: '093012',
    windowCenter: 2000,
    windowWidth: 3000,
    ...overrides,
  };
}

/** Runs a dcmtk tool on `input` (a Part 10 file) and returns the file it writes. */
export function dcmtk(tool: string, args: string[], input: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'spineqc-dcmtk-'));
  try {
    writeFileSync(join(dir, 'in.dcm'), input);
    execFileSync(tool, [...args, join(dir, 'in.dcm'), join(dir, 'out.dcm')], { stdio: 'pipe' });
    return new Uint8Array(readFileSync(join(dir, 'out.dcm')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** dcmodify's -m edits applied to a copy of `input`. */
export function modify(input: Uint8Array, edits: string[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'spineqc-dcmodify-'));
  try {
    const path = join(dir, 'f.dcm');
    writeFileSync(path, input);
    execFileSync('dcmodify', ['-nb', ...edits, path], { stdio: 'pipe' });
    return new Uint8Array(readFileSync(path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let encoderReady: Promise<void> | undefined;

/** Transcodes with dcmjs-codecs' encoders (JPEG 2000, HTJ2K). */
export async function transcode(
  input: Uint8Array,
  transferSyntaxUid: string,
  parameters: Record<string, unknown> = {},
): Promise<Uint8Array> {
  await (encoderReady ??= dcmjsCodecs.NativeCodecs.initializeAsync());
  const transcoder = new dcmjsCodecs.Transcoder(exactBuffer(input));
  transcoder.transcode(transferSyntaxUid, parameters);
  return new Uint8Array(transcoder.getDicomPart10());
}

/** The film as a multi-frame object: same header, the given frames as native Pixel Data. */
export function multiFrame(input: Uint8Array, frames: Uint16Array[]): Uint8Array {
  const { DicomMessage, DicomMetaDictionary } = dcmjs.data;
  const file = DicomMessage.readFile(exactBuffer(input));
  const ds = DicomMetaDictionary.naturalizeDataset(file.dict);
  const joined = new Uint16Array(frames.reduce((n, f) => n + f.length, 0));
  frames.reduce((at, frame) => (joined.set(frame, at), at + frame.length), 0);
  ds.NumberOfFrames = frames.length;
  ds.PixelData = joined.buffer;
  ds._vrMap = { PixelData: 'OW' };
  file.dict = DicomMetaDictionary.denaturalizeDataset(ds);
  return new Uint8Array(file.write());
}

// (7FE0,0010) with undefined length; dcmjs writes it as OW, dcmtk (correctly) as OB.
const ENCAPSULATED_PIXEL_DATA = [0xe0, 0x7f, 0x10, 0x00, 0x4f, -1, 0, 0, 0xff, 0xff, 0xff, 0xff];

/** Rewrites single-frame encapsulated Pixel Data as one fragment holding edit(codestream). */
export function replaceCodestream(
  input: Uint8Array,
  edit: (codestream: Uint8Array) => Uint8Array,
): Uint8Array {
  const at = lastIndexOf(input, ENCAPSULATED_PIXEL_DATA);
  if (at < 0) throw new Error('no encapsulated Pixel Data');
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const parts: Uint8Array[] = [];
  let offset = at + 12;
  for (let item = 0; view.getUint32(offset, true) !== 0xe0ddfffe; item++) {
    const length = view.getUint32(offset + 4, true);
    if (item > 0) parts.push(input.subarray(offset + 8, offset + 8 + length));
    offset += 8 + length;
  }
  const codestream = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((n, p) => (codestream.set(p, n), n + p.length), 0);
  let edited = edit(codestream);
  if (edited.length % 2) edited = Uint8Array.from([...edited, 0]);
  const items = new Uint8Array(8 + 8 + edited.length + 8);
  const out = new DataView(items.buffer);
  out.setUint32(0, 0xe000fffe, true); // empty basic offset table
  out.setUint32(8, 0xe000fffe, true);
  out.setUint32(12, edited.length, true);
  items.set(edited, 16);
  out.setUint32(16 + edited.length, 0xe0ddfffe, true);
  const result = new Uint8Array(at + 12 + items.length);
  result.set(input.subarray(0, at + 12));
  result.set(items, at + 12);
  return result;
}

/** The bare data set of a Part 10 file, as a C-STORE SCP receives it. */
export function bareDataset(part10: Uint8Array): Uint8Array {
  const view = new DataView(part10.buffer, part10.byteOffset, part10.byteLength);
  // (0002,0000) UL group length: the meta group's bytes after that element.
  return part10.subarray(132 + 12 + view.getUint32(140, true));
}

/** Last match of `pattern` (−1 matches any byte). */
function lastIndexOf(bytes: Uint8Array, pattern: number[]): number {
  outer: for (let i = bytes.length - pattern.length; i >= 0; i--) {
    for (let j = 0; j < pattern.length; j++)
      if (pattern[j] >= 0 && bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

function exactBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
