import { BusError } from '../bus-error.js';
import { quietConsoleLogger, type BusLogger } from '../bus-logger.js';
import type {
  BusHealth,
  CloseOptions,
  MessageBus,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from '../message-bus.js';
import { partitionForKey } from '../partition-for-key.js';
import { validateSubscribeOptions } from '../subscribe-options.js';
import {
  DEFAULT_CLOSE_TIMEOUT_MS,
  DEFAULT_REDELIVERY,
  withTimeout,
  type RedeliveryBackoff,
} from '../timing.js';
import { requireTopic, toWireMessage } from '../wire-message.js';
import { ConsumerGroup, GroupMember } from './consumer-group.js';
import { TopicLog } from './topic-log.js';

export interface InProcessBusOptions {
  /** Partitions per topic (keys are hashed onto them as Kafka does); default 6. */
  partitions?: number;
  redelivery?: RedeliveryBackoff;
  /** Default wait for in-flight handlers on close; default 30 s. */
  closeTimeoutMs?: number;
  logger?: BusLogger;
}

/**
 * The embedded mode's bus: per-topic partitioned logs in memory, consumer groups with their own
 * committed offsets, the same delivery guarantees as the Kafka bus. Durability across restarts is
 * the database's job in this mode, so nothing here is written to disk. A message is kept until
 * every group that has subscribed to its topic has committed it.
 */
export class InProcessBus implements MessageBus {
  readonly kind = 'in-process';
  private readonly partitionCount: number;
  private readonly redelivery: RedeliveryBackoff;
  private readonly closeTimeoutMs: number;
  private readonly logger: BusLogger;
  private readonly topics = new Map<string, TopicLog>();
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly subscriptions = new Set<InProcessSubscription>();
  private state: 'new' | 'connected' | 'closed' = 'new';

  constructor(options: InProcessBusOptions = {}) {
    this.partitionCount = options.partitions ?? 6;
    if (!Number.isInteger(this.partitionCount) || this.partitionCount < 1) {
      throw new BusError('BAD_OPTIONS', `partitions must be a positive integer, got ${options.partitions}`);
    }
    this.redelivery = options.redelivery ?? DEFAULT_REDELIVERY;
    this.closeTimeoutMs = options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS;
    this.logger = options.logger ?? quietConsoleLogger;
  }

  async connect(): Promise<void> {
    if (this.state === 'closed') throw new BusError('CLOSED', 'the bus is closed');
    this.state = 'connected';
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    this.assertConnected();
    const log = this.topic(requireTopic(topic));
    // Serialise all first, so a bad message rejects the call without publishing part of it.
    const wire = messages.map((message) => toWireMessage(topic, message));
    for (const message of wire) {
      log.partitions[partitionForKey(message.key, this.partitionCount)].append(message);
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.assertConnected();
    const { topic, group, concurrency, handler } = validateSubscribeOptions(options);
    const groupKey = `${topic}\u0000${group}`;
    let consumerGroup = this.groups.get(groupKey);
    if (!consumerGroup) {
      consumerGroup = new ConsumerGroup(group, this.topic(topic), this.redelivery, this.logger);
      this.groups.set(groupKey, consumerGroup);
    }
    const member = new GroupMember(handler, concurrency);
    const subscription = new InProcessSubscription(consumerGroup, member, this.closeTimeoutMs, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    consumerGroup.join(member);
    return subscription;
  }

  async health(): Promise<BusHealth> {
    if (this.state !== 'connected') return { ok: false, detail: `in-process bus ${this.state}` };
    return {
      ok: true,
      detail: `in-process bus: ${this.topics.size} topic(s), ${this.subscriptions.size} subscription(s), ${this.retainedMessages()} message(s) held`,
    };
  }

  /** Messages held in memory (on one topic, or all): those some group has yet to commit. */
  retainedMessages(topic?: string): number {
    if (topic !== undefined) return this.topics.get(topic)?.retained ?? 0;
    let sum = 0;
    for (const log of this.topics.values()) sum += log.retained;
    return sum;
  }

  async close(options: CloseOptions = {}): Promise<void> {
    this.state = 'closed';
    const results = await Promise.allSettled([...this.subscriptions].map((s) => s.close(options)));
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  }

  private topic(name: string): TopicLog {
    let log = this.topics.get(name);
    if (!log) {
      log = new TopicLog(name, this.partitionCount);
      this.topics.set(name, log);
    }
    return log;
  }

  private assertConnected(): void {
    if (this.state === 'closed') throw new BusError('CLOSED', 'the bus is closed');
    if (this.state === 'new') throw new BusError('NOT_CONNECTED', 'call connect() before using the bus');
  }
}

class InProcessSubscription implements Subscription {
  private closing: Promise<void> | undefined;

  constructor(
    private readonly group: ConsumerGroup,
    private readonly member: GroupMember,
    private readonly defaultTimeoutMs: number,
    private readonly onClosed: () => void,
  ) {}

  close(options: CloseOptions = {}): Promise<void> {
    this.closing ??= this.shutDown(options.timeoutMs ?? this.defaultTimeoutMs);
    return this.closing;
  }

  private async shutDown(timeoutMs: number): Promise<void> {
    // Leaving hands the partitions to the other members; each starts after our in-flight message.
    this.group.leave(this.member);
    try {
      await withTimeout(
        this.member.drained(),
        timeoutMs,
        () =>
          new BusError(
            'CLOSE_TIMEOUT',
            `handlers of group ${this.group.name} still running after ${timeoutMs} ms; their messages stay uncommitted`,
          ),
      );
    } finally {
      this.onClosed();
    }
  }
}
