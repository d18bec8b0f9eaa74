// Runs against a real broker: tools/kafka.sh start, then SPINEQC_TEST_KAFKA_BROKERS=127.0.0.1:9092.
import { Kafka, logLevel } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import type { BusLogger } from '../bus-logger.js';
import { BusError } from '../bus-error.js';
import type { MessageBus } from '../message-bus.js';
import { describeBusContract, eventually, gate, silentLogger, uniqueName } from '../testing/bus-contract.js';
import { KafkaBus, type KafkaBusOptions } from './kafka-bus.js';

function testBrokers(): string[] {
  const brokers = process.env['SPINEQC_TEST_KAFKA_BROKERS'];
  if (!brokers) {
    throw new Error(
      'SPINEQC_TEST_KAFKA_BROKERS is not set: start a broker with `tools/kafka.sh start` and set it to 127.0.0.1:9092',
    );
  }
  return brokers.split(',').map((broker) => broker.trim());
}

function kafkaBus(options: Partial<KafkaBusOptions>): KafkaBus {
  return new KafkaBus({ brokers: testBrokers(), clientId: uniqueName('client'), topics: [], ...options });
}

describeBusContract('kafka', (options) => kafkaBus(options));

describe('KafkaBus', () => {
  const buses: MessageBus[] = [];
  const open = async (options: Partial<KafkaBusOptions> = {}): Promise<KafkaBus> => {
    const bus = kafkaBus({ logger: silentLogger, ...options });
    buses.push(bus);
    await bus.connect();
    return bus;
  };

  afterEach(async () => {
    await Promise.allSettled(buses.splice(0).map((bus) => bus.close({ timeoutMs: 20_000 })));
  });

  it('creates its topics on connect() with the configured partitions, idempotently', async () => {
    const topics = [uniqueName('created'), uniqueName('created')];
    await open({ topics, partitions: 4 });
    await open({ topics, partitions: 4 });

    const admin = new Kafka({
      clientId: uniqueName('admin'),
      brokers: testBrokers(),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics });
      expect(metadata.topics.map((topic) => topic.partitions.length)).toEqual([4, 4]);
    } finally {
      await admin.disconnect();
    }
  });

  it('connects when several processes create the same topics at the same moment', async () => {
    // Start-up race seen in CI: one process's createTopics answered "exists" before the broker could
    // describe the topic the other was still creating.
    const topics = [uniqueName('raced'), uniqueName('raced'), uniqueName('raced')];
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => open({ topics, partitions: 6 })),
    );
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : r.status))).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
  });

  it('gives a hung member’s uncommitted message to another member once the hung one misses its heartbeats', async () => {
    // kafkajs heartbeats only between messages, so a handler that never returns is a member that
    // has gone silent, as a killed process would: the broker evicts it after the session timeout.
    const bus = await open({ sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500 });
    const topic = uniqueName('hung');
    const group = uniqueName('group');
    await bus.publish(
      topic,
      [0, 1, 2].map((seq) => ({ key: 'room-1', value: { seq } })),
    );
    const hung = gate();
    const handledByA: number[] = [];
    await bus.subscribe({
      topic,
      group,
      handler: async (message) => {
        const seq = (JSON.parse(message.value) as { seq: number }).seq;
        if (seq === 1) await hung.opened;
        handledByA.push(seq);
      },
    });
    await eventually(() => handledByA.includes(0), 'member A to handle message 0');

    const other = await open({ sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500 });
    const handledByB: number[] = [];
    await other.subscribe({
      topic,
      group,
      handler: async (message) => void handledByB.push((JSON.parse(message.value) as { seq: number }).seq),
    });
    await eventually(() => handledByB.length >= 2, 'member B to get messages 1 and 2');
    expect(handledByB).toEqual([1, 2]);
    expect(handledByA).toEqual([0]);
    hung.open();
  });

  it('sends kafkajs’ own log lines to the given logger', async () => {
    const lines: Array<{ level: string; message: string }> = [];
    const logger: BusLogger = {
      info: (message) => lines.push({ level: 'info', message }),
      warn: (message) => lines.push({ level: 'warn', message }),
      error: (message) => lines.push({ level: 'error', message }),
    };
    const bus = await open({ logger });
    const topic = uniqueName('logs');
    await bus.subscribe({ topic, group: uniqueName('group'), handler: async () => undefined });
    expect(lines.some((line) => line.level === 'info' && line.message.startsWith('kafkajs '))).toBe(true);
  });

  it('reports the cluster in health() and fails connect() clearly when no broker answers', async () => {
    const bus = await open();
    const health = await bus.health();
    expect(health.ok).toBe(true);
    expect(health.detail).toMatch(/kafka cluster \S+: 1 broker/);

    const nowhere = new KafkaBus({
      brokers: ['127.0.0.1:1'],
      clientId: uniqueName('nowhere'),
      retries: 0,
      logger: silentLogger,
    });
    buses.push(nowhere);
    const error = await nowhere.connect().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(BusError);
    expect((error as BusError).code).toBe('CONNECT_FAILED');
    expect((await nowhere.health()).ok).toBe(false);
  });
});
