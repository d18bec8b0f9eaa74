import { ROLES, ROLE_PERMISSIONS, type Permission, type Role } from '@spineqc/contracts';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from './api-harness.js';

/**
 * What each route needs, written here independently of the controllers' decorators: a route missing from this table
 * (a new one) fails the first test until someone decides who may call it.
 */
const EXPECTED: Record<string, Permission | 'public' | 'authenticated'> = {
  'GET /healthz': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'authenticated',
  'GET /api/auth/me': 'authenticated',
  'POST /api/auth/password': 'authenticated',
  'GET /api/accounts': 'accounts.manage',
  'POST /api/accounts': 'accounts.manage',
  'PATCH /api/accounts/:id': 'accounts.manage',
  'GET /api/tokens': 'accounts.manage',
  'POST /api/tokens': 'accounts.manage',
  'DELETE /api/tokens/:id': 'accounts.manage',
  'GET /api/audit': 'audit.read',
  'POST /api/exams': 'exams.ingest',
  'POST /dicomweb/studies': 'exams.ingest',
  'POST /dicomweb/studies/:study': 'exams.ingest',
  'GET /api/exams': 'exams.read',
  'GET /api/exams/:id': 'exams.read',
  'GET /api/exams/:id/image': 'exams.read',
  'GET /api/exams/:id/overlay': 'exams.read',
  'GET /api/exams/:id/pixels': 'exams.read',
  'GET /api/exams/:id/masks': 'exams.read',
  'GET /api/exams/:id/dicom-tags': 'exams.read',
  'GET /api/exams/:id/original': 'exams.original',
  'GET /api/exams/:id/feedback': 'exams.read',
  'POST /api/exams/:id/feedback': 'feedback.write',
  'GET /api/feedback/disputed': 'feedback.review',
  'GET /api/feedback/agreement': 'feedback.review',
  'GET /api/stats': 'stats.read',
  'GET /api/alerts': 'alerts.read',
  'GET /api/alerts/:id': 'alerts.read',
  'GET /api/ingest-failures': 'ingest-failures.read',
  'GET /api/webhooks/subscriptions': 'webhooks.manage',
  'POST /api/webhooks/subscriptions': 'webhooks.manage',
  'GET /api/webhooks/subscriptions/:id': 'webhooks.manage',
  'PATCH /api/webhooks/subscriptions/:id': 'webhooks.manage',
  'DELETE /api/webhooks/subscriptions/:id': 'webhooks.manage',
  'POST /api/webhooks/subscriptions/:id/rotate-secret': 'webhooks.manage',
  'GET /api/webhooks/deliveries': 'webhooks.manage',
  'GET /api/webhooks/deliveries/:id': 'webhooks.manage',
  'POST /api/webhooks/deliveries/:id/redeliver': 'webhooks.manage',
  'GET /metrics': 'metrics.read',
  // The OpenAPI browser and documents, mounted by Swagger outside the controllers.
  'GET /api/docs': 'docs.read',
  'GET /api/docs/': 'docs.read',
  'GET /api/docs/index.html': 'docs.read',
  'GET /api/docs/swagger-ui-init.js': 'docs.read',
  'GET /api/docs/docs/swagger-ui-init.js': 'docs.read',
  'GET /api/docs/LICENSE': 'docs.read',
  'GET /api/docs/openapi.json': 'docs.read',
  'GET /api/docs-yaml': 'docs.read',
};

/** Every route the running Express app would answer, as "METHOD /path". */
function registeredRoutes(harness: ApiHarness): string[] {
  const express = harness.api.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((method) => method !== '_all')
          .map((method) => `${method.toUpperCase()} ${layer.route!.path}`)
      : [],
  );
}

function concrete(path: string): string {
  return path.replace(':id', '00000000-0000-4000-8000-000000000000').replace(':study', '1.2.3');
}

async function call(harness: ApiHarness, route: string, token?: string): Promise<number> {
  const [method, path] = route.split(' ');
  const response = await fetch(
    `${harness.baseUrl}${concrete(path)}${path === '/api/exams' ? '?station=DR-HARNESS' : ''}`,
    {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(method === 'GET' || method === 'DELETE' ? {} : { 'Content-Type': 'application/json' }),
      },
      body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
    },
  );
  await response.arrayBuffer();
  return response.status;
}

const refusedRole = (permission: Permission): Role =>
  ROLES.find((role) => !ROLE_PERMISSIONS[role].includes(permission))!;
const allowedRole = (permission: Permission): Role =>
  ROLES.find((role) => role !== 'device' && ROLE_PERMISSIONS[role].includes(permission))!;

