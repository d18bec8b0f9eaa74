import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverWebhook, MAX_RESPONSE_BYTES } from './deliver.js';
import { generateWebhookSecret } from './signing.js';
import type { TargetPolicy } from './target-guard.js';

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** A real HTTP receiver on loopback that records every request and answers with `respond`. */
class Receiver {
  private constructor(
    private readonly server: Server,
    readonly port: number,
    readonly received: Received[],
  ) {}

  static async start(respond: (request: Received, response: ServerResponse) => void): Promise<Receiver> {
    const received: Received[] = [];
    const server = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const one = {
          headers: request.headers as Record<string, string>,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        received.push(one);
        respond(one, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const receiver = new Receiver(server, (server.address() as AddressInfo).port, received);
    running.push(receiver);
    return receiver;
  }

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  get url(): string {
    return `http://${this.host}/hook`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const running: Receiver[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((receiver) => receiver.stop()));
});

const secret = generateWebhookSecret();
const allowing = (...receivers: Receiver[]): TargetPolicy => ({
  allowHttpHosts: receivers.map((receiver) => receiver.host),
  allowPrivateHosts: ['127.0.0.1'],
});
// Webhook.verify compares the signed timestamp with the real clock, so the fake clock stands at the real now.
const frozenAt = new Date();
const now = () => frozenAt;
const message = {
  secret,
  id: 'msg_2b5e',
  eventType: 'alert.raised',
  payload: { alertId: 'a1', exams: ['e1'] },
  now,
};

describe('deliverWebhook', () => {
  it('POSTs a Standard Webhooks JSON body that the receiver verifies with the library', async () => {
    const receiver = await Receiver.start((request, response) => {
      try {
        new Webhook(secret).verify(request.body, request.headers);
        response.writeHead(204).end();
      } catch {
        response.writeHead(401).end('bad signature');
      }
    });

    const attempt = await deliverWebhook({ ...message, url: receiver.url, policy: allowing(receiver) });

    expect(attempt).toEqual({ ok: true, status: 204, error: null, responseBody: '', durationMs: 0 });
    expect(receiver.received).toHaveLength(1);
    const [{ headers, body }] = receiver.received;
    expect(headers['content-type']).toBe('application/json');
    expect(headers['webhook-id']).toBe('msg_2b5e');
    expect(JSON.parse(body)).toEqual({
      type: 'alert.raised',
      timestamp: frozenAt.toISOString(),
      data: { alertId: 'a1', exams: ['e1'] },
    });
    expect(() => new Webhook(secret).verify(body.replace('"a1"', '"a2"'), headers)).toThrow(
      WebhookVerificationError,
    );
  });

  it('sends the same body on every attempt when the event time is given', async () => {
    const receiver = await Receiver.start((_request, response) => response.writeHead(200).end('ok'));
    const occurredAt = new Date('2025-03-01T08:00:00.000Z');
    const input = { ...message, url: receiver.url, policy: allowing(receiver), occurredAt };
    await deliverWebhook(input);
    await deliverWebhook(input);
    const [first, second] = receiver.received;
    expect(second.body).toBe(first.body);
    expect(JSON.parse(first.body).timestamp).toBe('2025-03-01T08:00:00.000Z');
  });

  it('reports an HTTP error status as a failed attempt, with the start of the answer', async () => {
    const receiver = await Receiver.start((_request, response) =>
      response.writeHead(500).end('down for maintenance'),
    );
    const attempt = await deliverWebhook({ ...message, url: receiver.url, policy: allowing(receiver) });
    expect(attempt).toMatchObject({
      ok: false,
      status: 500,
      error: 'HTTP 500',
      responseBody: 'down for maintenance',
    });
  });

  it('reads at most MAX_RESPONSE_BYTES of the answer', async () => {
    const receiver = await Receiver.start((_request, response) => {
      response.writeHead(200);
      response.end('x'.repeat(MAX_RESPONSE_BYTES * 8));
    });
    const attempt = await deliverWebhook({ ...message, url: receiver.url, policy: allowing(receiver) });
    expect(attempt.ok).toBe(true);
    expect(attempt.responseBody).toHaveLength(MAX_RESPONSE_BYTES);
  });

  it('does not follow a redirect: the 3xx is a failed attempt and the target hears nothing', async () => {
    const redirectTarget = await Receiver.start((_request, response) => response.writeHead(200).end());
    const redirecting = await Receiver.start((_request, response) =>
      response.writeHead(302, { location: redirectTarget.url }).end(),
    );
    const attempt = await deliverWebhook({
      ...message,
      url: redirecting.url,
      policy: allowing(redirecting, redirectTarget),
    });
    expect(attempt).toMatchObject({ ok: false, status: 302 });
    expect(attempt.error).toContain('redirects are not followed');
    expect(redirecting.received).toHaveLength(1);
    expect(redirectTarget.received).toHaveLength(0);
  });

  it('gives up on a receiver that never answers, with a timeout error', async () => {
    const hanging = await Receiver.start(() => {
      // Never answers.
    });
    const attempt = await deliverWebhook({
      ...message,
      url: hanging.url,
      policy: allowing(hanging),
      timeoutMs: 200,
    });
    expect(attempt).toMatchObject({
      ok: false,
      status: null,
      error: 'timed out after 200 ms',
      responseBody: null,
    });
    expect(hanging.received).toHaveLength(1);
  });

  it('reports a refused connection as a failed attempt', async () => {
    const closed = await Receiver.start(() => undefined);
    await closed.stop();
    const attempt = await deliverWebhook({ ...message, url: closed.url, policy: allowing(closed) });
    expect(attempt).toMatchObject({ ok: false, status: null });
    expect(attempt.error).toContain('ECONNREFUSED');
  });

  it('checks the target at delivery time and sends nothing to a refused one', async () => {
    const receiver = await Receiver.start((_request, response) => response.writeHead(200).end());
    const attempt = await deliverWebhook({
      ...message,
      url: receiver.url,
      policy: { allowHttpHosts: [], allowPrivateHosts: [] },
    });
    expect(attempt).toMatchObject({ ok: false, status: null });
    expect(attempt.error).toContain('https');
    expect(receiver.received).toHaveLength(0);
  });

  it('connects to the address the guard checked, not a fresh lookup of the name', async () => {
    const receiver = await Receiver.start((_request, response) => response.writeHead(200).end());
    // receiver.test exists only in this resolver: the request can only arrive if the checked address is used.
    const attempt = await deliverWebhook({
      ...message,
      url: `http://receiver.test:${receiver.port}/hook`,
      policy: {
        allowHttpHosts: [`receiver.test:${receiver.port}`],
        allowPrivateHosts: ['receiver.test'],
        resolve: async () => ['127.0.0.1'],
      },
    });
    expect(attempt).toMatchObject({ ok: true, status: 200 });
    expect(receiver.received[0].headers.host).toBe(`receiver.test:${receiver.port}`);
  });

  it('reports an unusable secret as a failed attempt instead of throwing', async () => {
    const receiver = await Receiver.start((_request, response) => response.writeHead(200).end());
    const attempt = await deliverWebhook({
      ...message,
      secret: 'plain-text',
      url: receiver.url,
      policy: allowing(receiver),
    });
    expect(attempt).toMatchObject({ ok: false, status: null });
    expect(attempt.error).toContain('whsec_');
    expect(receiver.received).toHaveLength(0);
  });

  it('measures the attempt with the injected clock', async () => {
    const receiver = await Receiver.start((_request, response) => response.writeHead(200).end());
    const times = [new Date(), new Date(Date.now() + 1234)];
    const attempt = await deliverWebhook({
      ...message,
      url: receiver.url,
      policy: allowing(receiver),
      now: () => times.shift() ?? new Date(0),
    });
    expect(attempt.durationMs).toBe(1234);
  });

  it('counts a resolver that never answers against the timeout', async () => {
    const attempt = await deliverWebhook({
      ...message,
      url: 'https://slow-dns.example/hook',
      policy: {
        allowHttpHosts: [],
        allowPrivateHosts: [],
        resolve: () => new Promise<string[]>(() => undefined),
      },
      timeoutMs: 100,
    });
    expect(attempt).toMatchObject({ ok: false, status: null, error: 'timed out after 100 ms' });
  });
});
