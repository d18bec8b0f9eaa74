/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pageErrors } from './support/browser.js';
import { startEmbeddedServer, type EmbeddedServer } from './support/embedded-server.js';
import { makeFilms, type Film } from './support/films.js';
import { SEEDED_STATIONS, seedHistory, type SeededHistory } from './support/history.js';
import { getJson, stow, waitForJson } from './support/http.js';
import { REPO } from './support/processes.js';
import {
  expectedVerdict,
  pluggableSocket,
  recordVerdictStates,
  verdictStates,
  waitForConnection,
  waitForShownVerdict,
} from './support/tablet-page.js';

/** Screens the README shows are captured here by the tests (docs/ holds the committed copies). */
const SCREENSHOTS = join(REPO, 'out/screenshots');

// The dashboard as the README starts it (`spineqc serve` runs it beside the API), driven in Debian's Chromium.
describe('dashboard in a real browser', () => {
  let dir: string;
  let server: EmbeddedServer;
  let browser: Browser;
  let history: SeededHistory;
  let roomFilms: Film[];
  let station: string;
  let judgedExamId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spineqc-dashboard-'));
    const films = await makeFilms(join(dir, 'films'), 10, 5151, 'mixed');
    const byStation = new Map<string, Film[]>();
    for (const film of films) byStation.set(film.station, [...(byStation.get(film.station) ?? []), film]);
    [station, roomFilms] = [...byStation.entries()].sort((a, b) => b[1].length - a[1].length)[0];
    expect(roomFilms.length).toBeGreaterThanOrEqual(3);
    const dataDir = join(dir, 'data');
    await mkdir(dataDir, { recursive: true });
    history = await seedHistory(dataDir, 21);
    server = await startEmbeddedServer(dataDir, [], { dashboard: true });
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    const problems =
      server?.process
        .output()
        .split('\n')
        .filter((l) => /"level":"(error|warn)"/.test(l)) ?? [];
    if (problems.length) console.warn(problems.join('\n'));
    await browser?.close();
    await server?.process.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const send = async (film: Film): Promise<string> => {
    const result = await stow(server.baseUrl, [{ bytes: await readFile(film.path) }]);
    expect(result.status).toBe(200);
    const page = await waitForJson(
      `${server.baseUrl}/api/exams?station=${encodeURIComponent(film.station)}&limit=50`,
      (body) => body.items.some((e: any) => e.sopInstanceUid === film.sopInstanceUid),
    );
    return page.items.find((e: any) => e.sopInstanceUid === film.sopInstanceUid).id;
  };

  const openTablet = async (viewport = { width: 1280, height: 800 }) => {
    const page = await browser.newPage({ viewport });
    const errors = pageErrors(page);
    return { page, errors };
  };

  it('room tablet: shows "analysing" the instant an image arrives, then the verdict and criteria, live', async () => {
    const { page, errors } = await openTablet();
    await page.goto(`${server.dashboardUrl}/rooms/${encodeURIComponent(station)}`);
    await waitForConnection(page, ['live']);
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('waiting');
    await recordVerdictStates(page);

    const examId = await send(roomFilms[0]);
    const shown = await waitForShownVerdict(page, examId);
    const exam = (await getJson(`${server.baseUrl}/api/exams/${examId}`)).body;
    judgedExamId = examId;
    expect(shown).toBe(expectedVerdict(exam));
    expect(await verdictStates(page)).toContain(`analysing:${examId}`);

    const criteria = page.getByTestId('criterion');
    const rows = await criteria.evaluateAll((elements) =>
      elements.map((e) => `${e.getAttribute('data-criterion-id')}=${e.getAttribute('data-passed')}`),
    );
    const fromApi = exam.verdict.criteria.map(
      (c: any) => `${c.id}=${c.passed === null ? 'unknown' : String(c.passed)}`,
    );
    expect(rows.sort()).toEqual(fromApi.sort());
    for (const failed of exam.verdict.criteria.filter((c: any) => c.passed === false)) {
      const row = page.locator(`[data-testid="criterion"][data-criterion-id="${failed.id}"]`);
      expect(await row.innerText()).toContain(failed.correction);
    }
    const image = page.getByTestId('verdict-image');
    await image.waitFor();
    expect(await image.getAttribute('src')).toContain(`/api/exams/${examId}/overlay`);
    await page.waitForFunction(() => {
      const img = document.querySelector('[data-testid="verdict-image"]') as HTMLImageElement | null;
      return img?.complete && img.naturalWidth > 0;
    });
    await page.screenshot({ path: join(SCREENSHOTS, 'tablet-landscape.png') });

    // One tap: the technologist agrees; the API keeps it against the exam.
    await page.getByTestId('feedback-agree').click();
    await page.getByTestId('feedback-recorded').waitFor();
    const feedback = (await getJson(`${server.baseUrl}/api/exams/${examId}/feedback`)).body.items;
    expect(feedback).toMatchObject([{ agree: true, source: 'tablet' }]);
    // The tablet signs with the technologist's name as people write it ("Ada Okafor" for DICOM "Okafor^Ada").
    expect(feedback[0].author).toContain(roomFilms[0].operator.split('^')[0]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('room tablet: a dropped connection reconnects and catches up the verdicts it missed', async () => {
    const { page } = await openTablet({ width: 800, height: 1280 });
    const cable = await pluggableSocket(page);
    await page.goto(`${server.dashboardUrl}/rooms/${encodeURIComponent(station)}`);
    await waitForConnection(page, ['live']);
    await waitForShownVerdict(page, judgedExamId);

    await cable.cut();
    await waitForConnection(page, ['reconnecting', 'offline']);
    const missed = [await send(roomFilms[1]), await send(roomFilms[2])];
    for (const id of missed) {
      await waitForJson(`${server.baseUrl}/api/exams/${id}`, (exam) => exam.status !== 'received');
    }
    expect(await page.getByTestId('verdict').getAttribute('data-exam-id')).toBe(judgedExamId);

    cable.restore();
    await waitForConnection(page, ['live'], 60_000);
    await waitForShownVerdict(page, missed[1]);
    const strip = await page
      .getByTestId('recent-exam')
      .evaluateAll((elements) => elements.map((e) => e.getAttribute('data-exam-id')));
    expect(strip).toEqual(expect.arrayContaining([...missed, judgedExamId]));
    expect(await page.getByTestId('caught-up').innerText()).toMatch(/2/);
    await page.waitForFunction(() => {
      const img = document.querySelector('[data-testid="verdict-image"]') as HTMLImageElement | null;
      return img?.complete && img.naturalWidth > 0;
    });
    await page.screenshot({ path: join(SCREENSHOTS, 'tablet-portrait.png') });
    await page.close();
  });

  it('QA page: draws its charts from the history and its totals equal /api/stats', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = pageErrors(page);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const statsRequest = page.waitForRequest(
      (r) => r.url().includes('/api/stats') && r.url().includes('groupBy=station'),
    );
    await page.goto(`${server.dashboardUrl}/qa?from=${day(history.from)}&to=${day(new Date())}`);
    const query = new URL((await statsRequest).url()).search;
    const stats = (await getJson(`${server.baseUrl}/api/stats${query}`)).body;
    const sum = (field: string) => stats.rows.reduce((n: number, row: any) => n + row[field], 0);
    expect(sum('total')).toBeGreaterThanOrEqual(history.exams);

    const total = page.getByTestId('qa-total-exams');
    await page.waitForFunction(() =>
      /\d/.test(document.querySelector('[data-testid="qa-total-exams"]')?.textContent ?? ''),
    );
    expect(Number((await total.innerText()).replace(/\D/g, ''))).toBe(sum('total'));
    for (const [testId, field] of [
      ['qa-total-qualified', 'qualified'],
      ['qa-total-unqualified', 'unqualified'],
      ['qa-total-not-assessable', 'notAssessable'],
    ]) {
      expect(Number((await page.getByTestId(testId).innerText()).replace(/\D/g, ''))).toBe(sum(field));
    }
    const rate = (100 * sum('unqualified')) / (sum('qualified') + sum('unqualified'));
    expect(await page.getByTestId('qa-unqualified-rate').innerText()).toContain(rate.toFixed(1));

    for (const chart of [
      'qa-chart-trend',
      'qa-chart-technologist',
      'qa-chart-room',
      'qa-chart-pareto',
      'qa-chart-view',
    ]) {
      await page.locator(`[data-testid="${chart}"] .recharts-surface`).first().waitFor();
    }
    expect(
      await page.locator('[data-testid="qa-chart-pareto"] .recharts-bar-rectangle').count(),
    ).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="qa-chart-trend"] .recharts-reference-line').count()).toBe(2);
    await page.getByTestId('qa-exam-row').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'qa.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exam review: overlay toggles change the image, and feedback round-trips', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = pageErrors(page);
    await page.goto(`${server.dashboardUrl}/exams/${judgedExamId}`);
    const canvasPixels = () =>
      page.evaluate(() =>
        (document.querySelector('[data-testid="review-viewer"]') as HTMLCanvasElement).toDataURL(),
      );
    await page.waitForFunction(() => {
      const canvas = document.querySelector('[data-testid="review-viewer"]') as HTMLCanvasElement | null;
      if (!canvas || canvas.width === 0) return false;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length; i += 4) if (data[i] > 0) return true;
      return false;
    });
    await page.getByTestId('review-versions').waitFor();
    await page.waitForTimeout(500); // let the masks arrive and the first overlay draw settle
    const before = await canvasPixels();
    const toggle = page.locator('[data-testid="overlay-toggle"][data-structure="vertebral-body"]');
    await toggle.click({ force: true });
    await page.waitForFunction((previous) => {
      const canvas = document.querySelector('[data-testid="review-viewer"]') as HTMLCanvasElement;
      return canvas.toDataURL() !== previous;
    }, before);
    await toggle.click({ force: true });
    await page.waitForFunction((previous) => {
      const canvas = document.querySelector('[data-testid="review-viewer"]') as HTMLCanvasElement;
      return canvas.toDataURL() === previous;
    }, before);

    const entries = page.getByTestId('feedback-entry');
    const already = await entries.count();
    await page.getByTestId('review-feedback-choice').getByText('Disagree', { exact: false }).click();
    await page.getByTestId('review-feedback-reason').fill('L5 is cut off at the lower edge');
    await page.getByTestId('review-feedback-author').fill('Dr Review');
    await page.getByTestId('review-feedback-submit').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="feedback-entry"]').length > n,
      already,
    );
    const stored = (await getJson(`${server.baseUrl}/api/exams/${judgedExamId}/feedback`)).body.items;
    expect(stored[0]).toMatchObject({
      agree: false,
      author: 'Dr Review',
      source: 'review',
      reason: 'L5 is cut off at the lower edge',
    });
    await page.reload();
    await page.getByText('L5 is cut off at the lower edge').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'review.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('webhook admin: refuses an internal URL with the reason, subscribes a public one and shows its secret once', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.dashboardUrl}/admin/webhooks`);
    await page.getByTestId('webhooks-page').waitFor();
    const url = page.getByTestId('subscription-url');
    await url.fill('https://10.0.0.8/spineqc');
    await page.getByLabel(/alert\.raised/).check();
    await page.getByTestId('subscription-create').click();
    await page
      .getByText(/10\.0\.0\.8|private|not public/i)
      .first()
      .waitFor();
    expect(await page.getByTestId('subscription-row').count()).toBe(0);

    await url.fill('https://93.184.216.34/spineqc');
    await page.getByTestId('subscription-create').click();
    const secret = page.getByTestId('subscription-secret');
    await secret.waitFor();
    expect(await secret.innerText()).toMatch(/whsec_/);
    await page.getByTestId('subscription-row').first().waitFor();
    const listed = (await getJson(`${server.baseUrl}/api/webhooks/subscriptions`)).body.items;
    expect(listed).toMatchObject([{ url: 'https://93.184.216.34/spineqc', eventTypes: ['alert.raised'] }]);
    expect(JSON.stringify(listed)).not.toContain((await secret.innerText()).match(/whsec_\S+/)![0]);

    await page.goto(`${server.dashboardUrl}/alerts`);
    await page.getByTestId('alerts-page').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'alerts.png'), fullPage: true });
    await page.close();
  });

  it('home page: lists the rooms with their latest verdict', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.dashboardUrl}/`);
    await page.locator(`[data-testid="room-card"][data-station="${station}"]`).waitFor();
    const stations = await page
      .getByTestId('room-card')
      .evaluateAll((elements) => elements.map((e) => e.getAttribute('data-station')));
    expect(stations).toEqual(expect.arrayContaining([...SEEDED_STATIONS, station]));
    await page.screenshot({ path: join(SCREENSHOTS, 'home.png'), fullPage: true });
    await page.close();
  });
});
