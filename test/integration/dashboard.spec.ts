/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fetchStatusInPage,
  launchBrowser,
  pageErrors,
  signInOnPage,
  signedInPage,
  type Credentials,
} from './support/browser.js';
import { startEmbeddedServer, type EmbeddedServer } from './support/embedded-server.js';
import { makeFilms, type Film } from './support/films.js';
import { SEEDED_STATIONS, seedHistory, type SeededHistory } from './support/history.js';
import { bearer, getJson, stow, waitForJson } from './support/http.js';
import { REPO } from './support/processes.js';
import {
  expectedVerdict,
  pairedTablet,
  pluggableSocket,
  recordVerdictStates,
  verdictStates,
  waitForConnection,
  waitForShownVerdict,
} from './support/tablet-page.js';

/** Screens the README shows are captured here by the tests (docs/ holds the committed copies). */
const SCREENSHOTS = join(REPO, 'out/screenshots');

/** The people the tests sign in as (made through the API with the server's admin token). */
const PEOPLE = {
  admin: {
    username: 'site.admin',
    displayName: 'Site Admin',
    role: 'admin',
    password: 'admin password 1234',
  },
  qa: {
    username: 'qa.manager',
    displayName: 'Dr Review',
    role: 'qa_manager',
    password: 'qa manager password',
  },
  tech: {
    username: 'tech.lee',
    displayName: 'Lee Technologist',
    role: 'technologist',
    password: 'technologist password',
  },
} satisfies Record<string, Credentials & { displayName: string; role: string }>;

