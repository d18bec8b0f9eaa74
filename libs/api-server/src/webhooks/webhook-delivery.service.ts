import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { SpineqcConfig } from '@spineqc/config';
import type { ClaimedDelivery, Database } from '@spineqc/database';
import { LOGGER, type Logger } from '@spineqc/logging';
import { deliverWebhook, nextAttemptDelayMs, shouldDeadLetter } from '@spineqc/webhooks';
import { CONFIG, DATABASE } from '../tokens.js';
import { targetPolicy } from './target-policy.js';

const POLL_MS = 500;
const BATCH = 20;

/**
 * Sends the outbox: claims due deliveries (a lease keeps other API processes off them), makes one signed attempt
 * each, and records it — delivered, retried later with exponential backoff and jitter, or dead-lettered after
 * the configured number of attempts. Every attempt is kept and logged.
 */
@Injectable()
export class WebhookDeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: SpineqcConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap() {
    this.schedule(0);
  }

  async onApplicationShutdown() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round()
        .catch((error: Error) => {
          this.logger.error('webhook delivery round failed', { error: error.message });
          return 0;
        })
        .then((sent) => this.schedule(sent === BATCH ? 0 : POLL_MS));
    }, delayMs);
  }

  /** One batch; returns how many deliveries it attempted. */
  private async round(): Promise<number> {
    const { timeoutMs } = this.config.webhooks;
    const due = await this.db.webhooks.claimDue({
      now: new Date(),
      limit: BATCH,
      leaseMs: timeoutMs + 30_000,
    });
    await Promise.all(due.map((delivery) => this.attempt(delivery)));
    return due.length;
  }

  private async attempt(delivery: ClaimedDelivery) {
    const { timeoutMs, maxAttempts, retryBaseMs, retryMaxMs } = this.config.webhooks;
    const result = await deliverWebhook({
      url: delivery.url,
      secret: delivery.secret,
      id: delivery.id,
      eventType: delivery.eventType,
      payload: delivery.payload as object,
      // The stored event time: every retry sends the same body.
      occurredAt: delivery.createdAt,
      timeoutMs,
      policy: targetPolicy(this.config),
    });
    const attempt = delivery.attempts + 1;
    const now = new Date();
    const outcome = result.ok
      ? ({ status: 'delivered' } as const)
      : shouldDeadLetter(attempt, maxAttempts)
        ? ({ status: 'dead' } as const)
        : ({
            status: 'pending',
            nextAttemptAt: new Date(
              now.getTime() + nextAttemptDelayMs(attempt, { baseMs: retryBaseMs, maxMs: retryMaxMs }),
            ),
          } as const);
    await this.db.webhooks.recordAttempt({
      deliveryId: delivery.id,
      attempt: { ok: result.ok, status: result.status, error: result.error, durationMs: result.durationMs },
      now,
      outcome,
    });
    const fields = {
      deliveryId: delivery.id,
      subscriptionId: delivery.subscriptionId,
      event: delivery.eventType,
      attempt,
      status: result.status,
      outcome: outcome.status,
      durationMs: Math.round(result.durationMs),
    };
    if (result.ok) this.logger.info('webhook delivered', fields);
    else if (outcome.status === 'dead')
      this.logger.error('webhook dead-lettered', { ...fields, error: result.error });
    else this.logger.warn('webhook attempt failed', { ...fields, error: result.error });
  }
}