describe('every route is guarded', () => {
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('knows every route the API serves (a new route must be classified here)', () => {
    const routes = [...new Set(registeredRoutes(harness))].sort();
    expect(routes).toEqual(Object.keys(EXPECTED).sort());
  });

  it('refuses an anonymous caller everywhere except the health probe and sign-in', async () => {
    for (const [route, access] of Object.entries(EXPECTED)) {
      const status = await call(harness, route);
      if (access === 'public') expect(status, route).not.toBe(401);
      else expect(status, route).toBe(401);
    }
  });

  it('refuses a garbage or unknown bearer token like no token', async () => {
    for (const token of ['garbage', `sqc_a_${'A'.repeat(43)}`]) {
      expect(await call(harness, 'GET /api/exams', token)).toBe(401);
    }
  });

  it('refuses a role without the permission with 403, and lets a role with it through the gate', async () => {
    for (const [route, access] of Object.entries(EXPECTED)) {
      if (access === 'public' || access === 'authenticated') continue;
      const wrong = refusedRole(access);
      expect(await call(harness, route, harness.tokens[wrong]), `${route} as ${wrong}`).toBe(403);
      const right = allowedRole(access);
      expect([401, 403], `${route} as ${right}`).not.toContain(
        await call(harness, route, harness.tokens[right]),
      );
    }
  });

  it('answers the health probe to anyone, with details (paths, versions) only for operators', async () => {
    const anonymous = (await (await fetch(`${harness.baseUrl}/healthz`)).json()) as {
      checks: Record<string, object>;
    };
    expect(Object.values(anonymous.checks).every((check) => Object.keys(check).join() === 'ok')).toBe(true);
    const admin = (await (
      await fetch(`${harness.baseUrl}/healthz`, {
        headers: { Authorization: `Bearer ${harness.tokens.admin}` },
      })
    ).json()) as { checks: { storage: { detail: string } } };
    expect(admin.checks.storage.detail).toContain('local files');
  });

  it('lets every signed-in role ask who it is', async () => {
    for (const role of ROLES) {
      const response = await fetch(`${harness.baseUrl}/api/auth/me`, {
        headers: { Authorization: `Bearer ${harness.tokens[role]}` },
      });
      expect(response.status, role).toBe(200);
      expect(((await response.json()) as { role: string }).role).toBe(role);
    }
  });

  it('keeps a room tablet in its own room', async () => {
    const device = harness.tokens.device;
    const get = async (path: string) =>
      (await fetch(`${harness.baseUrl}${path}`, { headers: { Authorization: `Bearer ${device}` } })).status;
    expect(await get('/api/exams?station=DR-HARNESS')).toBe(200);
    expect(await get('/api/exams?station=DR-OTHER')).toBe(403);
    expect(await get('/api/exams')).toBe(403);
    const exam = async (station: string) => {
      const sop = `2.25.${Date.now()}${Math.floor(Math.random() * 1e6)}`;
      const { exam: recorded } = await harness.db.exams.recordReceived({
        sopInstanceUid: sop,
        studyInstanceUid: '1.2.3',
        seriesInstanceUid: '1.2.3.4',
        patientIdHash: 'a'.repeat(64),
        station,
        operator: 'Ann',
        source: 'upload',
        requestedView: null,
        receivedAt: new Date(),
        image: {
          storageKey: `originals/${sop}.png`,
          format: 'png',
          sizeBytes: 10,
          sha256: 'b'.repeat(64),
          width: 64,
          height: 64,
        },
      });
      return recorded.id;
    };
    const own = await exam('DR-HARNESS');
    const other = await exam('DR-OTHER');
    expect(await get(`/api/exams/${own}`)).toBe(200);
    expect(await get(`/api/exams/${other}`)).toBe(403);
    expect(await get(`/api/exams/${other}/feedback`)).toBe(403);
    expect(await get('/api/exams/00000000-0000-4000-8000-000000000000')).toBe(404);
  });

  it('guards the live namespace: anonymous and non-reading roles refused, a tablet only in its room', async () => {
    const connect = (token?: string) =>
      new Promise<{ ok: true; socket: ReturnType<typeof io> } | { ok: false; message: string }>((resolve) => {
        const socket = io(`${harness.baseUrl}/live`, {
          transports: ['websocket'],
          reconnection: false,
          auth: token ? { token } : {},
        });
        socket.once('connect', () => resolve({ ok: true, socket }));
        socket.once('connect_error', (error) => {
          socket.close();
          resolve({ ok: false, message: error.message });
        });
      });
    const anonymous = await connect();
    expect(anonymous).toMatchObject({ ok: false, message: expect.stringMatching(/^unauthorized/) });
    const ingest = await connect(harness.tokens.ingest);
    expect(ingest).toMatchObject({ ok: false, message: expect.stringMatching(/^forbidden/) });
    const tablet = await connect(harness.tokens.device);
    if (!tablet.ok) throw new Error(tablet.message);
    expect(await tablet.socket.emitWithAck('subscribe', { station: 'DR-HARNESS' })).toEqual({
      ok: true,
      station: 'DR-HARNESS',
    });
    for (const station of ['DR-OTHER', '*']) {
      expect(await tablet.socket.emitWithAck('subscribe', { station })).toMatchObject({ ok: false });
    }
    tablet.socket.close();
  });
});
