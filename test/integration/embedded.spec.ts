import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from './support/embedded-server.js';
import { makeFilms, makePng, type Film } from './support/films.js';
import { bearer, getJson, stow, upload, waitForJson } from './support/http.js';
import { connectTablet } from './support/live-client.js';
import { run } from './support/processes.js';

// The embedded server as the README starts it, driven by real peers: dcmtk's storescu and dcmsend,
// HTTP (STOW-RS, upload, REST) and a socket.io client standing in for the tablet.
describe('spineqc serve (embedded)', () => {
  let dir: string;
  let server: EmbeddedServer;
  let films: Film[];
  const logs: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spineqc-embedded-'));
    films = await makeFilms(join(dir, 'films'), 6, 4242, 'ap');
    server = await startEmbeddedServer(join(dir, 'data'));
  });

  afterAll(async () => {
    await server?.process.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('judges an image sent with storescu and pushes the verdict to the station room', async () => {
    const film = films[0];
    const tablet = await connectTablet(server.baseUrl, film.station, server.token);
    const sent = await run('storescu', ['-aec', 'SPINEQC', 'localhost', String(server.dicomPort), film.path]);
    expect(sent.code, sent.stderr).toBe(0);
    const verdict = await tablet.verdictFor(film.sopInstanceUid);
    expect(tablet.received.map((r) => r.sopInstanceUid)).toContain(film.sopInstanceUid);
    expect(verdict).toMatchObject({
      station: film.station,
      operator: film.operator,
      status: 'judged',
      view: 'ap',
    });
    expect(typeof verdict.qualified === 'boolean' || verdict.notAssessable).toBe(true);
    expect(verdict.modelVersion).toMatch(/^spineqc-seg@/);
    expect(verdict.criteria.length).toBeGreaterThan(0);
    tablet.close();

    const exam = await getJson(`${server.baseUrl}/api/exams/${verdict.examId}`, server.token);
    expect(exam.status).toBe(200);
    expect(exam.body).toMatchObject({
      id: verdict.examId,
      sopInstanceUid: film.sopInstanceUid,
      status: 'judged',
    });
    expect(JSON.stringify(exam.body)).not.toMatch(/patientName|PatientName/);
    for (const render of ['image', 'overlay']) {
      // Drawn on first request from the segmentation the worker keeps just after the verdict: 409 until then.
      let png = await fetch(`${server.baseUrl}/api/exams/${verdict.examId}/${render}`, {
        headers: bearer(server.token),
      });
      for (let i = 0; i < 100 && png.status === 409; i++) {
        await new Promise((r) => setTimeout(r, 100));
        png = await fetch(`${server.baseUrl}/api/exams/${verdict.examId}/${render}`, {
          headers: bearer(server.token),
        });
      }
      expect(png.status).toBe(200);
      expect(png.headers.get('content-type')).toBe('image/png');
      expect(
        Buffer.from(await png.arrayBuffer())
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
    }
  });

  it('is idempotent on SOP Instance UID: a re-send creates no second exam', async () => {
    const film = films[0];
    const again = await run('dcmsend', ['-aec', 'SPINEQC', 'localhost', String(server.dicomPort), film.path]);
    expect(again.code, again.stderr).toBe(0);
    const list = await getJson(`${server.baseUrl}/api/exams?limit=100`, server.token);
    expect(list.body.items.filter((e: any) => e.sopInstanceUid === film.sopInstanceUid)).toHaveLength(1);
  });

  it('receives compressed transfer syntaxes unchanged over C-STORE (JPEG-LS, RLE) and judges them', async () => {
    const cases = [
      { tool: 'dcmcjpls', film: films[1], syntax: '1.2.840.10008.1.2.4.80' },
      { tool: 'dcmcrle', film: films[2], syntax: '1.2.840.10008.1.2.5' },
    ];
    for (const { tool, film, syntax } of cases) {
      const file = join(dir, `${tool}.dcm`);
      expect((await run(tool, [film.path, file])).code).toBe(0);
      // --decompress-never: propose only the compressed syntax, so the SCP must take it as it is.
      const sent = await run('dcmsend', [
        '-dn',
        '-aec',
        'SPINEQC',
        'localhost',
        String(server.dicomPort),
        file,
      ]);
      expect(sent.code, sent.stderr).toBe(0);
      const list = await waitForJson(
        `${server.baseUrl}/api/exams?status=judged&limit=100`,
        (b) => b.items.some((e: any) => e.sopInstanceUid === film.sopInstanceUid),
        undefined,
        server.token,
      );
      const id = list.items.find((e: any) => e.sopInstanceUid === film.sopInstanceUid).id;
      const exam = await getJson(`${server.baseUrl}/api/exams/${id}`, server.token);
      expect(exam.body.image.transferSyntaxUid).toBe(syntax);
      expect(exam.body.verdict.modelVersion).toMatch(/^spineqc-seg@/);
    }
  });

  it('stores STOW-RS instances and answers per PS3.18 (200, 409 for non-DICOM, 415 for other types)', async () => {
    const ok = await stow(
      server.baseUrl,
      [{ bytes: await readFile(films[3].path) }],
      undefined,
      server.token,
    );
    expect(ok.status).toBe(200);
    expect(ok.body['00081199'].Value[0]['00081155'].Value[0]).toBe(films[3].sopInstanceUid);

    const bad = await stow(
      server.baseUrl,
      [{ bytes: Buffer.from('this is not DICOM at all, just text') }],
      undefined,
      server.token,
    );
    expect(bad.status).toBe(409);
    // An unidentifiable part has no SOP instance to name: PS3.18 puts it in Other Failures (0008,119A).
    expect(bad.body['0008119A'].Value[0]['00081197'].Value[0]).toBe(0xc000);

    const failures = await getJson(`${server.baseUrl}/api/ingest-failures`, server.token);
    expect(failures.body.items[0]).toMatchObject({ source: 'stow-rs', errorCode: 'NOT_DICOM' });
    expect(failures.body.items[0].storageKey).toMatch(/^rejected\//); // the original is kept

    const wrongType = await stow(
      server.baseUrl,
      [{ bytes: Buffer.from('{}') }],
      'application/json',
      server.token,
    );
    expect(wrongType.status).toBe(415);

    const health = await getJson(`${server.baseUrl}/healthz`);
    expect(health.status).toBe(200); // still serving after bad input
  });

  it('stores with curl and with a DICOMweb client (dicomweb-client, Python) over STOW-RS', async () => {
    const body = join(dir, 'stow-body');
    const boundary = 'spineqc-curl-boundary';
    await writeFile(
      body,
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`),
        await readFile(films[4].path),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    );
    const curl = await run('curl', [
      '-sS',
      '-X',
      'POST',
      `${server.baseUrl}/dicomweb/studies`,
      '-H',
      `Content-Type: multipart/related; type="application/dicom"; boundary=${boundary}`,
      '-H',
      'Accept: application/dicom+json',
      '-H',
      `Authorization: Bearer ${server.token}`,
      '--data-binary',
      `@${body}`,
      '-w',
      '\n%{http_code}',
    ]);
    const [json, code] = curl.stdout.trim().split('\n');
    expect(code).toBe('200');
    expect(JSON.parse(json)['00081199'].Value[0]['00081155'].Value[0]).toBe(films[4].sopInstanceUid);

    const client = await run('tools/dicomweb-client.sh', [`${server.baseUrl}/dicomweb`, films[5].path], {
      SPINEQC_API_TOKEN: server.token,
    });
    expect(client.code, client.stderr).toBe(0);
    const response = JSON.parse(client.stdout);
    expect(response['00081199'].Value[0]['00081155'].Value[0]).toBe(films[5].sopInstanceUid);
  });

  it('judges an uploaded PNG with its form fields and refuses an unknown view with 400', async () => {
    const png = await makePng(join(dir, 'png'), 777, 'lateral');
    const tablet = await connectTablet(server.baseUrl, 'DR-UPLOAD', server.token);
    const fields = { station: 'DR-UPLOAD', operator: 'Test^User', view: 'lateral', pixelSpacingMm: '0.7' };
    const accepted = await upload(server.baseUrl, png, fields, server.token);
    expect(accepted.status).toBe(202);
    const verdict = await tablet.verdictFor(accepted.body.sopInstanceUid);
    expect(verdict).toMatchObject({
      station: 'DR-UPLOAD',
      operator: 'Test^User',
      view: 'lateral',
      status: 'judged',
    });
    tablet.close();
    const again = await upload(server.baseUrl, png, fields, server.token);
    expect(again.body).toMatchObject({ examId: accepted.body.examId, duplicate: true });

    const refused = await upload(server.baseUrl, films[4].path, { view: 'sideways' }, server.token);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('UNKNOWN_VIEW');

    const notImage = join(dir, 'notes.txt');
    await writeFile(notImage, 'hello');
    const junk = await upload(server.baseUrl, notImage, undefined, server.token);
    expect(junk.status).toBe(415);
  });

  it('serves history filters, stats, OpenAPI and metrics', async () => {
    const byStation = await getJson(
      `${server.baseUrl}/api/exams?station=${encodeURIComponent(films[0].station)}`,
      server.token,
    );
    expect(byStation.body.items.every((e: any) => e.station === films[0].station)).toBe(true);
    const badQuery = await getJson(`${server.baseUrl}/api/exams?qualified=maybe`, server.token);
    expect(badQuery.status).toBe(400);
    const stats = await getJson(`${server.baseUrl}/api/stats?groupBy=station&period=day`, server.token);
    expect(stats.status).toBe(200);
    expect(stats.body.rows.length).toBeGreaterThan(0);
    expect((await fetch(`${server.baseUrl}/api/docs`, { headers: bearer(server.token) })).status).toBe(200);
    const openapi = await getJson(`${server.baseUrl}/api/docs/openapi.json`, server.token);
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/api/exams', '/api/stats']));
    const metrics = await (
      await fetch(`${server.baseUrl}/metrics`, { headers: bearer(server.token) })
    ).text();
    expect(metrics).toMatch(/spineqc_images_received_total\{source="c-store"\} \d+/);
    expect(metrics).toMatch(/spineqc_ingest_failures_total/);
  });

  it('keeps its history across a restart', async () => {
    const before = await getJson(`${server.baseUrl}/api/exams?limit=500`, server.token);
    await server.process.stop('SIGTERM');
    logs.push(server.process.output());
    server = await startEmbeddedServer(join(dir, 'data'));
    const after = await getJson(`${server.baseUrl}/api/exams?limit=500`, server.token);
    expect(after.body.total).toBe(before.body.total);
    expect(after.body.items.map((e: any) => e.id).sort()).toEqual(
      before.body.items.map((e: any) => e.id).sort(),
    );
  });

  it('loses nothing when killed (SIGKILL) with images still unjudged', async () => {
    const extra = await makeFilms(join(dir, 'crash'), 3, 5151, 'lateral');
    for (const film of extra)
      expect(
        (await stow(server.baseUrl, [{ bytes: await readFile(film.path) }], undefined, server.token)).status,
      ).toBe(200);
    await server.process.stop('SIGKILL');
    logs.push(server.process.output());
    server = await startEmbeddedServer(join(dir, 'data'));
    const judged = await waitForJson(
      `${server.baseUrl}/api/exams?status=judged&limit=500`,
      (b) => extra.every((f) => b.items.some((e: any) => e.sopInstanceUid === f.sopInstanceUid)),
      undefined,
      server.token,
    );
    for (const film of extra) {
      expect(judged.items.filter((e: any) => e.sopInstanceUid === film.sopInstanceUid)).toHaveLength(1);
    }
  });

  it('never writes patient names or IDs to its log', () => {
    const log = [...logs, server.process.output()].join('\n');
    expect(log).toContain('image received'); // the log is there, and it is JSON lines
    for (const film of films) {
      expect(film.patientName.length).toBeGreaterThan(2);
      expect(log).not.toContain(film.patientName);
      expect(log).not.toContain(film.patientId);
    }
  });
});
