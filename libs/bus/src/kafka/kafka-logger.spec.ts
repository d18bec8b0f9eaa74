import { logLevel, type LogEntry } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import type { BusLogger } from '../bus-logger.js';
import { kafkaLogCreator } from './kafka-logger.js';

function capture(): { logger: BusLogger; lines: string[] } {
  const lines: string[] = [];
  const logger: BusLogger = {
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message, fields) => lines.push(`error ${message} ${JSON.stringify(fields)}`),
  };
  return { logger, lines };
}

function entry(
  level: logLevel,
  namespace: string,
  message: string,
  extra: Record<string, unknown> = {},
): LogEntry {
  return {
    namespace,
    level,
    label: logLevel[level],
    log: { timestamp: '2026-11-27T10:00:00.000Z', logger: 'kafkajs', message, ...extra },
  };
}

describe('kafkaLogCreator', () => {
  it('keeps levels, drops debug, and passes the extra fields without timestamp or logger name', () => {
    const { logger, lines } = capture();
    const log = kafkaLogCreator(logger)(logLevel.INFO);
    log(entry(logLevel.INFO, 'Consumer', 'Starting', { groupId: 'g' }));
    log(entry(logLevel.WARN, 'Producer', 'Slow'));
    log(entry(logLevel.ERROR, 'Connection', 'Connection error: connect ECONNREFUSED', { broker: 'b:9092' }));
    log(entry(logLevel.DEBUG, 'Connection', 'Request Metadata'));
    expect(lines).toEqual([
      'info kafkajs Consumer: Starting',
      'warn kafkajs Producer: Slow',
      'error kafkajs Connection: Connection error: connect ECONNREFUSED {"broker":"b:9092"}',
    ]);
  });

  it('demotes the routine protocol errors of rebalances and existing topics', () => {
    const { logger, lines } = capture();
    const log = kafkaLogCreator(logger)(logLevel.INFO);
    log(
      entry(logLevel.ERROR, 'Connection', 'Response Heartbeat(key: 12, version: 3)', {
        error: 'The group is rebalancing, so a rejoin is needed',
      }),
    );
    log(
      entry(logLevel.ERROR, 'Connection', 'Response CreateTopics(key: 19, version: 3)', {
        error: 'Topic creation errors',
      }),
    );
    log(
      entry(logLevel.ERROR, 'Runner', 'The coordinator is not aware of this member, re-joining the group', {
        error: 'The coordinator is not aware of this member',
      }),
    );
    expect(lines).toEqual([
      'info kafkajs Connection: Response Heartbeat(key: 12, version: 3)',
      'info kafkajs Connection: Response CreateTopics(key: 19, version: 3)',
      'warn kafkajs Runner: The coordinator is not aware of this member, re-joining the group',
    ]);
  });
});
