export type {
  BusHealth,
  CloseOptions,
  IncomingMessage,
  MessageBus,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from './message-bus.js';
export { BusError, type BusErrorCode } from './bus-error.js';
export { quietConsoleLogger, type BusLogger, type LogFields } from './bus-logger.js';
export { withRetries, type RetryPolicy } from './with-retries.js';
export { partitionForKey } from './partition-for-key.js';
export { DEFAULT_REDELIVERY, type RedeliveryBackoff } from './timing.js';
export { InProcessBus, type InProcessBusOptions } from './in-process/in-process-bus.js';
export { KafkaBus, type KafkaBusOptions } from './kafka/kafka-bus.js';
export { openBus, type BusSettings } from './open-bus.js';
export { namespacedBus } from './namespaced-bus.js';
