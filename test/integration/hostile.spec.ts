import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newUid, writeDxDicom } from '@spineqc/imaging';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from './support/embedded-server.js';
import { makeFilms, type Film } from './support/films.js';
import { bearer, getJson, stow, upload, waitForJson } from './support/http.js';
import { REPO, run } from './support/processes.js';

// Hostile input (issue 6), end to end: every file of the checked-in corpus (test/corpus/hostile, made by
// tools/hostile-corpus.mjs) goes through each entry point its manifest names — upload, STOW-RS, C-STORE —
// and gets the answer the manifest expects: a 4xx / failure status with its code, recorded as an ingest
// failure, or acceptance and a final "not assessable" verdict. Then oversized bodies, slow clients and
// arbitrary multipart uploads. Throughout, the service keeps serving, loses nothing it had, and its memory
// stays bounded.

type Door = 'upload' | 'stow' | 'cstore';
interface Expectation {
  outcome: 'refused' | 'not-assessable' | 'refused-or-not-assessable';
  code?: string;
  recorded?: boolean;
  pixelSpacingSource?: string;
}
interface CorpusFile {
  name: string;
  wrong: string;
  bytes: number;
  sha256: string;
  sendTo: Door[];
  expect: Partial<Record<Door, Expectation>>;
}

const CORPUS = join(REPO, 'test/corpus/hostile');
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as { files: CorpusFile[] };
const FAILURE_SOURCE: Record<Door, string> = { upload: 'upload', stow: 'stow-rs', cstore: 'c-store' };

/**
 * Peak resident memory (VmHWM) allowed to the server process over the whole run. Measured on the 2-core
 * machine: 0.62 GiB right after start (model loaded); 1.06–1.16 GiB peak after everything here. The largest
 * costs left are bounded by design: the 16-bit 8000 × 7999 PNG just under the 64 MP cap (+0.28 GiB: 128 MB
 * of samples decoded at ingest and again by the worker) and the deflate bomb (+0.16 GiB: inflation stops at
 * 144 MB). Before the caps, one 723-byte JPEG claiming 8000 × 7999 pixels took 1.9 GB by itself, a 190 kB
 * PNG 0.67 GB, and this run peaked at 1.44 GiB. 1.5 GiB leaves ~30 % for allocator and GC slack.
 */
const MAX_PEAK_RSS_BYTES = 1.5 * 1024 ** 3;

