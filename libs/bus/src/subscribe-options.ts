import { BusError } from './bus-error.js';
import type { SubscribeOptions } from './message-bus.js';
import { requireTopic } from './wire-message.js';

export function validateSubscribeOptions(options: SubscribeOptions): Required<SubscribeOptions> {
  const topic = requireTopic(options?.topic);
  const { group, handler } = options;
  const concurrency = options.concurrency ?? 1;
  if (typeof group !== 'string' || group.length === 0) {
    throw new BusError('BAD_OPTIONS', `subscribing to ${topic} needs a consumer group name`);
  }
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new BusError('BAD_OPTIONS', `concurrency must be a positive integer, got ${concurrency}`);
  }
  if (typeof handler !== 'function') {
    throw new BusError('BAD_OPTIONS', `subscribing to ${topic} needs a handler`);
  }
  return { topic, group, concurrency, handler };
}
