import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';

/** `Authorization: Bearer …` for a token (none for an anonymous call). */
export function bearer(token: string | undefined): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

export async function getJson(url: string, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { headers: bearer(token) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** STOW-RS: one multipart/related request carrying the given parts. */
export async function stow(
  baseUrl: string,
  parts: { bytes: Uint8Array; contentType?: string }[],
  type = 'application/dicom',
  token?: string,
): Promise<{ status: number; body: any }> {
  const boundary = `b-${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Type: ${part.contentType ?? 'application/dicom'}\r\n\r\n`),
    );
    chunks.push(Buffer.from(part.bytes));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const response = await fetch(`${baseUrl}/dicomweb/studies`, {
    method: 'POST',
    headers: { 'Content-Type': `multipart/related; type="${type}"; boundary=${boundary}`, ...bearer(token) },
    body: Buffer.concat(chunks),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export async function upload(
  baseUrl: string,
  path: string,
  fields: Record<string, string> = {},
  token?: string,
) {
  const form = new FormData();
  form.set('file', new Blob([await readFile(path)]), path.split('/').pop());
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const response = await fetch(`${baseUrl}/api/exams`, {
    method: 'POST',
    body: form,
    headers: bearer(token),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Polls until `predicate` holds on GET url's JSON body. */
export async function waitForJson(
  url: string,
  predicate: (body: any) => boolean,
  timeoutMs = 90_000,
  token?: string,
) {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const { body } = await getJson(url, token);
    last = body;
    if (predicate(body)) return body;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`condition not met on ${url}; last body: ${JSON.stringify(last).slice(0, 2000)}`);
}
