import type { LookupAddress, LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { CheckedTarget } from './target-guard.js';

export interface PostAnswer {
  status: number;
  /** At most `maxBodyBytes` of the answer, decoded as UTF-8; the rest is never read. */
  body: string;
}

/**
 * One POST to a checked target. The connection goes only to the addresses the guard approved (the name is
 * not looked up again), so a DNS answer that changes between the check and the connect cannot redirect it
 * to an internal address. Redirects are never followed; the caller sees the 3xx.
 */
export function postToCheckedTarget(
  target: CheckedTarget,
  headers: Record<string, string>,
  body: string,
  options: { signal: AbortSignal; maxBodyBytes: number },
): Promise<PostAnswer> {
  const request = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<PostAnswer>((resolve, reject) => {
    const outgoing = request(
      target.url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(target.addresses),
        signal: options.signal,
        // A fresh connection per attempt: a pooled socket would skip the per-attempt address check.
        agent: false,
      },
      (answer) => readLimited(answer, options.maxBodyBytes).then(resolve, reject),
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function readLimited(answer: IncomingMessage, maxBodyBytes: number): Promise<PostAnswer> {
  const status = answer.statusCode ?? 0;
  return new Promise<PostAnswer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (): void => resolve({ status, body: Buffer.concat(chunks).toString('utf8') });
    answer.on('data', (chunk: Buffer) => {
      const room = maxBodyBytes - size;
      chunks.push(chunk.subarray(0, room));
      size += Math.min(room, chunk.length);
      if (size >= maxBodyBytes) {
        // Enough to log; a receiver that streams without end must not hold the attempt open.
        finish();
        answer.destroy();
      }
    });
    answer.on('end', finish);
    answer.on('error', reject);
  });
}

function pinnedLookup(addresses: readonly string[]): LookupFunction {
  const entries: LookupAddress[] = addresses.map((address) => ({
    address,
    family: isIP(address) === 6 ? 6 : 4,
  }));
  return (_hostname: string, options: LookupOptions, callback) => {
    const family = familyNumber(options.family);
    const wanted = entries.filter((entry) => family === 0 || entry.family === family);
    if (wanted.length === 0) {
      callback(
        Object.assign(new Error('no checked address of the requested family'), { code: 'ENOTFOUND' }),
        [],
      );
    } else if (options.all) {
      callback(null, wanted);
    } else {
      callback(null, wanted[0].address, wanted[0].family);
    }
  };
}

function familyNumber(family: LookupOptions['family']): number {
  if (family === 'IPv4') return 4;
  if (family === 'IPv6') return 6;
  return family ?? 0;
}
