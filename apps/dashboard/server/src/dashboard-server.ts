import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nextModule from 'next';
import type { NextServerOptions } from 'next/dist/server/next.js';
import type { Logger } from '@spineqc/logging';
import { ApiProxy, isApiPath } from './api-proxy.js';

// Under Node's ESM loader the CommonJS `next` module's default export is the factory itself; its typings
// describe the `.default` that only a bundler would add.
const next = nextModule as unknown as (options: NextServerOptions) => ReturnType<typeof nextModule.default>;

export interface DashboardServerOptions {
  /** The Next.js app folder (apps/dashboard), built with `next build`. */
  dir: string;
  host: string;
  port: number;
  apiUrl: string;
  logger: Logger;
  /** `next dev` behaviour (compile on request, hot reload) for working on the pages. */
  dev?: boolean;
}

export interface RunningDashboard {
  port: number;
  close(): Promise<void>;
}

/** Serves the built dashboard pages and forwards the API paths, so the browser sees a single origin. */
export async function startDashboardServer(options: DashboardServerOptions): Promise<RunningDashboard> {
  const app = next({
    dev: options.dev ?? false,
    dir: options.dir,
    hostname: options.host,
    port: options.port,
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  const nextUpgrade = app.getUpgradeHandler();
  const proxy = new ApiProxy(options.apiUrl, options.logger);

  const server: Server = createServer((req, res) => {
    if (isApiPath(req.url)) {
      proxy.forward(req, res);
      return;
    }
    handle(req, res).catch((error: unknown) => {
      options.logger.error('page failed', { path: req.url, error: String(error) });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('The dashboard could not render this page.');
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (isApiPath(req.url)) proxy.upgrade(req, socket, head);
    else if (options.dev)
      void nextUpgrade(req, socket, head); // hot reload
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}
