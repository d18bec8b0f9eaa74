import 'reflect-metadata';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AlertService } from './alerts/alert.service.js';
import { ApiModule, type ApiDependencies } from './api.module.js';
import { DicomScpService } from './dicom/dicom-scp.service.js';
import { nestLogger } from './nest-logger.js';
import { Authenticator } from './auth/authenticator.js';
import { requirePermissionEarly } from './auth/early-auth.middleware.js';

/** How often slow clients are looked for: a cut-off lands at most this long after its timeout. */
const CONNECTIONS_CHECK_MS = 1000;

/** Most instances one STOW-RS request may carry (bounded so a request cannot exhaust memory). */
const MAX_INSTANCES_PER_STOW = 16;

export interface RunningApi {
  app: NestExpressApplication;
  /** The HTTP port actually bound (the configured one, or an ephemeral one when configured 0). */
  httpPort: number;
  dicomPort: number | null;
  close(): Promise<void>;
}

/** Builds the API application (HTTP, Socket.IO, DICOM SCP, verdict sink) and starts listening. */
export async function startApi(deps: ApiDependencies): Promise<RunningApi> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(deps), {
    logger: nestLogger(deps.logger),
    abortOnError: false,
  });
  // Behind the dashboard's proxy every browser would otherwise share one address (sign-in limits are per address).
  app.set('trust proxy', 'loopback');
  const authenticator = app.get(Authenticator);
  // A prefix, not a mount path: Swagger also serves /api/docs-yaml beside /api/docs/….
  const docsGate = requirePermissionEarly(authenticator, 'docs.read');
  app.use((request: Request, response: Response, next: NextFunction) =>
    request.path.startsWith('/api/docs') ? docsGate(request, response, next) : next(),
  );
  app.use(
    '/dicomweb/studies',
    requirePermissionEarly(authenticator, 'exams.ingest'),
    express.raw({
      type: 'multipart/related',
      limit: deps.config.limits.maxImageBytes * MAX_INSTANCES_PER_STOW,
    }),
  );
  app.enableCors({ origin: true });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('SpineQC API')
      .setDescription('Real-time quality control of lumbar spine radiographs: ingest, history, statistics.')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  // Slow clients (slow headers or a trickled body) are cut off instead of holding sockets and memory for ever.
  const server = app.getHttpServer() as Server;
  server.headersTimeout = deps.config.http.headersTimeoutMs;
  server.requestTimeout = deps.config.http.requestTimeoutMs;
  // Node enforces both only when it sweeps its connections (every 30 s by default); Node reads this at listen.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    CONNECTIONS_CHECK_MS;
  await app.listen(deps.config.http.port, deps.config.http.host);
  const address = app.getHttpServer().address();
  const httpPort = typeof address === 'object' && address ? address.port : deps.config.http.port;
  app.get(AlertService).useBoundPort(httpPort);
  return {
    app,
    httpPort,
    dicomPort: app.get(DicomScpService).port,
    close: () => app.close(),
  };
}