describe('hostile input', () => {
  let dir: string;
  let server: EmbeddedServer;
  let baseUrl: string;
  let token: string;
  let films: Film[];
  let firstExamId: string;

  const api = (path: string) => getJson(`${baseUrl}${path}`, token);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spineqc-hostile-'));
    films = await makeFilms(join(dir, 'films'), 2, 9090, 'ap');
    server = await startEmbeddedServer(join(dir, 'data'), [], {
      env: {
        SPINEQC_MAX_IMAGE_MB: '4',
        SPINEQC_HTTP_HEADERS_TIMEOUT_MS: '2000',
        SPINEQC_HTTP_REQUEST_TIMEOUT_MS: '4000',
      },
    });
    baseUrl = server.baseUrl;
    token = server.token;
  });

  afterAll(async () => {
    await server?.process.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** Sends a film with dcmtk's storescu and waits for its verdict; returns the exam. */
  async function judgeGoodFilm(film: Film) {
    const sent = await run('storescu', ['-aec', 'SPINEQC', 'localhost', String(server.dicomPort), film.path]);
    expect(sent.code, sent.stderr).toBe(0);
    const exam = await examOf(film.sopInstanceUid);
    expect(exam).toMatchObject({ status: 'judged', sopInstanceUid: film.sopInstanceUid });
    return exam;
  }

  /** The exam of a SOP instance, once it has reached a final state (judged or failed). */
  async function examOf(sopInstanceUid: string) {
    const list = await waitForJson(
      `${baseUrl}/api/exams?limit=500`,
      (b) => b.items?.some((e: any) => e.sopInstanceUid === sopInstanceUid && e.status !== 'received'),
      90_000,
      token,
    );
    const summary = list.items.find((e: any) => e.sopInstanceUid === sopInstanceUid);
    return (await api(`/api/exams/${summary.id}`)).body;
  }

  async function failureIds(): Promise<Set<string>> {
    return new Set((await api('/api/ingest-failures?limit=500')).body.items.map((f: any) => f.id));
  }

  /** The ingest failures recorded since `before` (C-STORE refusals are recorded just after the answer). */
  async function newFailures(before: Set<string>, expected: number) {
    let fresh: any[] = [];
    for (let i = 0; i < 100; i++) {
      fresh = (await api('/api/ingest-failures?limit=500')).body.items.filter((f: any) => !before.has(f.id));
      if (fresh.length >= expected) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return fresh;
  }

  /** What the entry point answered: refused (with the code it gave, if any) or accepted (with the SOP instance). */
  async function send(
    file: CorpusFile,
    door: Door,
  ): Promise<{ accepted: true; sopInstanceUid: string } | { accepted: false; code?: string }> {
    const path = join(CORPUS, file.name);
    if (door === 'upload') {
      const answer = await upload(baseUrl, path, {}, token);
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
      if (answer.status === 202) return { accepted: true, sopInstanceUid: answer.body.sopInstanceUid };
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.body.error.message).toEqual(expect.any(String));
      return { accepted: false, code: answer.body.error.code };
    }
    if (door === 'stow') {
      const answer = await stow(baseUrl, [{ bytes: await readFile(path) }], 'application/dicom', token);
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
      if (answer.status === 200)
        return { accepted: true, sopInstanceUid: answer.body['00081199'].Value[0]['00081155'].Value[0] };
      expect(answer.status).toBeGreaterThanOrEqual(400);
      return { accepted: false, code: answer.body?.error?.code };
    }
    // -dn: a compressed file goes as it is; -v: the C-STORE response status is printed.
    const sent = await run('dcmsend', [
      '-v',
      '-dn',
      '-aec',
      'SPINEQC',
      'localhost',
      String(server.dicomPort),
      path,
    ]);
    expect(sent.code, sent.stderr).toBe(0); // dcmsend completes the association whatever the C-STORE status
    const response = /Received C-STORE Response \(([^)]*)\)/.exec(sent.stderr + sent.stdout);
    expect(response, sent.stderr).not.toBeNull();
    if (response![1] !== 'Success') return { accepted: false };
    const dump = await run('dcmdump', ['-q', '+P', '0008,0018', path]);
    return { accepted: true, sopInstanceUid: /\[([\d.]+)\]/.exec(dump.stdout)![1] };
  }

  it('judges a good film first', async () => {
    firstExamId = (await judgeGoodFilm(films[0])).id;
  });

  it('holds the corpus its manifest describes (small files, unchanged)', () => {
    expect(manifest.files.length).toBeGreaterThan(50);
    let total = 0;
    for (const file of manifest.files) {
      const bytes = readFileSync(join(CORPUS, file.name));
      expect(bytes.length, file.name).toBe(file.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.sha256);
      expect(bytes.length, file.name).toBeLessThanOrEqual(200 * 1024);
      total += bytes.length;
    }
    expect(total).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  describe.each(manifest.files)('$name', (file) => {
    it.each(file.sendTo)(`through %s: ${file.wrong}`, async (door) => {
      const expected = file.expect[door]!;
      const before = await failureIds();
      const answer = await send(file, door);
      const refusalAllowed = expected.outcome !== 'not-assessable';
      const acceptanceAllowed = expected.outcome !== 'refused';
      if (!answer.accepted) {
        expect(refusalAllowed, `${file.name} via ${door} was refused (${answer.code})`).toBe(true);
        const recorded = await newFailures(before, expected.recorded === false ? 0 : 1);
        if (expected.recorded === false) {
          expect(recorded).toEqual([]);
          expect(answer.code).toBe(expected.code);
          return;
        }
        // Nothing received disappears: the refusal is on record with its reason, and the bytes are kept.
        expect(recorded).toHaveLength(1);
        expect(recorded[0]).toMatchObject({
          source: FAILURE_SOURCE[door],
          message: expect.any(String),
          storageKey: expect.stringMatching(/^rejected\//),
        });
        if (expected.code) expect(recorded[0].errorCode).toBe(expected.code);
        if (answer.code) expect(answer.code).toBe(recorded[0].errorCode);
        return;
      }
      expect(acceptanceAllowed, `${file.name} via ${door} was accepted`).toBe(true);
      expect(await newFailures(before, 0)).toEqual([]);
      const exam = await examOf(answer.sopInstanceUid);
      if (exam.status === 'failed') {
        expect(exam.failureReason).toEqual(expect.any(String));
      } else {
        expect(exam.verdict).toMatchObject({ notAssessable: true, reason: expect.any(String) });
        if (expected.pixelSpacingSource)
          expect(exam.verdict.pixelSpacingSource).toBe(expected.pixelSpacingSource);
      }
    });
  });

  it('refuses bodies over the size limit at every door and records them', async () => {
    const before = await failureIds();
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(5 * 1024 * 1024)]), 'huge.dcm');
    const response = await fetch(`${baseUrl}/api/exams`, {
      method: 'POST',
      body: form,
      headers: bearer(token),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).error.code).toBe('TOO_LARGE');

    const side = 1600; // 1600 × 1600 × 2 bytes: 5 MB, over the 4 MB limit
    const film = join(dir, 'oversized.dcm');
    await writeFile(
      film,
      writeDxDicom({
        width: side,
        height: side,
        pixels: new Uint16Array(side * side).fill(1000),
        bitsStored: 12,
        pixelSpacingMm: [0.15, 0.15],
        viewPosition: 'AP',
        bodyPartExamined: 'LSPINE',
        operatorsName: 'Corpus^Hostile',
        stationName: 'HOSTILE',
        patientId: 'HOSTILE-0002',
        patientName: 'Oversized^Film',
        studyInstanceUid: newUid(),
        seriesInstanceUid: newUid(),
        sopInstanceUid: newUid(),
        studyDate: '20261127',
        studyTime: '120000',
      }),
    );
    const sent = await run('dcmsend', ['-aec', 'SPINEQC', 'localhost', String(server.dicomPort), film]);
    expect(sent.code, sent.stderr).toBe(0);
    const recorded = await newFailures(before, 2);
    expect(recorded.map((f) => [f.source, f.errorCode]).sort()).toEqual([
      ['c-store', 'TOO_LARGE'],
      ['upload', 'TOO_LARGE'],
    ]);
  });

  it('cuts off a client that trickles its headers and one that trickles its body, serving others meanwhile', async () => {
    const port = Number(new URL(baseUrl).port);
    const trickledHeaders = slowClient(port, 'GET /healthz HTTP/1.1\r\nHost: localhost\r\n', 'X-Slow: a\r\n');
    const trickledBody = slowClient(
      port,
      'POST /api/exams HTTP/1.1\r\nHost: localhost\r\n' +
        `Authorization: Bearer ${token}\r\n` +
        'Content-Type: multipart/form-data; boundary=slow\r\nContent-Length: 1000000\r\n\r\n' +
        '--slow\r\nContent-Disposition: form-data; name="file"; filename="slow.dcm"\r\n\r\n',
      'x',
    );
    // While both hold their connections, others are served.
    expect((await getJson(`${baseUrl}/healthz`)).status).toBe(200);
    expect((await api(`/api/exams/${firstExamId}`)).status).toBe(200);
    // Each resolves only when the server has closed the connection (the clients never stop on their own).
    for (const response of await Promise.all([trickledHeaders, trickledBody])) {
      // Node answers 408 when nothing was sent yet, or just closes the connection.
      if (response) expect(response).toMatch(/^HTTP\/1\.1 408/);
    }
    expect((await getJson(`${baseUrl}/healthz`)).status).toBe(200);
  });

  it('answers arbitrary multipart uploads with a 2xx or 4xx JSON answer, never a 5xx', async () => {
    const smallPng = await readFile(join(CORPUS, 'png-iccp-bomb.png')); // a valid image, accepted
    const part = fc.record({
      name: fc.oneof(fc.constantFrom('file', 'station', 'operator', 'view', 'pixelSpacingMm'), fc.string()),
      filename: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
      type: fc.option(fc.oneof(fc.constantFrom('application/dicom', 'image/png', ''), fc.string()), {
        nil: undefined,
      }),
      headerNoise: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
      body: fc.oneof(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom(new Uint8Array(smallPng), new TextEncoder().encode('lateral')),
      ),
    });
    const request = fc.record({
      boundary: fc.stringMatching(/^[0-9A-Za-z'()+_,.\-/:=?]{1,70}$/),
      declared: fc.option(fc.stringMatching(/^[0-9A-Za-z'()+_,.\-/:=?]{0,70}$/), { nil: undefined }),
      contentType: fc.constantFrom(
        'multipart/form-data',
        'multipart/mixed',
        'text/plain',
        'application/json',
      ),
      parts: fc.array(part, { maxLength: 4 }),
      cutAt: fc.option(fc.nat(), { nil: undefined }),
      close: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const body = multipartBody(r.boundary, r.parts, r.close, r.cutAt);
        const response = await fetch(`${baseUrl}/api/exams`, {
          method: 'POST',
          headers: {
            'Content-Type': `${r.contentType}; boundary=${r.declared ?? r.boundary}`,
            ...bearer(token),
          },
          body,
        });
        const text = await response.text();
        expect(response.status, text).toBeGreaterThanOrEqual(200);
        expect(response.status, text).toBeLessThan(500);
        expect(() => JSON.parse(text), text).not.toThrow();
      }),
      { numRuns: 150, seed: 6 },
    );
    expect((await getJson(`${baseUrl}/healthz`)).status).toBe(200);
  });

  it('keeps serving, keeps what it had, judges the next good film, and stayed within its memory bound', async () => {
    expect((await getJson(`${baseUrl}/healthz`)).status).toBe(200);
    const first = await api(`/api/exams/${firstExamId}`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'judged', sopInstanceUid: films[0].sopInstanceUid });
    await judgeGoodFilm(films[1]);
    const status = readFileSync(`/proc/${server.process.child.pid}/status`, 'utf8');
    const peak = Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
    const now = Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
    console.info(
      `server memory: peak ${(peak / 1024 ** 2).toFixed(0)} MiB, now ${(now / 1024 ** 2).toFixed(0)} MiB`,
    );
    expect(peak).toBeLessThan(MAX_PEAK_RSS_BYTES);
  });
});

/** A multipart body from parts whose names, file names, types and extra header lines are arbitrary. */
function multipartBody(
  boundary: string,
  parts: {
    name: string;
    filename?: string;
    type?: string;
    headerNoise?: string;
    body: Uint8Array;
  }[],
  close: boolean,
  cutAt: number | undefined,
): Buffer<ArrayBuffer> {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    const headers = [
      `Content-Disposition: ${disposition}`,
      ...(p.type === undefined ? [] : [`Content-Type: ${p.type}`]),
      ...(p.headerNoise === undefined ? [] : [p.headerNoise]),
    ];
    chunks.push(
      Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`),
      Buffer.from(p.body),
      Buffer.from('\r\n'),
    );
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const body = Buffer.concat(chunks);
  return cutAt === undefined ? body : Buffer.from(body.subarray(0, cutAt % (body.length + 1)));
}

/**
 * Opens a connection, sends `opening`, then one `trickle` every 200 ms for as long as the connection
 * lasts; it never ends it itself. Resolves, once the server has closed it, with what the server sent.
 */
function slowClient(port: number, opening: string, trickle: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, 'localhost');
    let response = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      socket.write(opening);
      timer = setInterval(() => socket.writable && socket.write(trickle), 200);
    });
    socket.on('data', (chunk: Buffer) => (response += chunk.toString('latin1')));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset while we write is the server cutting us off too.
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    socket.on('close', () => {
      clearInterval(timer);
      resolve(response);
    });
  });
}
