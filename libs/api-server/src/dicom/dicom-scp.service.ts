import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { SpineqcConfig } from '@spineqc/config';
import { LOGGER, type Logger } from '@spineqc/logging';
import { RateLimits } from '../auth/rate-limits.js';
import { IngestService } from '../ingest/ingest.service.js';
import { CONFIG } from '../tokens.js';
import { startDicomScp } from './scp.js';

/** Runs the C-STORE SCP for the lifetime of the API. */
@Injectable()
export class DicomScpService implements OnApplicationBootstrap, OnApplicationShutdown {
  private scp: { port: number; close(): Promise<void> } | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: SpineqcConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly ingest: IngestService,
    private readonly rateLimits: RateLimits,
  ) {}

  get port() {
    return this.scp?.port ?? null;
  }

  async onApplicationBootstrap() {
    const { dicom, limits } = this.config;
    if (!dicom.enabled) return;
    this.scp = await startDicomScp({
      port: dicom.port,
      host: this.config.http.host,
      aeTitle: dicom.aeTitle,
      allowedCallingAeTitles: dicom.allowedCallingAeTitles,
      maxImageBytes: limits.maxImageBytes,
      // The same per-caller budget as HTTP ingest, per calling AE title; over it the store is answered A700
      // (out of resources), which tells the modality to send again later.
      ingestor: {
        ingest: async (request) => {
          this.rateLimits.takeIngest(`ae:${request.callingAeTitle ?? '?'}@${request.remoteAddress ?? '?'}`);
          return this.ingest.ingest(request);
        },
      },
      logger: this.logger,
      onRefused: (refusal) => this.ingest.recordRefusal(refusal),
    });
    this.logger.info('DICOM C-STORE SCP listening', { port: this.scp.port, aeTitle: dicom.aeTitle });
  }

  async onApplicationShutdown() {
    await this.scp?.close();
  }
}
