import { randomUUID } from 'node:crypto';

/** Sends DICOM instances to a DICOMweb STOW-RS endpoint (PS3.18 §10.5) as one multipart/related request. */
export async function stowInstances(
  baseUrl: string,
  instances: Uint8Array[],
  token: string,
): Promise<{ status: number; body: unknown }> {
  const boundary = `spineqc-${randomUUID()}`;
  const chunks: Uint8Array[] = [];
  const text = (s: string) => chunks.push(Buffer.from(s, 'latin1'));
  for (const instance of instances) {
    text(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`);
    chunks.push(instance);
    text('\r\n');
  }
  text(`--${boundary}--\r\n`);
  const response = await fetch(`${baseUrl}/dicomweb/studies`, {
    method: 'POST',
    headers: {
      'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}`,
      Accept: 'application/dicom+json',
      Authorization: `Bearer ${token}`,
    },
    body: Buffer.concat(chunks),
  });
  const raw = await response.text();
  let body: unknown = raw;
  try {
    body = JSON.parse(raw);
  } catch {
    // Keep the text: an error page is still worth showing.
  }
  return { status: response.status, body };
}
