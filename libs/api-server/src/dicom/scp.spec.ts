import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dcmjsDimse from 'dcmjs-dimse';
import { newUid, readDicom, writeDxDicom } from '@spineqc/imaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestRequest, IngestResult, Ingestor } from '../ingest/ingest.types.js';
import { startDicomScp, type DicomScpHandle, type DicomScpOptions } from './scp.js';
import type { ScpLogger } from './scp-logger.js';
import type { ScpRefusal } from './storage-scp.js';
import { TS } from './transfer-syntaxes.js';

// The SCP is exercised with the real dcmtk tools (storescu, dcmsend, echoscu) over TCP; fixtures are
// a small synthetic DX radiograph and its compressed variants, made with dcmtk at test time.

const DX = '1.2.840.10008.5.1.4.1.1.1.1';
/** Ultrasound Image Storage: same UID length as DX, so a file can be re-labelled byte for byte. */
const US = '1.2.840.10008.5.1.4.1.1.6.1';

interface Received extends IngestRequest {
  sopInstanceUid: string;
}

/** Records every image it is handed, after checking the bytes are a readable data set in the stated syntax. */
class RecordingIngestor implements Ingestor {
  readonly received: Received[] = [];
  readonly seen = new Set<string>();
  failNext: { code: string; message: string } | undefined;
  /** While set, ingest waits for it: a store stays "in progress" until the test opens the gate. */
  gate: Promise<void> | undefined;
  entered = 0;

  async ingest(request: IngestRequest): Promise<IngestResult> {
    this.entered++;
    if (this.gate) await this.gate;
    const dataset = new dcmjsDimse.Dataset(Buffer.from(request.bytes), request.transferSyntaxUid);
    const sopInstanceUid = dataset.getElement('SOPInstanceUID') as string;
    const sopClassUid = dataset.getElement('SOPClassUID') as string;
    if (!sopInstanceUid) throw Object.assign(new Error('no SOP Instance UID'), { code: 'MISSING_ATTRIBUTE' });
    this.received.push({ ...request, sopInstanceUid });
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw Object.assign(new Error(failure.message), { code: failure.code, sopInstanceUid });
    const duplicate = this.seen.has(sopInstanceUid);
    this.seen.add(sopInstanceUid);
    return { examId: `exam-${sopInstanceUid}`, sopInstanceUid, sopClassUid, duplicate };
  }

  last(): Received {
    const last = this.received.at(-1);
    if (!last) throw new Error('nothing received');
    return last;
  }
}

class RecordingLogger implements ScpLogger {
  readonly lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  info = (message: string, fields?: Record<string, unknown>) =>
    this.lines.push({ level: 'info', message, fields });
  warn = (message: string, fields?: Record<string, unknown>) =>
    this.lines.push({ level: 'warn', message, fields });
  error = (message: string, fields?: Record<string, unknown>) =>
    this.lines.push({ level: 'error', message, fields });
}

