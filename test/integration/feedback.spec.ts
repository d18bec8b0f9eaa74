import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePng } from '@spineqc/imaging';
import { STRUCTURES } from '@spineqc/qc-standard';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from './support/embedded-server.js';
import { makeFilms, type Film } from './support/films.js';
import { bearer, getJson, stow, waitForJson } from './support/http.js';
import { CLI, run } from './support/processes.js';

async function post(url: string, body: unknown, token: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...bearer(token), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** Where the agreement rows should count one entry (see the repository's counting rules). */
function keysOf(exam: any, entry: { agree: boolean; criterion?: string }): string[] {
  const keys = new Set<string>(exam.failedCriteria);
  if (!entry.agree && entry.criterion) keys.add(entry.criterion);
  if (exam.qualified === true) keys.add('');
  return [...keys];
}

// The feedback loop end to end: `spineqc serve` judges two phantom films sent over STOW-RS, a reviewer agrees with
// one verdict and disputes the other, and `spineqc feedback export` writes the disputed exam for relabelling.
describe('feedback loop (embedded server)', () => {
  let dir: string;
  let server: EmbeddedServer;
  let films: Film[];
  const exams: any[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spineqc-feedback-'));
    films = await makeFilms(join(dir, 'films'), 2, 5150, 'ap');
    server = await startEmbeddedServer(join(dir, 'data'));
    const sent = await stow(
      server.baseUrl,
      await Promise.all(films.map(async (film) => ({ bytes: await readFile(film.path) }))),
      undefined,
      server.token,
    );
    expect(sent.status).toBe(200);
    const list = await waitForJson(
      `${server.baseUrl}/api/exams?status=judged`,
      (body) => films.every((film) => body.items.some((e: any) => e.sopInstanceUid === film.sopInstanceUid)),
      undefined,
      server.token,
    );
    for (const film of films)
      exams.push(list.items.find((e: any) => e.sopInstanceUid === film.sopInstanceUid));
    // The worker stores the segmentation just after it publishes the verdict.
    for (const exam of exams) {
      let masks = await fetch(`${server.baseUrl}/api/exams/${exam.id}/masks`, {
        headers: bearer(server.token),
      });
      for (let i = 0; i < 100 && masks.status === 404; i++) {
        await new Promise((r) => setTimeout(r, 100));
        masks = await fetch(`${server.baseUrl}/api/exams/${exam.id}/masks`, {
          headers: bearer(server.token),
        });
      }
      expect(masks.status).toBe(200);
      expect(masks.headers.get('content-type')).toBe('image/png');
    }
  });

  afterAll(async () => {
    await server?.process.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const agreement = { agree: true, author: 'Ward Nurse', source: 'tablet' };
  const dispute = {
    agree: false,
    author: 'Dr. Okafor',
    criterion: 'exposure',
    reason: 'EI 310 is within range',
  };

  it('stores an agreement and a disagreement, and refuses unknown exams and bad fields', async () => {
    const [agreed, disputed] = exams;
    const first = await post(`${server.baseUrl}/api/exams/${agreed.id}/feedback`, agreement, server.token);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ examId: agreed.id, ...agreement, criterion: null, reason: null });
    expect(new Date(first.body.createdAt).getTime()).not.toBeNaN();
    const second = await post(`${server.baseUrl}/api/exams/${disputed.id}/feedback`, dispute, server.token);
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ examId: disputed.id, ...dispute, source: 'review' });

    const unknown = await post(
      `${server.baseUrl}/api/exams/00000000-0000-4000-8000-000000000000/feedback`,
      dispute,
      server.token,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    for (const [body, field] of [
      [{ author: 'Ann' }, 'agree'],
      [{ agree: false, author: '' }, 'author'],
      [{ agree: false, author: 'Ann', criterion: 'tilt' }, 'criterion'],
      [{ agree: false, author: 'Ann', reason: 'x'.repeat(501) }, 'reason'],
    ] as const) {
      const refused = await post(`${server.baseUrl}/api/exams/${disputed.id}/feedback`, body, server.token);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain(field);
    }

    const listed = await getJson(`${server.baseUrl}/api/exams/${disputed.id}/feedback`, server.token);
    expect(listed.body.items).toEqual([second.body]);
    expect(
      (await getJson(`${server.baseUrl}/api/exams/${agreed.id}/feedback`, server.token)).body.items,
    ).toEqual([first.body]);
    expect(
      (
        await getJson(
          `${server.baseUrl}/api/exams/00000000-0000-4000-8000-000000000000/feedback`,
          server.token,
        )
      ).status,
    ).toBe(404);
  });

  it('lists the disputed exam and counts agreement per criterion', async () => {
    const [agreed, disputed] = exams;
    const page = await getJson(`${server.baseUrl}/api/feedback/disputed`, server.token);
    expect(page.status).toBe(200);
    expect(page.body.nextCursor).toBeNull();
    expect(page.body.items.map((item: any) => item.exam.id)).toEqual([disputed.id]);
    expect(page.body.items[0].feedback).toMatchObject([dispute]);
    const elsewhere = await getJson(
      `${server.baseUrl}/api/feedback/disputed?station=NO-SUCH-ROOM`,
      server.token,
    );
    expect(elsewhere.body.items).toEqual([]);
    expect(
      (await getJson(`${server.baseUrl}/api/feedback/disputed?cursor=bm9wZQ`, server.token)).status,
    ).toBe(400);

    const expected = new Map<string, { agree: number; disagree: number }>();
    for (const [exam, entry] of [
      [agreed, agreement],
      [disputed, dispute],
    ] as const) {
      for (const key of keysOf(exam, entry)) {
        const counts = expected.get(key) ?? { agree: 0, disagree: 0 };
        counts[entry.agree ? 'agree' : 'disagree'] += 1;
        expected.set(key, counts);
      }
    }
    const rows = (await getJson(`${server.baseUrl}/api/feedback/agreement`, server.token)).body.rows;
    expect(rows).toEqual(
      [...expected.keys()].sort().map((key) => {
        const { agree, disagree } = expected.get(key)!;
        return {
          key,
          feedback: agree + disagree,
          agree,
          disagree,
          agreementRate: agree / (agree + disagree),
        };
      }),
    );
    expect(rows.find((row: any) => row.key === 'exposure')?.disagree).toBeGreaterThanOrEqual(1);
    const none = await getJson(
      `${server.baseUrl}/api/feedback/agreement?to=2000-01-01T00:00:00Z`,
      server.token,
    );
    expect(none.body.rows).toEqual([]);
  });

  it("shows the original's acquisition tags without patient identity, and serves the original as sent", async () => {
    const [exam] = exams;
    const tags = await getJson(`${server.baseUrl}/api/exams/${exam.id}/dicom-tags`, server.token);
    expect(tags.status).toBe(200);
    expect(tags.body.format).toBe('dicom');
    expect(tags.body.tags).toMatchObject({
      StationName: films[0].station,
      OperatorsName: films[0].operator,
      ViewPosition: 'AP',
      TransferSyntaxUID: '1.2.840.10008.1.2.1',
    });
    expect(tags.body.tags.Rows).toBeGreaterThan(0);
    const text = JSON.stringify(tags.body);
    expect(text).not.toMatch(/Patient/i);
    expect(text).not.toContain(films[0].patientId);
    for (const part of films[0].patientName.split('^').filter(Boolean)) expect(text).not.toContain(part);

    const original = await fetch(`${server.baseUrl}/api/exams/${exam.id}/original`, {
      headers: bearer(server.token),
    });
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('application/dicom');
    expect(original.headers.get('content-disposition')).toBe(`attachment; filename="${exam.id}.dcm"`);
    expect(Buffer.from(await original.arrayBuffer()).equals(await readFile(films[0].path))).toBe(true);
  });

  it('exports the disputed exam for relabelling, the same way twice', async () => {
    const [, disputed] = exams;
    const out = join(dir, 'export');
    const exported = await run(process.execPath, [
      CLI,
      'feedback',
      'export',
      '--api',
      server.baseUrl,
      '--token',
      server.token,
      '--out',
      out,
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('1 exam exported');
    const listing = async () => (await readdir(out, { recursive: true })).sort();
    const files = await listing();
    const maskNames = [...STRUCTURES, 'levels'].map((name) => `${disputed.id}/masks/${name}.png`);
    expect(files).toEqual(
      [
        'README.md',
        'disputes.csv',
        disputed.id,
        `${disputed.id}/feedback.json`,
        `${disputed.id}/masks`,
        ...maskNames,
        `${disputed.id}/original.dcm`,
        `${disputed.id}/verdict.json`,
      ].sort(),
    );
    const sent = await readFile(films[1].path);
    expect((await readFile(join(out, disputed.id, 'original.dcm'))).equals(sent)).toBe(true);
    const verdict = JSON.parse(await readFile(join(out, disputed.id, 'verdict.json'), 'utf8'));
    expect(verdict).toMatchObject({
      id: disputed.id,
      sopInstanceUid: films[1].sopInstanceUid,
      status: 'judged',
    });
    const feedback = JSON.parse(await readFile(join(out, disputed.id, 'feedback.json'), 'utf8'));
    expect(feedback).toMatchObject([dispute]);
    const mask = decodePng(await readFile(join(out, disputed.id, 'masks', 'vertebral-body.png')));
    expect([mask.width, mask.height]).toEqual([verdict.image.width, verdict.image.height]);
    expect([...new Set(mask.data)].every((value) => value === 0 || value === 255)).toBe(true);
    const csv = (await readFile(join(out, 'disputes.csv'), 'utf8')).trimEnd().split('\r\n');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain(disputed.id);
    expect(csv[1]).toContain('exposure');
    expect(csv[1]).toContain('Dr. Okafor');
    expect(await readFile(join(out, 'README.md'), 'utf8')).toMatch(/relabel/i);

    const again = await run(process.execPath, [
      CLI,
      'feedback',
      'export',
      '--api',
      server.baseUrl,
      '--token',
      server.token,
      '--out',
      out,
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(await listing()).toEqual(files);
    expect((await readFile(join(out, 'disputes.csv'), 'utf8')).trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('says clearly when the API cannot be reached', async () => {
    const failed = await run(process.execPath, [
      CLI,
      'feedback',
      'export',
      '--api',
      'http://127.0.0.1:1',
      '--token',
      server.token,
      '--out',
      join(dir, 'unreachable'),
    ]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('cannot reach the SpineQC API at http://127.0.0.1:1/');
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  });
});
