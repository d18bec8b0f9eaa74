import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from './support/embedded-server.js';
import { makeFilms, type Film } from './support/films.js';
import { bearer, getJson, stow, waitForJson } from './support/http.js';
import { webhookReceiver } from './support/webhook-receiver.js';

// Alerts end to end: verdicts raise alerts by the configured rules; each alert and each verdict goes out as a
// signed Standard Webhook; a receiver that is down for a while gets every one, once, when it is back.
describe('webhook alerts', () => {
  let dir: string;
  let server: EmbeddedServer;
  let baseUrl: string;
  let films: Film[];
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spineqc-webhooks-'));
    films = await makeFilms(join(dir, 'films'), 6, 6060, 'mixed');
    receiver = await webhookReceiver();
    // Every unqualified film of a technologist raises an alert (window 1, no cool-down): deterministic here.
    const rules = {
      version: 'e2e-1',
      rules: {
        'technologist-unqualified-streak': {
          enabled: true,
          window: 1,
          minUnqualified: 1,
          cooldownMinutes: 0,
        },
        'criterion-repeated-in-room': { enabled: false, count: 3, cooldownMinutes: 60 },
        'unqualified-rate': {
          enabled: false,
          days: 7,
          threshold: 0.1,
          minExams: 20,
          subjects: ['station', 'technologist'],
          cooldownMinutes: 1440,
        },
        'deviation-index-out-of-range': {
          enabled: false,
          low: -3,
          high: 3,
          window: 5,
          minCount: 3,
          cooldownMinutes: 240,
        },
      },
    };
    await writeFile(join(dir, 'rules.json'), JSON.stringify(rules));
    server = await startEmbeddedServer(join(dir, 'data'), [], {
      env: {
        SPINEQC_ALERT_RULES_FILE: join(dir, 'rules.json'),
        SPINEQC_WEBHOOK_ALLOW_HTTP_HOSTS: `127.0.0.1:${receiver.port}`,
        SPINEQC_WEBHOOK_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
        SPINEQC_WEBHOOK_RETRY_BASE_MS: '200',
        SPINEQC_WEBHOOK_RETRY_MAX_MS: '1000',
        SPINEQC_WEBHOOK_MAX_ATTEMPTS: '100',
      },
    });
    baseUrl = server.baseUrl;
  });

  afterAll(async () => {
    await receiver?.down();
    await server?.process.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { ...bearer(server.token), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('refuses target URLs that are not https or allowlisted, or that point inside the network', async () => {
    for (const url of [
      'http://example.com/hook',
      'https://[::1]/hook',
      'https://192.168.7.7/hook',
      'https://10.0.0.8/hook',
      'ftp://x/y',
    ]) {
      const refused = await post('/api/webhooks/subscriptions', { url, eventTypes: ['alert.raised'] });
      expect(refused.status, url).toBe(400);
      expect(refused.body.error.message).toBeTruthy();
    }
  });

  it('delivers every alert and verdict, signed, once the receiver is back', async () => {
    const created = await post('/api/webhooks/subscriptions', {
      url: receiver.url,
      eventTypes: ['alert.raised', 'exam.judged'],
      description: 'QA pager',
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    receiver.useSecret(created.body.secret);

    // The receiver is down while the films are judged: deliveries fail and wait for their next attempt.
    for (const film of films)
      expect(
        (await stow(baseUrl, [{ bytes: await readFile(film.path) }], undefined, server.token)).status,
      ).toBe(200);
    const judged = await waitForJson(
      `${baseUrl}/api/exams?limit=100`,
      (page) => page.items.length === films.length && page.items.every((e: any) => e.status !== 'received'),
      undefined,
      server.token,
    );
    const unqualified = judged.items.filter((e: any) => e.qualified === false);
    expect(unqualified.length).toBeGreaterThan(0);
    const alerts = await waitForJson(
      `${baseUrl}/api/alerts?limit=100`,
      (page) => page.items.length === unqualified.length,
      undefined,
      server.token,
    );
    const failing = await waitForJson(
      `${baseUrl}/api/webhooks/deliveries?status=pending&limit=100`,
      (page) => page.items.some((d: any) => d.attempts > 0),
      undefined,
      server.token,
    );
    expect(failing.items.find((d: any) => d.attempts > 0).lastError).toBeTruthy();

    await receiver.up();
    const expected = films.length + unqualified.length;
    await waitForJson(
      `${baseUrl}/api/webhooks/deliveries?status=delivered&limit=100`,
      (page) => page.items.length === expected,
      undefined,
      server.token,
    );
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    const ids = receiver.received.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length); // once each
    expect(receiver.received.filter((r) => r.type === 'exam.judged')).toHaveLength(films.length);
    const raised = receiver.received.filter((r) => r.type === 'alert.raised');
    expect(raised.map((r) => r.data.id).sort()).toEqual(alerts.items.map((a: any) => a.id).sort());
    // API links name the port the server bound (--http-port 0), not the 0 it was configured with.
    const apiOrigin = new URL(baseUrl);
    for (const alert of raised) {
      expect(alert.data.examIds.length).toBeGreaterThan(0);
      expect(alert.data.links.exams[0]).toMatch(/\/exams\//);
      const apiLink = new URL(alert.data.links.api[0]);
      expect(apiLink.port).toBe(apiOrigin.port);
      expect(apiLink.pathname).toBe(`/api/exams/${alert.data.examIds[0]}`);
    }
    for (const verdict of receiver.received.filter((r) => r.type === 'exam.judged'))
      expect(new URL(verdict.data.links.api).port).toBe(apiOrigin.port);
    // Every attempt is kept and visible.
    const history = (await getJson(`${baseUrl}/api/webhooks/deliveries?limit=100`, server.token)).body;
    expect(history.items.some((d: any) => d.attemptLog.length > 1)).toBe(true);
  });

  it('redelivers a delivery on request', async () => {
    const delivered = (
      await getJson(`${baseUrl}/api/webhooks/deliveries?status=delivered&limit=1`, server.token)
    ).body.items[0];
    const before = receiver.received.length;
    const again = await post(`/api/webhooks/deliveries/${delivered.id}/redeliver`, {});
    expect(again.status).toBe(202);
    await waitForJson(
      `${baseUrl}/api/webhooks/deliveries/${delivered.id}`,
      (d) => d.status === 'delivered' && d.attemptLog.length > delivered.attemptLog.length,
      undefined,
      server.token,
    );
    expect(receiver.received.length).toBe(before + 1);
    expect(receiver.received.at(-1)!.id).toBe(delivered.id); // the same webhook-id: receivers can dedupe
  });
});
