import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  id: string;
  type: string;
  data: any;
  /** Whether the Standard Webhooks signature verified with the subscription's secret. */
  verified: boolean;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A webhook receiver on 127.0.0.1 that can be down (nothing listening: connection refused) and come back on the
 * same port; it verifies every delivery's signature with the maintained Standard Webhooks library.
 */
export async function webhookReceiver() {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const received: ReceivedWebhook[] = [];
  let secret = '';
  let server: Server | null = null;
  return {
    port,
    url: `http://127.0.0.1:${port}/hooks/spineqc`,
    received,
    useSecret(value: string) {
      secret = value;
    },
    async up() {
      server = createServer(async (request, response) => {
        const body = await readBody(request);
        const headers = {
          'webhook-id': String(request.headers['webhook-id'] ?? ''),
          'webhook-timestamp': String(request.headers['webhook-timestamp'] ?? ''),
          'webhook-signature': String(request.headers['webhook-signature'] ?? ''),
        };
        let verified = false;
        try {
          new Webhook(secret).verify(body, headers);
          verified = true;
        } catch {
          verified = false;
        }
        const parsed = JSON.parse(body);
        received.push({ id: headers['webhook-id'], type: parsed.type, data: parsed.data, verified });
        response.writeHead(204).end();
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    },
    async down() {
      if (!server) return;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = null;
    },
  };
}
