import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from './support/embedded-server.js';
import { bearer, getJson, stow } from './support/http.js';

// Hostile input: a body over the size limit is refused with 413 and a reason, recorded as an ingest failure
// (nothing received disappears silently), and the service keeps serving.
describe('oversized images', () => {
  let dir: string;
  let server: EmbeddedServer;
  let baseUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spineqc-oversized-'));
    server = await startEmbeddedServer(join(dir, 'data'), [], { env: { SPINEQC_MAX_IMAGE_MB: '1' } });
    baseUrl = server.baseUrl;
  });

  afterAll(async () => {
    await server?.process.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses an upload over SPINEQC_MAX_IMAGE_MB with 413, records it, and keeps serving', async () => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(3 * 1024 * 1024)]), 'huge.png');
    const response = await fetch(`${baseUrl}/api/exams`, {
      method: 'POST',
      body: form,
      headers: bearer(server.token),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).error.code).toBe('TOO_LARGE');

    const failures = (await getJson(`${baseUrl}/api/ingest-failures`, server.token)).body;
    const items = Array.isArray(failures) ? failures : failures.items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'upload', errorCode: 'TOO_LARGE', storageKey: null }),
      ]),
    );
    expect((await getJson(`${baseUrl}/healthz`)).status).toBe(200);
  });

  it('refuses a STOW-RS body over the limit with 413 and records it', async () => {
    const result = await stow(
      baseUrl,
      [{ bytes: new Uint8Array(70 * 1024 * 1024) }],
      undefined,
      server.token,
    );
    expect(result.status).toBe(413);
    const failures = (await getJson(`${baseUrl}/api/ingest-failures`, server.token)).body;
    const items = Array.isArray(failures) ? failures : failures.items;
    expect(items.some((f: any) => f.source === 'stow-rs' && f.errorCode === 'TOO_LARGE')).toBe(true);
    expect((await getJson(`${baseUrl}/healthz`)).status).toBe(200);
  });
});
