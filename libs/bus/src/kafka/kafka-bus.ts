import { TOPICS } from '@spineqc/contracts';
import { Kafka, logLevel, Partitioners, type Admin, type Producer } from 'kafkajs';
import { BusError, errorText } from '../bus-error.js';
import { quietConsoleLogger, type BusLogger } from '../bus-logger.js';
import type {
  BusHealth,
  CloseOptions,
  MessageBus,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from '../message-bus.js';
import { validateSubscribeOptions } from '../subscribe-options.js';
import {
  DEFAULT_CLOSE_TIMEOUT_MS,
  DEFAULT_REDELIVERY,
  withTimeout,
  type RedeliveryBackoff,
} from '../timing.js';
import { requireTopic, toWireMessage } from '../wire-message.js';
import { kafkaLogCreator } from './kafka-logger.js';
import { KafkaSubscription, type KafkaConsumerSettings } from './kafka-subscription.js';

export interface KafkaBusOptions {
  brokers: string[];
  clientId: string;
  /** Partitions for topics this bus creates; default 6. Existing topics are left as they are. */
  partitions?: number;
  /** Replicas for topics this bus creates; default 1 (a single node). */
  replicationFactor?: number;
  /** Topics connect() creates; default the pipeline's (qc.image.received, qc.verdict, dead letters). Others are created on first use. */
  topics?: readonly string[];
  logger?: BusLogger;
  /** How long a silent member stays in its group before its partitions go to the others; default 15 s (broker minimum 6 s). */
  sessionTimeoutMs?: number;
  /** Default 1 s. */
  heartbeatIntervalMs?: number;
  /** How long an idle fetch waits on the broker; bounds how soon an idle member notices a rebalance. Default 1 s. */
  maxWaitTimeMs?: number;
  redelivery?: RedeliveryBackoff;
  /** Default wait for in-flight handlers on close; default 30 s. */
  closeTimeoutMs?: number;
  /** Retries of kafkajs requests (connecting, metadata, commits); default 5. */
  retries?: number;
  /** Longest health() waits for the cluster to answer; default 5 s. */
  healthTimeoutMs?: number;
}

/** The distributed mode's bus: Apache Kafka through kafkajs. */
export class KafkaBus implements MessageBus {
  readonly kind = 'kafka';
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly partitionCount: number;
  private readonly replicationFactor: number;
  private readonly topicNames: readonly string[];
  private readonly logger: BusLogger;
  private readonly consumerSettings: KafkaConsumerSettings;
  private readonly healthTimeoutMs: number;
  private readonly topicsReady = new Map<string, Promise<void>>();
  private readonly subscriptions = new Set<KafkaSubscription>();
  private state: 'new' | 'connected' | 'closed' = 'new';
  private connecting: Promise<void> | undefined;

  constructor(private readonly options: KafkaBusOptions) {
    if (!Array.isArray(options?.brokers) || options.brokers.length === 0) {
      throw new BusError('BAD_OPTIONS', 'the Kafka bus needs at least one broker address');
    }
    if (typeof options.clientId !== 'string' || options.clientId.length === 0) {
      throw new BusError('BAD_OPTIONS', 'the Kafka bus needs a client id');
    }
    this.partitionCount = positiveInteger('partitions', options.partitions ?? 6);
    this.replicationFactor = positiveInteger('replicationFactor', options.replicationFactor ?? 1);
    this.topicNames = options.topics ?? Object.values(TOPICS);
    this.logger = options.logger ?? quietConsoleLogger;
    this.healthTimeoutMs = options.healthTimeoutMs ?? 5_000;
    this.consumerSettings = {
      sessionTimeoutMs: options.sessionTimeoutMs ?? 15_000,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1_000,
      maxWaitTimeMs: options.maxWaitTimeMs ?? 1_000,
      redelivery: options.redelivery ?? DEFAULT_REDELIVERY,
      closeTimeoutMs: options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS,
      logger: this.logger,
    };
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.INFO,
      logCreator: kafkaLogCreator(this.logger),
      retry: { retries: options.retries ?? 5 },
    });
    this.producer = this.kafka.producer({
      // Idempotence makes the producer's own retries safe: a resent batch is written once.
      idempotent: true,
      maxInFlightRequests: 1,
      // Bounded, unlike kafkajs' default for idempotent producers, so that a publish fails (and the
      // sender hears of it) when Kafka is down instead of retrying for ever.
      retry: { retries: Math.max(1, options.retries ?? 5) },
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
    this.admin = this.kafka.admin();
  }

  connect(): Promise<void> {
    if (this.state === 'closed') return Promise.reject(new BusError('CLOSED', 'the bus is closed'));
    this.connecting ??= this.open().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    this.assertConnected();
    requireTopic(topic);
    const wire = messages.map((message) => toWireMessage(topic, message));
    if (wire.length === 0) return;
    await this.ensureTopics([topic]);
    try {
      await this.producer.send({ topic, acks: -1, messages: wire });
    } catch (error) {
      throw new BusError(
        'PUBLISH_FAILED',
        `could not publish ${wire.length} message(s) to ${topic}: ${errorText(error)}`,
        {
          cause: error,
        },
      );
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.assertConnected();
    const validated = validateSubscribeOptions(options);
    await this.ensureTopics([validated.topic]);
    const subscription: KafkaSubscription = new KafkaSubscription(
      this.kafka,
      validated,
      this.consumerSettings,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    try {
      await subscription.start();
    } catch (error) {
      this.subscriptions.delete(subscription);
      throw error;
    }
    return subscription;
  }

  async health(): Promise<BusHealth> {
    if (this.state !== 'connected') return { ok: false, detail: `kafka bus ${this.state}` };
    const crashed = [...this.subscriptions].filter((subscription) => subscription.crashed !== undefined);
    if (crashed.length > 0) {
      const which = crashed.map((subscription) => `${subscription.description}: ${subscription.crashed}`);
      return { ok: false, detail: `kafka consumer stopped: ${which.join('; ')}` };
    }
    try {
      const cluster = await withTimeout(
        this.admin.describeCluster(),
        this.healthTimeoutMs,
        () => new Error(`no answer within ${this.healthTimeoutMs} ms`),
      );
      return {
        ok: true,
        detail: `kafka cluster ${cluster.clusterId}: ${cluster.brokers.length} broker(s), ${this.subscriptions.size} subscription(s)`,
      };
    } catch (error) {
      return {
        ok: false,
        detail: `kafka at ${this.options.brokers.join(',')} unreachable: ${errorText(error)}`,
      };
    }
  }

  async close(options: CloseOptions = {}): Promise<void> {
    this.state = 'closed';
    const results = await Promise.allSettled([...this.subscriptions].map((s) => s.close(options)));
    for (const client of [this.producer, this.admin]) {
      await client.disconnect().catch((error: unknown) => {
        this.logger.warn('bus: disconnecting from kafka failed', { error: errorText(error) });
      });
    }
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  }

  private async open(): Promise<void> {
    try {
      await this.admin.connect();
      await this.producer.connect();
    } catch (error) {
      throw new BusError(
        'CONNECT_FAILED',
        `could not connect to kafka at ${this.options.brokers.join(',')}: ${errorText(error)}`,
        {
          cause: error,
        },
      );
    }
    await this.ensureTopics(this.topicNames);
    if (this.state === 'new') this.state = 'connected';
  }

  /** Creates each topic once per bus (idempotent on the broker too: an existing topic is left alone). */
  private ensureTopics(topics: readonly string[]): Promise<void> {
    const pending = topics.map((topic) => {
      let ready = this.topicsReady.get(topic);
      if (!ready) {
        ready = this.createTopic(topic);
        this.topicsReady.set(topic, ready);
        ready.catch(() => this.topicsReady.delete(topic));
      }
      return ready;
    });
    return Promise.all(pending).then(() => undefined);
  }

  private async createTopic(topic: string): Promise<void> {
    try {
      const metadata = await retryWhileRetriable(async () => {
        await this.admin.createTopics({
          topics: [{ topic, numPartitions: this.partitionCount, replicationFactor: this.replicationFactor }],
          waitForLeaders: true,
        });
        return this.admin.fetchTopicMetadata({ topics: [topic] });
      });
      const partitions = metadata.topics[0]?.partitions.length ?? 0;
      if (partitions !== this.partitionCount) {
        // Adding partitions would move keys (stations) to other partitions; an operator decides that.
        this.logger.warn(
          `bus: topic ${topic} has ${partitions} partition(s), not ${this.partitionCount}; left as it is`,
        );
      }
    } catch (error) {
      throw new BusError('CONNECT_FAILED', `could not create kafka topic ${topic}: ${errorText(error)}`, {
        cause: error,
      });
    }
  }

  private assertConnected(): void {
    if (this.state === 'closed') throw new BusError('CLOSED', 'the bus is closed');
    if (this.state === 'new') throw new BusError('NOT_CONNECTED', 'call connect() before using the bus');
  }
}

const TOPIC_ATTEMPTS = 10;

/**
 * When another process is creating the same topic at this moment, the broker answers "exists" before it can
 * describe the topic (UNKNOWN_TOPIC_OR_PARTITION, retriable): wait for it rather than fail at start-up.
 */
async function retryWhileRetriable<T>(operation: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      const retriable = (error as { retriable?: boolean }).retriable === true;
      if (!retriable || attempt >= TOPIC_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new BusError('BAD_OPTIONS', `${name} must be a positive integer, got ${value}`);
  }
  return value;
}