// The dashboard as the README starts it (`spineqc serve` runs it beside the API), driven in Debian's Chromium.
describe('dashboard in a real browser', () => {
  let dir: string;
  let server: EmbeddedServer;
  let browser: Browser;
  let history: SeededHistory;
  let roomFilms: Film[];
  let station: string;
  let judgedExamId: string;
  /** The pairing token of a tablet in `station`. */
  let deviceToken: string;

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
    for (const person of Object.values(PEOPLE)) {
      expect((await api('POST', '/api/accounts', person)).status).toBe(201);
    }
    const paired = await api('POST', '/api/tokens', { role: 'device', name: 'Test tablet', station });
    expect(paired.status).toBe(201);
    deviceToken = paired.body.token;
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

  /** A call to the API itself (not through the browser), by default with the server's admin token. */
  const api = async (method: string, path: string, body?: unknown, token: string | null = server.token) => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: {
        ...bearer(token ?? undefined),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  const send = async (film: Film): Promise<string> => {
    const result = await stow(
      server.baseUrl,
      [{ bytes: await readFile(film.path) }],
      undefined,
      server.token,
    );
    expect(result.status).toBe(200);
    const page = await waitForJson(
      `${server.baseUrl}/api/exams?station=${encodeURIComponent(film.station)}&limit=50`,
      (body) => body.items.some((e: any) => e.sopInstanceUid === film.sopInstanceUid),
      undefined,
      server.token,
    );
    return page.items.find((e: any) => e.sopInstanceUid === film.sopInstanceUid).id;
  };

  const roomUrl = (name: string) => `${server.dashboardUrl}/rooms/${encodeURIComponent(name)}`;

  /** A tablet paired to `station` through its pairing link, as an administrator hands it out. */
  const openTablet = async (viewport = { width: 1280, height: 800 }) => {
    const page = await pairedTablet(browser, server.dashboardUrl!, deviceToken, viewport);
    const errors = pageErrors(page);
    return { page, errors };
  };

  it('room tablet: shows "analysing" the instant an image arrives, then the verdict and criteria, live', async () => {
    const { page, errors } = await openTablet();
    expect(page.url()).toBe(roomUrl(station));
    await waitForConnection(page, ['live']);
    // A paired tablet has no way out of its room.
    expect(await page.locator('a[href]').count()).toBe(0);
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('waiting');
    await recordVerdictStates(page);

    const examId = await send(roomFilms[0]);
    const shown = await waitForShownVerdict(page, examId);
    const exam = (await getJson(`${server.baseUrl}/api/exams/${examId}`, server.token)).body;
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
    const feedback = (await getJson(`${server.baseUrl}/api/exams/${examId}/feedback`, server.token)).body
      .items;
    expect(feedback).toMatchObject([{ agree: true, source: 'tablet' }]);
    // The tablet signs with the technologist's name as people write it ("Ada Okafor" for DICOM "Okafor^Ada").
    expect(feedback[0].author).toContain(roomFilms[0].operator.split('^')[0]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('room tablet: a dropped connection reconnects and catches up the verdicts it missed', async () => {
    const { page } = await openTablet({ width: 800, height: 1280 });
    const cable = await pluggableSocket(page);
    await page.goto(roomUrl(station));
    await waitForConnection(page, ['live']);
    await waitForShownVerdict(page, judgedExamId);

    await cable.cut();
    await waitForConnection(page, ['reconnecting', 'offline']);
    const missed = [await send(roomFilms[1]), await send(roomFilms[2])];
    for (const id of missed) {
      await waitForJson(
        `${server.baseUrl}/api/exams/${id}`,
        (exam) => exam.status !== 'received',
        undefined,
        server.token,
      );
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

  it('paired tablet: reads its own room only, and asks who disagrees', async () => {
    const { page } = await openTablet();
    await waitForConnection(page, ['live']);
    const other = SEEDED_STATIONS.find((name) => name !== station)!;
    // The API refuses another room's exams to this tablet, even asked from inside its page.
    expect(await fetchStatusInPage(page, `/api/exams?station=${encodeURIComponent(other)}`)).toBe(403);
    expect(await fetchStatusInPage(page, `/api/exams?station=${encodeURIComponent(station)}`)).toBe(200);
    // Another room's page, or a desk page, brings it back to its own room.
    for (const elsewhere of [roomUrl(other), `${server.dashboardUrl}/qa`]) {
      await page.goto(elsewhere);
      await page.waitForURL(roomUrl(station));
    }
    await waitForConnection(page, ['live']);
    // Nobody signed in at a shared tablet: the disagree form asks for a name.
    const disagree = page.getByTestId('feedback-disagree');
    await page.waitForFunction(
      () =>
        !(document.querySelector('[data-testid="feedback-disagree"]') as HTMLButtonElement | null)?.disabled,
    );
    await disagree.click();
    await page.getByTestId('feedback-author').waitFor();
    expect(await page.getByTestId('feedback-signed-in-as').count()).toBe(0);
    await page.close();
  });

  it('QA page: an anonymous visit signs in first, then draws its charts from the history; totals equal /api/stats', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const target = `/qa?from=${day(history.from)}&to=${day(new Date())}`;
    await page.goto(`${server.dashboardUrl}${target}`);
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe(target);

    // A wrong password is refused with the API's reason, and the form stays.
    await signInOnPage(page, { username: PEOPLE.qa.username, password: 'not the password' });
    expect(await page.getByTestId('login-error').innerText()).toMatch(/wrong username or password/);
    await page.screenshot({ path: join(SCREENSHOTS, 'login.png') });

    const statsRequest = page.waitForRequest(
      (r) => r.url().includes('/api/stats') && r.url().includes('groupBy=station'),
    );
    await signInOnPage(page, PEOPLE.qa);
    await page.waitForURL((url) => url.pathname === '/qa');
    expect(page.url()).toBe(`${server.dashboardUrl}${target}`);
    const errors = pageErrors(page);
    const query = new URL((await statsRequest).url()).search;
    const stats = (await getJson(`${server.baseUrl}/api/stats${query}`, server.token)).body;
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
    const page = await signedInPage(
      browser,
      server.dashboardUrl!,
      PEOPLE.qa,
      { width: 1440, height: 900 },
      `/exams/${judgedExamId}`,
    );
    const errors = pageErrors(page);
    await page.getByTestId('exam-review').waitFor();
    // A QA manager may download the original (it carries the patient's identity).
    await page.getByTestId('review-download-original').waitFor();
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
    // A signed-in person is not asked for a name: the API records the account's.
    expect(await page.getByTestId('review-feedback-author').count()).toBe(0);
    expect(await page.getByTestId('review-feedback-signed-in-as').innerText()).toContain('Dr Review');
    await page.getByTestId('review-feedback-submit').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="feedback-entry"]').length > n,
      already,
    );
    const stored = (await getJson(`${server.baseUrl}/api/exams/${judgedExamId}/feedback`, server.token)).body
      .items;
    expect(stored[0]).toMatchObject({
      agree: false,
      author: 'Dr Review',
      recordedBy: `user ${PEOPLE.qa.username}`,
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
    const page = await signedInPage(
      browser,
      server.dashboardUrl!,
      PEOPLE.admin,
      { width: 1440, height: 900 },
      '/admin/webhooks',
    );
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
    const listed = (await getJson(`${server.baseUrl}/api/webhooks/subscriptions`, server.token)).body.items;
    expect(listed).toMatchObject([{ url: 'https://93.184.216.34/spineqc', eventTypes: ['alert.raised'] }]);
    expect(JSON.stringify(listed)).not.toContain((await secret.innerText()).match(/whsec_\S+/)![0]);

    await page.goto(`${server.dashboardUrl}/alerts`);
    await page.getByTestId('alerts-page').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'alerts.png'), fullPage: true });
    await page.close();
  });

  it('home page: lists the rooms with their latest verdict', async () => {
    const page = await signedInPage(browser, server.dashboardUrl!, PEOPLE.tech, { width: 1280, height: 800 });
    await page.locator(`[data-testid="room-card"][data-station="${station}"]`).waitFor();
    const stations = await page
      .getByTestId('room-card')
      .evaluateAll((elements) => elements.map((e) => e.getAttribute('data-station')));
    expect(stations).toEqual(expect.arrayContaining([...SEEDED_STATIONS, station]));
    await page.screenshot({ path: join(SCREENSHOTS, 'home.png'), fullPage: true });
    await page.close();
  });
  it('technologist: sees no Alerts or Admin, is refused /api/alerts, changes their password and signs out', async () => {
    const page = await signedInPage(browser, server.dashboardUrl!, PEOPLE.tech, { width: 1280, height: 800 });
    const menu = page.getByTestId('user-menu');
    await menu.waitFor();
    expect(await menu.innerText()).toContain(PEOPLE.tech.displayName);
    expect(await page.getByTestId('user-role').innerText()).toBe('Technologist');
    const links = await page
      .getByTestId('nav-link')
      .evaluateAll((elements) => elements.map((e) => e.getAttribute('href')));
    expect(links).toEqual(['/', '/qa']);
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    expect(await fetchStatusInPage(page, '/api/alerts')).toBe(403);
    await page.goto(`${server.dashboardUrl}/alerts`);
    await page.getByTestId('not-permitted').waitFor();
    expect(await page.getByTestId('alerts-page').count()).toBe(0);
    // The review page offers no original (it carries the patient's identity).
    await page.goto(`${server.dashboardUrl}/exams/${judgedExamId}`);
    await page.getByTestId('exam-review').waitFor();
    expect(await page.getByTestId('review-download-original').count()).toBe(0);

    const newPassword = 'a new technologist password';
    await menu.click();
    await page.getByTestId('change-password').click();
    await page.getByTestId('password-current').fill(PEOPLE.tech.password);
    await page.getByTestId('password-new').fill(newPassword);
    await page.getByTestId('password-confirm').fill(newPassword);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('password-changed').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    const login = (password: string) =>
      api('POST', '/api/auth/login', { username: PEOPLE.tech.username, password }, null);
    expect((await login(PEOPLE.tech.password)).status).toBe(401);
    expect((await login(newPassword)).status).toBe(200);

    await menu.click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL((url) => url.pathname === '/login');
    // The session is gone: a desk page sends the browser back to sign in.
    await page.goto(`${server.dashboardUrl}/qa`);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.close();
  });

  it('admin pages: create a user, create and revoke an API token, pair and unpair a tablet; the audit log lists it', async () => {
    const page = await signedInPage(
      browser,
      server.dashboardUrl!,
      PEOPLE.admin,
      { width: 1440, height: 900 },
      '/admin/accounts',
    );
    const errors = pageErrors(page);
    await page.getByTestId('accounts-page').waitFor();

    // A new account, then a change of role; the API holds both.
    const newcomer = {
      username: 'new.radiographer',
      displayName: 'Noor Radiographer',
      password: 'newcomer password 1',
    };
    await page.getByTestId('account-username').fill(newcomer.username);
    await page.getByTestId('account-display-name').fill(newcomer.displayName);
    await page.getByTestId('account-role').selectOption('technologist');
    await page.getByTestId('account-password').fill(newcomer.password);
    await page.getByTestId('account-create').click();
    const row = page.locator(`[data-testid="account-row"][data-username="${newcomer.username}"]`);
    await row.waitFor();
    await row.getByTestId('account-role-select').selectOption('qa_manager');
    await page
      .locator(`[data-testid="account-row"][data-username="${newcomer.username}"][data-role="qa_manager"]`)
      .waitFor();
    const accounts = (await api('GET', '/api/accounts')).body.items;
    expect(accounts.find((a: any) => a.username === newcomer.username)).toMatchObject({
      displayName: newcomer.displayName,
      role: 'qa_manager',
      disabled: false,
    });
    expect(
      (
        await api(
          'POST',
          '/api/auth/login',
          { username: newcomer.username, password: newcomer.password },
          null,
        )
      ).status,
    ).toBe(200);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-accounts.png'), fullPage: true });

    // An API token: shown once, works, and after revoking it is refused.
    await page.goto(`${server.dashboardUrl}/admin/tokens`);
    await page.getByTestId('token-name').fill('CI uploader');
    await page.getByTestId('token-role').selectOption('ingest');
    await page.getByTestId('token-create').click();
    const token = (await page.getByTestId('token-created-value').innerText()).trim();
    expect(token).toMatch(/^sqc_/);
    expect((await api('GET', '/api/auth/me', undefined, token)).body).toMatchObject({ role: 'ingest' });
    const tokenRow = page.locator('[data-testid="token-row"][data-name="CI uploader"]');
    await tokenRow.getByTestId('token-revoke').click();
    await page.getByTestId('token-revoke-confirm').click();
    await page.locator('[data-testid="token-row"][data-name="CI uploader"][data-state="revoked"]').waitFor();
    expect((await api('GET', '/api/auth/me', undefined, token)).status).toBe(401);

    // A tablet: the pairing link opens its room; unpairing sends it to the sign-in page at once.
    await page.goto(`${server.dashboardUrl}/admin/tablets`);
    await page.getByTestId('tablet-pair-station').fill(station);
    await page.getByTestId('tablet-pair-name').fill('Console tablet');
    await page.getByTestId('tablet-pair-submit').click();
    const link = (await page.getByTestId('tablet-pairing-link').innerText()).trim();
    expect(link).toBe(
      `${server.dashboardUrl}/pair#${(await page.getByTestId('tablet-pairing-token').innerText()).trim()}`,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-tablets.png'), fullPage: true });
    const tablet = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await tablet.goto(link);
    await tablet.waitForURL(roomUrl(station));
    // The token left the address bar as soon as the page read it.
    expect(tablet.url()).not.toContain('#');
    await waitForConnection(tablet, ['live']);
    const tabletRow = page.locator('[data-testid="tablet-row"][data-name="Console tablet"]');
    await tabletRow.getByTestId('tablet-unpair').click();
    await page.getByTestId('tablet-unpair-confirm').click();
    await page
      .locator('[data-testid="tablet-row"][data-name="Console tablet"][data-state="revoked"]')
      .waitFor();
    await tablet.waitForURL((url) => url.pathname === '/login', { timeout: 30_000 });
    await tablet.close();

    // The audit log has every one of those actions, and filters by action.
    await page.goto(`${server.dashboardUrl}/admin/audit`);
    await page.getByTestId('audit-row').first().waitFor();
    const actions = await page
      .getByTestId('audit-row')
      .evaluateAll((elements) => elements.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(
      expect.arrayContaining([
        'login.succeeded',
        'login.failed',
        'password.changed',
        'account.created',
        'account.updated',
        'token.created',
        'token.revoked',
        'feedback.recorded',
      ]),
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-audit.png'), fullPage: true });
    await page.getByTestId('audit-action-filter').selectOption('token.revoked');
    await page.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll('[data-testid="audit-row"]'));
      return rows.length >= 2 && rows.every((r) => r.getAttribute('data-action') === 'token.revoked');
    });
    const targets = await page.getByTestId('audit-target').allInnerTexts();
    expect(targets.join('\n')).toMatch(/CI uploader/);
    expect(targets.join('\n')).toMatch(/Console tablet/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
