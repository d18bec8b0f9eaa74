import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

export interface ProbeChecks {
  [name: string]: () => Promise<{ ok: boolean; detail: string }>;
}

/**
 * The worker's only HTTP surface: `/healthz` (readiness of bus, storage, model) and `/metrics`
 * for Prometheus. Everything else is 404.
 */
export async function startProbeServer(options: {
  host: string;
  port: number;
  registry: Registry;
  checks: ProbeChecks;
}): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      if (request.url === '/metrics') {
        response.writeHead(200, { 'Content-Type': options.registry.contentType });
        response.end(await options.registry.metrics());
        return;
      }
      if (request.url === '/healthz') {
        const entries = await Promise.all(
          Object.entries(options.checks).map(async ([name, check]) => {
            const result = await check().catch((e: Error) => ({ ok: false, detail: e.message }));
            return [name, result] as const;
          }),
        );
        const ready = entries.every(([, r]) => r.ok);
        response.writeHead(ready ? 200 : 503, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ live: true, ready, checks: Object.fromEntries(entries) }));
        return;
      }
      response.writeHead(404, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'only /healthz and /metrics' } }));
    })().catch(() => {
      response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
