import { logLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { BusLogger, LogFields } from '../bus-logger.js';

type Level = 'info' | 'warn' | 'error';

/**
 * Routes kafkajs' own log lines to the service's logger instead of the console. kafkajs logs
 * ordinary events (a rebalance, a topic that already exists) as protocol errors; those are
 * demoted so that real errors stand out.
 */
export function kafkaLogCreator(logger: BusLogger): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, timestamp: _timestamp, logger: _logger, ...fields } = log;
      const target = levelFor(level, message, fields);
      if (target) logger[target](`kafkajs ${namespace}: ${message}`, fields);
    };
}

function levelFor(level: logLevel, message: string, fields: LogFields): Level | undefined {
  const error = typeof fields['error'] === 'string' ? fields['error'] : '';
  // A member joining or leaving makes every other member rejoin: routine.
  if (/group is rebalancing/i.test(error)) return 'info';
  // connect() creates topics that usually exist already; a real failure surfaces as a BusError.
  if (message.startsWith('Response CreateTopics')) return 'info';
  // The bus bounds the producer's retries on purpose (see KafkaBus).
  if (message.startsWith('Limiting retries for the idempotent producer')) return 'info';
  // A member that went silent was evicted and rejoins: worth a warning, not an error.
  if (/not aware of this member/i.test(error)) return 'warn';
  if (level === logLevel.ERROR) return 'error';
  if (level === logLevel.WARN) return 'warn';
  if (level === logLevel.INFO) return 'info';
  return undefined;
}
