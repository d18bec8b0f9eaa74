import { hostname } from 'node:os';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { withRetries, type IncomingMessage, type MessageBus, type Subscription } from '@spineqc/bus';
import {
  CONSUMER_GROUPS,
  parseJsonOrText,
  TOPICS,
  verdictMessageSchema,
  type VerdictMessage,
} from '@spineqc/contracts';
import type { Database } from '@spineqc/database';
import { LOGGER, type Logger } from '@spineqc/logging';
import { AlertService } from '../alerts/alert.service.js';
import { LiveHub } from '../live/live-hub.js';
import { Metrics } from '../metrics/metrics.js';
import { BUS, DATABASE } from '../tokens.js';
import { toLiveVerdict } from './live-verdict.js';

/** Consumes `qc.verdict`: persists each verdict once, then pushes it to the station's tablets. */
@Injectable()
export class VerdictSinkService implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | null = null;

  constructor(
    @Inject(BUS) private readonly bus: MessageBus,
    @Inject(DATABASE) private readonly db: Database,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly live: LiveHub,
    private readonly metrics: Metrics,
    private readonly alerts: AlertService,
  ) {}

  async onApplicationBootstrap() {
    this.subscription = await this.bus.subscribe({
      topic: TOPICS.verdict,
      group: CONSUMER_GROUPS.verdictSink,
      concurrency: 4,
      handler: withRetries((message) => this.handle(message), {
        maxAttempts: 5,
        backoffMs: 500,
        onGiveUp: (message, error, attempts) => this.deadLetter(message, error, attempts),
      }),
    });
  }

  async onApplicationShutdown() {
    await this.subscription?.close();
  }

  async handle(message: IncomingMessage) {
    const verdict = parseVerdict(message.value);
    if (!verdict) {
      await this.deadLetter(message, new Error('not a valid qc.verdict message'), 1);
      return;
    }
    const { applied, exam } = await this.db.exams.recordVerdict(verdict);
    if (!applied) return;
    this.metrics.verdicts.inc({ outcome: outcomeOf(verdict) });
    const seconds = (Date.parse(verdict.judgedAt) - Date.parse(verdict.receivedAt)) / 1000;
    if (Number.isFinite(seconds) && seconds >= 0) this.metrics.receivedToVerdict.observe(seconds);
    this.live.verdict(toLiveVerdict(verdict));
    // After the tablet has it: webhooks and alerts must never delay or fail the verdict itself.
    await this.alerts
      .onVerdictRecorded(exam)
      .catch((error: Error) =>
        this.logger.error('alert evaluation failed', { examId: exam.id, error: error.message }),
      );
  }

  private async deadLetter(message: IncomingMessage, error: unknown, attempts: number) {
    this.logger.error('verdict could not be recorded', {
      key: message.key,
      offset: message.offset,
      attempts,
      error: (error as Error).message,
    });
    await this.bus.publish(TOPICS.deadLetter, [
      {
        key: message.key,
        value: {
          topic: message.topic,
          key: message.key,
          payload: parseJsonOrText(message.value),
          errorCode: 'VERDICT_NOT_RECORDED',
          reason: (error as Error).message ?? String(error),
          attempts,
          failedAt: new Date().toISOString(),
          worker: `api@${hostname()}:${process.pid}`,
        },
      },
    ]);
  }
}

function parseVerdict(text: string): VerdictMessage | null {
  const parsed = verdictMessageSchema.safeParse(parseJsonOrText(text));
  return parsed.success ? parsed.data : null;
}

function outcomeOf(v: VerdictMessage) {
  if (v.status === 'failed') return 'failed';
  if (v.notAssessable) return 'not_assessable';
  return v.qualified ? 'qualified' : 'unqualified';
}
