import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, stow } from './support/http.js';
import { CLI, spawnNode, type Spawned } from './support/processes.js';

// Hostile input: a body over the size limit is refused with 413 and a reason, recorded as an ingest failure
// (nothing received disappears silently), and the service keeps serving.
describe('oversized images', () => {
  let dir: string;
  let server: Spawned;
  let baseUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spineqc-oversized-'));
    server = spawnNode(
      [
        CLI,
        'serve',
        '--data-dir',
        join(dir, 'data'),
        '--http-port',
        '0',
        '--dicom-port',
        '0',
        '--no-dashboard',
      ],
      { SPINEQC_MAX_IMAGE_MB: '1' },
    );
    const [, port] = await server.waitFor(/API and STOW-RS\s+http:\/\/localhost:(\d+)/);
    baseUrl = `http://localhost:${port}`;
  });

  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses an upload over SPINEQC_MAX_IMAGE_MB with 413, records it, and keeps serving', async () => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(3 * 1024 * 1024)]), 'huge.png');
    const response = await fetch(`${baseUrl}/api/exams`, { method: 'POST', body: form });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).error.code).toBe('TOO_LARGE');

    const failures = (await getJson(`${baseUrl}/api/ingest-failures`)).body;
    const items = Array.isArray(failures) ? failures : failures.items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'upload', errorCode: 'TOO_LARGE', storageKey: null }),
      ]),
    );
    expect((await getJson(`${baseUrl}/healthz`)).status).toBe(200);
  });

  it('refuses a STOW-RS body over the limit with 413 and records it', async () => {
    const result = await stow(baseUrl, [{ bytes: new Uint8Array(70 * 1024 * 1024) }]);
    expect(result.status).toBe(413);
    const failures = (await getJson(`${baseUrl}/api/ingest-failures`)).body;
    const items = Array.isArray(failures) ? failures : failures.items;
    expect(items.some((f: any) => f.source === 'stow-rs' && f.errorCode === 'TOO_LARGE')).toBe(true);
    expect((await getJson(`${baseUrl}/healthz`)).status).toBe(200);
  });
});
