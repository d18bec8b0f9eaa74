import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from './support/embedded-server.js';
import { getJson, waitForJson } from './support/http.js';
import { connectTablet } from './support/live-client.js';

describe('spineqc serve --demo', () => {
  let dir: string;
  let server: EmbeddedServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spineqc-demo-'));
    server = await startEmbeddedServer(join(dir, 'data'), ['--demo', '--demo-interval', '1']);
  });

  afterAll(async () => {
    await server?.process.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('plays synthetic films from two DR rooms that are judged and pushed live', async () => {
    const tablet = await connectTablet(server.baseUrl, '*', server.token);
    const history = await waitForJson(
      `${server.baseUrl}/api/exams?status=judged&limit=100`,
      (b) => new Set(b.items.map((e: any) => e.station)).size === 2,
      100_000,
      server.token,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nserver output:\n${server.process.output().slice(-3000)}`);
    });
    expect(new Set(history.items.map((e: any) => e.station))).toEqual(new Set(['DR-ROOM-1', 'DR-ROOM-2']));
    await tablet.verdictFor(history.items[0].sopInstanceUid, 30_000);
    tablet.close();
    const stats = await getJson(`${server.baseUrl}/api/stats?groupBy=technologist`, server.token);
    expect(stats.body.rows.length).toBeGreaterThan(0);
  });
});
