import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { BusError, errorText } from '../bus-error.js';
import type { BusLogger } from '../bus-logger.js';
import type { CloseOptions, IncomingMessage, SubscribeOptions, Subscription } from '../message-bus.js';
import { redeliveryDelayMs, sleep, withTimeout, type RedeliveryBackoff } from '../timing.js';
import { toIncomingMessage } from './incoming-message.js';

export interface KafkaConsumerSettings {
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  maxWaitTimeMs: number;
  redelivery: RedeliveryBackoff;
  closeTimeoutMs: number;
  logger: BusLogger;
}

/**
 * One member of a consumer group. Offsets are committed by hand, one message at a time and only
 * after the handler resolved, so whatever was in hand when a member dies is redelivered to the
 * members that remain.
 */
export class KafkaSubscription implements Subscription {
  private readonly consumer: Consumer;
  private readonly stopping = new AbortController();
  private closing: Promise<void> | undefined;
  /** Set when kafkajs gave up on this consumer and will not restart it. */
  crashed: string | undefined;

  constructor(
    kafka: Kafka,
    private readonly options: Required<SubscribeOptions>,
    private readonly settings: KafkaConsumerSettings,
    private readonly onClosed: () => void,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.group,
      sessionTimeout: settings.sessionTimeoutMs,
      heartbeatInterval: settings.heartbeatIntervalMs,
      maxWaitTimeInMs: settings.maxWaitTimeMs,
      allowAutoTopicCreation: false,
    });
  }

  get description(): string {
    return `${this.options.topic} (group ${this.options.group})`;
  }

  async start(): Promise<void> {
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.settings.logger.error(`bus: consumer of ${this.description} crashed`, {
        error: errorText(payload.error),
        restart: payload.restart,
      });
      this.crashed = payload.restart ? undefined : errorText(payload.error);
    });
    try {
      await this.consumer.connect();
      // A group seen for the first time starts at the oldest message: nothing published before
      // the first worker came up is skipped.
      await this.consumer.subscribe({ topics: [this.options.topic], fromBeginning: true });
      await this.consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.concurrency,
        eachBatch: (payload) => this.consumeBatch(payload),
      });
    } catch (error) {
      await this.consumer.disconnect().catch(() => undefined);
      throw new BusError(
        'SUBSCRIBE_FAILED',
        `could not subscribe to ${this.description}: ${errorText(error)}`,
        {
          cause: error,
        },
      );
    }
  }

  close(options: CloseOptions = {}): Promise<void> {
    this.closing ??= this.shutDown(options.timeoutMs ?? this.settings.closeTimeoutMs);
    return this.closing;
  }

  private async shutDown(timeoutMs: number): Promise<void> {
    this.stopping.abort();
    try {
      // kafkajs' disconnect stops fetching, waits for the batch in hand, then leaves the group.
      await withTimeout(
        this.consumer.disconnect(),
        timeoutMs,
        () =>
          new BusError(
            'CLOSE_TIMEOUT',
            `handlers of ${this.description} still running after ${timeoutMs} ms; their messages stay uncommitted`,
          ),
      );
    } finally {
      this.onClosed();
    }
  }

  private async consumeBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const { topic, partition } = batch;
    // Stale: the partition was taken away (rebalance) or re-positioned; stop without committing.
    const abandoned = (): boolean => this.stopping.signal.aborted || !isRunning() || isStale();
    for (const message of batch.messages) {
      if (abandoned()) return;
      const incoming = toIncomingMessage(topic, partition, message);
      if (!(await this.deliver(incoming, heartbeat, abandoned))) return;
      const next = (BigInt(message.offset) + 1n).toString();
      await commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset: next }] }] });
      resolveOffset(message.offset);
      await heartbeat();
    }
  }

  /** Hands the message to the handler until it succeeds: true once handled, false if abandoned first. */
  private async deliver(
    message: IncomingMessage,
    heartbeat: () => Promise<void>,
    abandoned: () => boolean,
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.handler(message);
        return true;
      } catch (error) {
        this.settings.logger.warn(
          `bus: handler failed, redelivering ${message.topic}[${message.partition}]@${message.offset}`,
          { group: this.options.group, attempt, error: errorText(error) },
        );
      }
      if (abandoned()) return false;
      await sleep(redeliveryDelayMs(this.settings.redelivery, attempt), this.stopping.signal);
      if (abandoned()) return false;
      // Keeps the membership alive while a message is retried; throws if a rebalance began, and
      // kafkajs then rejoins and fetches from the committed offset.
      await heartbeat();
    }
  }
}
