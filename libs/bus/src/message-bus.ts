/** A message to publish. Messages with the same key land on the same partition and keep their order. */
export interface OutgoingMessage {
  key: string;
  /** Serialised with JSON.stringify; must be JSON-serialisable. */
  value: unknown;
  headers?: Record<string, string>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  /** Position in the partition, as a decimal string (Kafka offsets are 64-bit). */
  offset: string;
  key: string;
  /** Raw JSON text; the consumer validates it with a zod schema. */
  value: string;
  headers: Record<string, string>;
}

export interface SubscribeOptions {
  topic: string;
  /** Consumer group: members of one group share the partitions, each group gets every message. */
  group: string;
  /** Partitions handled in parallel by this member; default 1. */
  concurrency?: number;
  /**
   * Resolve when the message is handled: only then is its offset committed. A rejection makes the
   * bus redeliver the same message after a short backoff, forever; wrap the handler in
   * `withRetries` to bound that and dead-letter the message instead.
   */
  handler: (message: IncomingMessage) => Promise<void>;
}

export interface CloseOptions {
  /** How long to wait for in-flight handlers before giving up with BusError CLOSE_TIMEOUT. */
  timeoutMs?: number;
}

export interface Subscription {
  /**
   * Stops fetching, waits for in-flight handlers, commits what they finished, leaves the group.
   * Never await it inside one of this subscription's own handlers: it would wait for itself.
   */
  close(options?: CloseOptions): Promise<void>;
}

export interface BusHealth {
  ok: boolean;
  detail: string;
}

export interface MessageBus {
  readonly kind: 'in-process' | 'kafka';
  /** Kafka: connects the producer and creates the configured topics (idempotent). */
  connect(): Promise<void>;
  /** Resolves only when every message is durably accepted (Kafka: acks from all in-sync replicas). */
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  /** Resolves once the member has joined its group and been given partitions to consume. */
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  health(): Promise<BusHealth>;
  /** Graceful: closes subscriptions (finishing in-flight work), then the producer. */
  close(options?: CloseOptions): Promise<void>;
}
