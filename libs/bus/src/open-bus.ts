import { TOPICS } from '@spineqc/contracts';
import type { BusLogger } from './bus-logger.js';
import { InProcessBus } from './in-process/in-process-bus.js';
import { KafkaBus } from './kafka/kafka-bus.js';
import type { MessageBus } from './message-bus.js';
import { namespacedBus } from './namespaced-bus.js';

export interface BusSettings {
  kind: 'in-process' | 'kafka';
  brokers: string[];
  clientId: string;
  partitions: number;
  namespace: string | null;
}

/** The bus the configuration names: Kafka when brokers are set, else in-process (embedded). */
export function openBus(
  settings: BusSettings,
  logger: BusLogger & { debug?: BusLogger['info'] },
): MessageBus {
  if (settings.kind === 'in-process') return new InProcessBus({ partitions: settings.partitions, logger });
  const prefix = settings.namespace ? `${settings.namespace}.` : '';
  const kafka = new KafkaBus({
    brokers: settings.brokers,
    clientId: settings.clientId,
    partitions: settings.partitions,
    topics: Object.values(TOPICS).map((topic) => prefix + topic),
    // kafkajs narrates every heartbeat and rebalance; that belongs at debug level in a service log.
    logger: { ...logger, info: logger.debug ?? (() => undefined) },
  });
  return settings.namespace ? namespacedBus(kafka, settings.namespace) : kafka;
}
