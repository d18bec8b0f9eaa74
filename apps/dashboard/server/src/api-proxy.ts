import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from '@spineqc/logging';

/** Paths the browser sends to the dashboard's origin that belong to the API (REST and Socket.IO). */
export const API_PATH_PREFIXES = ['/api/', '/socket.io/'] as const;

export function isApiPath(url: string | undefined): boolean {
  return API_PATH_PREFIXES.some((prefix) => (url ?? '').startsWith(prefix));
}

/**
 * Forwards API requests and WebSocket upgrades to the API server. The browser then talks to one origin,
 * and the API's address is runtime configuration rather than something baked into the page build.
 */
export class ApiProxy {
  private readonly target: URL;

  constructor(
    apiUrl: string,
    private readonly logger: Logger,
  ) {
    this.target = new URL(apiUrl);
    // The API serves plain HTTP; TLS, where a site wants it, is terminated in front of the dashboard.
    if (this.target.protocol !== 'http:') throw new Error(`the API URL must be http://…, got ${apiUrl}`);
  }

  forward(req: IncomingMessage, res: ServerResponse): void {
    const upstream = request(
      {
        host: this.target.hostname,
        port: this.port(),
        method: req.method,
        path: req.url,
        headers: this.forwardedHeaders(req),
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    let browserGone = false;
    upstream.on('error', (error) => {
      // Our own abort (below) after the browser went away is no failure of the API.
      if (browserGone) return;
      this.logger.warn('API unreachable', { path: req.url, error: error.message });
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { code: 'API_UNREACHABLE', message: `the API at ${this.target.origin} did not answer` },
        }),
      );
    });
    // A browser that goes away (tab closed) must not leave the upstream request open.
    res.on('close', () => {
      if (res.writableFinished) return;
      browserGone = true;
      upstream.destroy();
    });
    req.pipe(upstream);
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const upstream = connect(this.port(), this.target.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (const [name, value] of Object.entries(this.forwardedHeaders(req))) {
        for (const v of Array.isArray(value) ? value : [value])
          if (v !== undefined) lines.push(`${name}: ${v}`);
      }
      upstream.write(lines.join('\r\n') + '\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', (error) => {
      this.logger.warn('API unreachable for a WebSocket', { path: req.url, error: error.message });
      socket.destroy();
    });
    socket.on('error', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
  }

  private port(): number {
    return this.target.port ? Number(this.target.port) : 80;
  }

  private forwardedHeaders(req: IncomingMessage): IncomingMessage['headers'] {
    const remote = req.socket.remoteAddress ?? '';
    const prior = req.headers['x-forwarded-for'];
    return {
      ...req.headers,
      host: this.target.host,
      'x-forwarded-for': prior ? `${prior}, ${remote}` : remote,
      'x-forwarded-host': req.headers.host ?? '',
      'x-forwarded-proto': 'http',
    };
  }
}
