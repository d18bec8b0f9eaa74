import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import type { MessageBus } from '@spineqc/bus';
import type { SpineqcConfig } from '@spineqc/config';
import type { Database } from '@spineqc/database';
import { LOGGER, type Logger } from '@spineqc/logging';
import type { DecodePool } from '@spineqc/imaging';
import type { ObjectStorage } from '@spineqc/storage';
import { AlertService } from './alerts/alert.service.js';
import { loadAlertRules } from './alerts/alert-rules-config.js';
import { AlertsController } from './alerts/alerts.controller.js';
import { AccountsController } from './auth/accounts.controller.js';
import { AuditController } from './auth/audit.controller.js';
import { AuditService } from './auth/audit.service.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { Authenticator } from './auth/authenticator.js';
import { RateLimits } from './auth/rate-limits.js';
import { SessionCleanupService } from './auth/session-cleanup.service.js';
import { SessionsService } from './auth/sessions.service.js';
import { TokensController } from './auth/tokens.controller.js';
import { DicomScpService } from './dicom/dicom-scp.service.js';
import { StowController } from './dicomweb/stow.controller.js';
import { HttpExceptionFilter } from './errors/http-exception.filter.js';
import { ExamFilesController } from './exams/exam-files.controller.js';
import { ExamsController } from './exams/exams.controller.js';
import { ExamFeedbackController } from './feedback/exam-feedback.controller.js';
import { FeedbackController } from './feedback/feedback.controller.js';
import { HealthController, type HealthProbe } from './health/health.controller.js';
import { IngestFailuresController } from './ingest-failures/ingest-failures.controller.js';
import { IngestService } from './ingest/ingest.service.js';
import { RedeliveryService } from './ingest/redelivery.service.js';
import { LiveGateway } from './live/live.gateway.js';
import { LiveHub } from './live/live-hub.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { Metrics } from './metrics/metrics.js';
import { PixelsController } from './renders/pixels.controller.js';
import { RenderService } from './renders/render.service.js';
import { RetentionService } from './retention/retention.service.js';
import { StatsController } from './stats/stats.controller.js';
import { ALERT_RULES, BUS, CONFIG, DATABASE, DECODE_POOL, MODEL_PROBE, STORAGE } from './tokens.js';
import { UploadController } from './upload/upload.controller.js';
import { VerdictSinkService } from './verdicts/verdict-sink.service.js';
import { WebhookDeliveriesController } from './webhooks/webhook-deliveries.controller.js';
import { WebhookDeliveryService } from './webhooks/webhook-delivery.service.js';
import { WebhookSubscriptionsController } from './webhooks/webhook-subscriptions.controller.js';

/** The adapters an API is built from; the composition root (embedded or distributed) chooses them. */
export interface ApiDependencies {
  config: SpineqcConfig;
  database: Database;
  storage: ObjectStorage;
  bus: MessageBus;
  decodePool: DecodePool;
  logger: Logger;
  /** Readiness of an in-process model (embedded mode). */
  modelProbe?: HealthProbe;
}

@Module({})
export class ApiModule {
  static forRoot(deps: ApiDependencies): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        MulterModule.register({
          limits: { fileSize: deps.config.limits.maxImageBytes, files: 1, fields: 10 },
        }),
      ],
      controllers: [
        AuthController,
        AccountsController,
        TokensController,
        AuditController,
        UploadController,
        ExamsController,
        PixelsController,
        ExamFilesController,
        ExamFeedbackController,
        FeedbackController,
        StatsController,
        AlertsController,
        WebhookSubscriptionsController,
        WebhookDeliveriesController,
        IngestFailuresController,
        StowController,
        HealthController,
        MetricsController,
      ],
      providers: [
        { provide: CONFIG, useValue: deps.config },
        { provide: DATABASE, useValue: deps.database },
        { provide: STORAGE, useValue: deps.storage },
        { provide: BUS, useValue: deps.bus },
        { provide: DECODE_POOL, useValue: deps.decodePool },
        { provide: LOGGER, useValue: deps.logger },
        // Read and validated at start: a bad rules file stops the API with every bad key named.
        { provide: ALERT_RULES, useValue: loadAlertRules(deps.config.alertRulesFile) },
        ...(deps.modelProbe ? [{ provide: MODEL_PROBE, useValue: deps.modelProbe }] : []),
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_GUARD, useClass: AuthGuard },
        Authenticator,
        RateLimits,
        AuditService,
        SessionsService,
        SessionCleanupService,
        Metrics,
        LiveHub,
        LiveGateway,
        IngestService,
        RenderService,
        RedeliveryService,
        VerdictSinkService,
        AlertService,
        WebhookDeliveryService,
        RetentionService,
        DicomScpService,
      ],
    };
  }
}