function run(
  command: string,
  args: string[],
  started: (pid: number) => void = () => undefined,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) started(child.pid);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function dcmtk(command: string, args: string[]): Promise<string> {
  const { code, output } = await run(command, args);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`);
  return output;
}

/** The data set of a Part 10 file: what follows the File Meta Information group (PS3.10 §7.1). */
function datasetOf(file: string): Buffer {
  const bytes = readFileSync(file);
  if (bytes.toString('latin1', 128, 132) !== 'DICM') throw new Error(`${file} is not Part 10`);
  const groupLength = bytes.readUInt32LE(140);
  return bytes.subarray(144 + groupLength);
}

function transferSyntaxOf(file: string): string {
  const dataset = dcmjsDimse.Dataset.fromFile(file);
  if (!dataset) throw new Error(`cannot read ${file}`);
  return dataset.getTransferSyntaxUid();
}

/**
 * The file as dcmtk writes it. storescu re-encodes what it sends from its parsed data set, so only a
 * file in dcmtk's own encoding can be compared byte for byte with what the SCP received.
 */
async function dcmtkWritten(file: string): Promise<string> {
  const rewritten = file.replace(/\.dcm$/, '.dcmtk.dcm');
  await dcmtk('dcmconv', [file, rewritten]);
  return rewritten;
}

function dxFile(dir: string, name: string, overrides: { sopInstanceUid?: string } = {}): string {
  const width = 96;
  const height = 128;
  const pixels = new Uint16Array(width * height);
  // A bright band down the middle over a gradient: compressible, but not trivially.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const band = Math.abs(x - width / 2) < 12 ? 1800 : 0;
      pixels[y * width + x] = (400 + y * 12 + ((x * 7 + y * 3) % 50) + band) & 0xfff;
    }
  }
  const bytes = writeDxDicom({
    width,
    height,
    pixels,
    bitsStored: 12,
    pixelSpacingMm: [0.15, 0.15],
    viewPosition: 'AP',
    bodyPartExamined: 'LSPINE',
    operatorsName: 'Tech^Test',
    stationName: 'DR-ROOM-1',
    patientId: 'PHANTOM-1',
    patientName: 'Phantom^One',
    studyInstanceUid: newUid(),
    seriesInstanceUid: newUid(),
    sopInstanceUid: overrides.sopInstanceUid ?? newUid(),
    studyDate: '20240101',
    studyTime: '120000',
  });
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('DICOM C-STORE SCP with dcmtk', () => {
  let dir: string;
  let ingestor: RecordingIngestor;
  let logger: RecordingLogger;
  let scp: DicomScpHandle;
  let explicitFile: string;

  async function start(overrides: Partial<DicomScpOptions> = {}): Promise<DicomScpHandle> {
    return startDicomScp({
      port: 0,
      host: '127.0.0.1',
      aeTitle: 'SPINEQC',
      allowedCallingAeTitles: [],
      maxImageBytes: 4 * 1024 * 1024,
      ingestor,
      logger,
      ...overrides,
    });
  }

  const storescu = (port: number, files: string[], extra: string[] = []) =>
    run('storescu', [
      '-v',
      '-aet',
      'TESTSCU',
      '-aec',
      'SPINEQC',
      ...extra,
      '127.0.0.1',
      String(port),
      ...files,
    ]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'spineqc-scp-'));
    ingestor = new RecordingIngestor();
    logger = new RecordingLogger();
    explicitFile = await dcmtkWritten(dxFile(dir, 'explicit.dcm'));
    scp = await start();
  });

  afterAll(async () => {
    await scp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers C-ECHO', async () => {
    const output = await dcmtk('echoscu', [
      '-v',
      '-aet',
      'TESTSCU',
      '-aec',
      'SPINEQC',
      '127.0.0.1',
      String(scp.port),
    ]);
    expect(output).toMatch(/Received Echo Response \(Success\)/);
  });

  it('receives an explicit little endian image byte for byte, with its sender', async () => {
    const { code, output } = await storescu(scp.port, [explicitFile]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/Received Store Response \(Success\)/);
    const received = ingestor.last();
    expect(received.source).toBe('c-store');
    expect(received.transferSyntaxUid).toBe(TS.explicitLittleEndian);
    expect(received.callingAeTitle).toBe('TESTSCU');
    expect(received.remoteAddress).toMatch(/127\.0\.0\.1$/);
    expect(Buffer.from(received.bytes).equals(datasetOf(explicitFile))).toBe(true);
    const image = readDicom(received.bytes, { transferSyntaxUid: received.transferSyntaxUid });
    expect(Array.from(image.pixels)).toEqual(Array.from(readDicom(readFileSync(explicitFile)).pixels));
    expect(image.stationName).toBe('DR-ROOM-1');
  });

  it('receives implicit little endian as sent', async () => {
    const implicit = join(dir, 'implicit.dcm');
    await dcmtk('dcmconv', ['+ti', explicitFile, implicit]);
    const { code, output } = await storescu(scp.port, [implicit], ['-xi']);
    expect(code, output).toBe(0);
    const received = ingestor.last();
    expect(received.transferSyntaxUid).toBe(TS.implicitLittleEndian);
    expect(Buffer.from(received.bytes).equals(datasetOf(implicit))).toBe(true);
  });

  it('prefers explicit little endian when a context offers several syntaxes', async () => {
    const implicit = join(dir, 'implicit-offered-both.dcm');
    await dcmtk('dcmconv', ['+ti', dxFile(dir, 'for-implicit.dcm'), implicit]);
    // +C puts explicit LE, explicit BE and implicit LE in one context; storescu then converts.
    const { code, output } = await storescu(scp.port, [implicit], ['+C']);
    expect(code, output).toBe(0);
    expect(ingestor.last().transferSyntaxUid).toBe(TS.explicitLittleEndian);
  });

  it('accepts several images on one association, and dcmsend', async () => {
    const files = [dxFile(dir, 'a.dcm'), dxFile(dir, 'b.dcm')];
    const before = ingestor.received.length;
    const { code, output } = await storescu(scp.port, files);
    expect(code, output).toBe(0);
    expect(ingestor.received.length).toBe(before + 2);
    const third = await dcmtkWritten(dxFile(dir, 'c.dcm'));
    const sent = await dcmtk('dcmsend', [
      '-v',
      '-aet',
      'TESTSCU',
      '-aec',
      'SPINEQC',
      '127.0.0.1',
      String(scp.port),
      third,
    ]);
    expect(sent).toMatch(/with status SUCCESS/i);
    expect(Buffer.from(ingestor.last().bytes).equals(datasetOf(third))).toBe(true);
  });

  // [name, transfer syntax, dcmtk encoder and flags, how to send]: storescu proposes a compressed syntax
  // only when told to (-x?, in a context of its own); dcmsend proposes each file's syntax by itself,
  // with the uncompressed ones beside it in the same context when it could decompress (lossless).
  const compressions: [string, string, string[], string[]][] = [
    ['JPEG lossless SV1', TS.jpegLosslessSv1, ['dcmcjpeg'], ['storescu', '-xs']],
    ['JPEG lossless', TS.jpegLossless, ['dcmcjpeg', '+el'], ['dcmsend', '--decompress-never']],
    ['JPEG extended (12-bit lossy)', TS.jpegExtended, ['dcmcjpeg', '+ee'], ['storescu', '-xx']],
    ['JPEG-LS lossless', TS.jpegLsLossless, ['dcmcjpls'], ['storescu', '-xt']],
    ['JPEG-LS near-lossless', TS.jpegLsNearLossless, ['dcmcjpls', '+en'], ['dcmsend']],
    ['RLE lossless', TS.rleLossless, ['dcmcrle'], ['storescu', '-xr']],
  ];

  it.each(compressions)('receives %s compressed data unchanged', async (_name, syntax, encoder, sender) => {
    const file = join(dir, `${syntax}.dcm`);
    const [tool, ...flags] = encoder;
    await dcmtk(tool, [...flags, explicitFile, file]);
    expect(transferSyntaxOf(file)).toBe(syntax);
    const [scu, ...proposal] = sender;
    const output = await dcmtk(scu, [
      '-v',
      ...proposal,
      '-aet',
      'TESTSCU',
      '-aec',
      'SPINEQC',
      '127.0.0.1',
      String(scp.port),
      file,
    ]);
    expect(output).toMatch(/Received Store Response \(Success\)|with status SUCCESS/i);
    const received = ingestor.last();
    expect(received.transferSyntaxUid).toBe(syntax);
    expect(Buffer.from(received.bytes).equals(datasetOf(file))).toBe(true);
  });

  it('takes explicit little endian from a sender that offers it beside the compressed syntax', async () => {
    const file = join(dir, 'lossless-for-dcmsend.dcm');
    await dcmtk('dcmcjpeg', [explicitFile, file]);
    const output = await dcmtk('dcmsend', [
      '-v',
      '-aet',
      'TESTSCU',
      '-aec',
      'SPINEQC',
      '127.0.0.1',
      String(scp.port),
      file,
    ]);
    expect(output).toMatch(/with status SUCCESS/i);
    const received = ingestor.last();
    expect(received.transferSyntaxUid).toBe(TS.explicitLittleEndian);
    // The sender decompressed it (losslessly): the pixels are the original's.
    const image = readDicom(received.bytes, { transferSyntaxUid: received.transferSyntaxUid });
    expect(Array.from(image.pixels)).toEqual(Array.from(readDicom(readFileSync(explicitFile)).pixels));
  });

  it.each([
    ['JPEG 2000 lossless', TS.jpeg2000Lossless],
    ['JPEG 2000', TS.jpeg2000],
  ])('receives %s compressed data unchanged', async (_name, syntax) => {
    // dcmtk has no JPEG 2000 encoder; dcmjs-dimse transcodes with the dcmjs-codecs WebAssembly.
    await dcmjsDimse.Transcoding.initializeAsync();
    const source = dcmjsDimse.Dataset.fromFile(explicitFile);
    if (!source) throw new Error('cannot read fixture');
    const transcoded = join(dir, `${syntax}.dcmjs.dcm`);
    await new Promise<void>((resolve, reject) =>
      dcmjsDimse.Transcoding.transcodeDataset(source, syntax).toFile(transcoded, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
    const file = await dcmtkWritten(transcoded);
    expect(transferSyntaxOf(file)).toBe(syntax);
    // dcmsend proposes each file's own transfer syntax by itself.
    const output = await dcmtk('dcmsend', [
      '-v',
      '-aet',
      'TESTSCU',
      '-aec',
      'SPINEQC',
      '127.0.0.1',
      String(scp.port),
      file,
    ]);
    expect(output).toMatch(/with status SUCCESS/i);
    const received = ingestor.last();
    expect(received.transferSyntaxUid).toBe(syntax);
    expect(Buffer.from(received.bytes).equals(datasetOf(file))).toBe(true);
  });

  it('answers a re-sent instance with success', async () => {
    const file = dxFile(dir, 'again.dcm');
    expect((await storescu(scp.port, [file])).code).toBe(0);
    const { code, output } = await storescu(scp.port, [file]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/Received Store Response \(Success\)/);
    expect(
      logger.lines.some((line) => line.message === 'C-STORE stored' && line.fields?.duplicate === true),
    ).toBe(true);
  });

  it.each([
    ['MISSING_ATTRIBUTE', 'ViewPosition is missing', /Error: Data Set does not match SOP Class/i, 'a900'],
    ['CORRUPT_PIXEL_DATA', 'pixel data cannot be decoded', /Error: Cannot understand/i, 'c000'],
    ['UNSUPPORTED_SOP_CLASS', 'not a radiograph', /SOP Class not supported/i, '0122'],
    ['STORAGE_UNAVAILABLE', 'disk full', /Out of Resources/i, 'a700'],
    ['SOMETHING_ELSE', 'secret stack trace', /Failed: (Processing Failure|0x0110)|0x0110/i, '0110'],
  ])('reports an ingest failure %s with its status and reason', async (code, message, pattern, status) => {
    ingestor.failNext = { code, message };
    const file = dxFile(dir, `fail-${code}.dcm`);
    const { output } = await run('storescu', [
      '-d',
      '-aet',
      'TESTSCU',
      '-aec',
      'SPINEQC',
      '127.0.0.1',
      String(scp.port),
      file,
    ]);
    expect(output).toMatch(pattern);
    expect(output.toLowerCase()).toContain(`0x${status}`);
    if (code === 'SOMETHING_ELSE') {
      expect(output).toContain('internal error');
      expect(output).not.toContain('secret stack trace');
    } else {
      expect(output).toContain(message);
    }
  });

  it('refuses an image over the size limit without handing it to ingest', async () => {
    const refusals: ScpRefusal[] = [];
    const small = await start({ maxImageBytes: 4096, onRefused: (refusal) => void refusals.push(refusal) });
    try {
      const before = ingestor.received.length;
      const { output } = await run('storescu', [
        '-d',
        '-aet',
        'TESTSCU',
        '-aec',
        'SPINEQC',
        '127.0.0.1',
        String(small.port),
        explicitFile,
      ]);
      expect(output).toMatch(/Out of Resources/i);
      expect(output).toMatch(/over the 4096-byte limit/);
      expect(ingestor.received.length).toBe(before);
      expect(refusals).toEqual([
        expect.objectContaining({
          code: 'TOO_LARGE',
          sopClassUid: DX,
          callingAeTitle: 'TESTSCU',
          receivedBytes: datasetOf(explicitFile).length,
        }),
      ]);
      const echo = await run('echoscu', [
        '-aet',
        'TESTSCU',
        '-aec',
        'SPINEQC',
        '127.0.0.1',
        String(small.port),
      ]);
      expect(echo.code).toBe(0);
    } finally {
      await small.close();
    }
  });

  it('rejects an association to another called AE title', async () => {
    const { code, output } = await run('echoscu', [
      '-aet',
      'TESTSCU',
      '-aec',
      'NOTSPINE',
      '127.0.0.1',
      String(scp.port),
    ]);
    expect(code).not.toBe(0);
    expect(output).toMatch(/Called AE Title Not Recognized/i);
  });

  it('rejects a calling AE title outside the allowlist and accepts one on it', async () => {
    const guarded = await start({ allowedCallingAeTitles: ['DR1', 'DR2'] });
    try {
      const refused = await run('echoscu', [
        '-aet',
        'INTRUDER',
        '-aec',
        'SPINEQC',
        '127.0.0.1',
        String(guarded.port),
      ]);
      expect(refused.code).not.toBe(0);
      expect(refused.output).toMatch(/Calling AE Title Not Recognized/i);
      const allowed = await run('echoscu', [
        '-aet',
        'DR2',
        '-aec',
        'SPINEQC',
        '127.0.0.1',
        String(guarded.port),
      ]);
      expect(allowed.code, allowed.output).toBe(0);
    } finally {
      await guarded.close();
    }
  });

  it('refuses a SOP class it does not judge at the presentation context', async () => {
    const file = join(dir, 'ultrasound.dcm');
    const relabelled = readFileSync(explicitFile).toString('latin1').replaceAll(DX, US);
    writeFileSync(file, Buffer.from(relabelled, 'latin1'));
    const before = ingestor.received.length;
    const { code, output } = await storescu(scp.port, [file], ['-R']);
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /Abstract Syntax Not Supported|No presentation context|no acceptable presentation context/i,
    );
    expect(ingestor.received.length).toBe(before);
  });

  it.each([
    [
      'an HTTP request',
      'GET / HTTP/1.1\r\nHost: x\r\n\r\n',
      'DICOM peer sent an oversized or malformed PDU; connection closed',
    ],
    [
      'a PDU announcing 4 GiB',
      '\x01\x00\xff\xff\xff\xffnot really',
      'DICOM peer sent an oversized or malformed PDU; connection closed',
    ],
    ['an unknown PDU type', '\x09\x00\x00\x00\x00\x02ab', 'DICOM connection error'],
    [
      'data before any association',
      '\x04\x00\x00\x00\x00\x06\x00\x00\x00\x02\x01\x03',
      'DICOM connection error',
    ],
  ])('drops a peer that sends %s and keeps serving', async (_name, garbage, logged) => {
    const before = logger.lines.length;
    await new Promise<void>((resolve, reject) => {
      const socket = connect(scp.port, '127.0.0.1', () => socket.write(garbage, 'latin1'));
      socket.on('error', reject);
      socket.resume();
      socket.on('close', () => resolve());
    });
    expect(logger.lines.slice(before).map((line) => line.message)).toContain(logged);
    const { code, output } = await storescu(scp.port, [dxFile(dir, 'after-garbage.dcm')]);
    expect(code, output).toBe(0);
  });

  it('closes the connection when the peer aborts', async () => {
    const { code, output } = await run('echoscu', [
      '--abort',
      '-aet',
      'TESTSCU',
      '-aec',
      'SPINEQC',
      '127.0.0.1',
      String(scp.port),
    ]);
    expect(code, output).toBe(0);
    await expect
      .poll(() => logger.lines.some((line) => line.message === 'DICOM association aborted by peer'))
      .toBe(true);
  });

  it('survives a sender that vanishes while its image is being ingested', async () => {
    const own = new RecordingIngestor();
    let release!: () => void;
    own.gate = new Promise<void>((resolve) => (release = resolve));
    const server = await start({ ingestor: own });
    try {
      let pid = 0;
      const sending = run(
        'storescu',
        ['-aet', 'TESTSCU', '-aec', 'SPINEQC', '127.0.0.1', String(server.port), explicitFile],
        (started) => (pid = started),
      );
      await expect.poll(() => own.entered).toBe(1);
      process.kill(pid, 'SIGKILL');
      await sending;
      release();
      await expect.poll(() => own.received.length).toBe(1);
      const echo = await run('echoscu', [
        '-aet',
        'TESTSCU',
        '-aec',
        'SPINEQC',
        '127.0.0.1',
        String(server.port),
      ]);
      expect(echo.code, echo.output).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('on close lets a store in progress answer its sender, then stops listening', async () => {
    const own = new RecordingIngestor();
    let release!: () => void;
    own.gate = new Promise<void>((resolve) => (release = resolve));
    const closing = await start({ ingestor: own });
    const sending = storescu(closing.port, [dxFile(dir, 'in-flight.dcm')]);
    await expect.poll(() => own.entered).toBe(1);
    const closed = closing.close();
    release();
    const { code, output } = await sending;
    await closed;
    expect(code, output).toBe(0);
    expect(output).toMatch(/Received Store Response \(Success\)/);
    const refused = await run('echoscu', [
      '-aet',
      'TESTSCU',
      '-aec',
      'SPINEQC',
      '127.0.0.1',
      String(closing.port),
    ]);
    expect(refused.code).not.toBe(0);
  });
});
