import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from './api-harness.js';

// A runaway integration is slowed down per caller, before its bodies are read; others keep their own budget.
describe('ingest rate limit', () => {
  let harness: ApiHarness;

  beforeAll(async () => {
    harness = await startHarness('DR-HARNESS', { SPINEQC_INGEST_PER_MINUTE: '2' });
  });

  afterAll(async () => {
    await harness?.close();
  });

  const upload = async (token: string) => {
    const form = new FormData();
    form.set('file', new Blob([new TextEncoder().encode('not an image')]), 'notes.txt');
    const response = await fetch(`${harness.baseUrl}/api/exams`, {
      method: 'POST',
      body: form,
      headers: { Authorization: `Bearer ${token}` },
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: await response.json(),
    };
  };

  it('answers 429 with Retry-After once a caller has spent its budget, and counts callers apart', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await upload(harness.tokens.ingest));
    expect(statuses.map((s) => s.status)).toEqual([415, 415, 429]);
    expect(statuses[2].body.error.code).toBe('RATE_LIMITED');
    expect(Number(statuses[2].retryAfter)).toBeGreaterThan(0);
    expect((await upload(harness.tokens.admin)).status).toBe(415);
  });
});
