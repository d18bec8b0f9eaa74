import { BusError, errorText } from './bus-error.js';
import type { OutgoingMessage } from './message-bus.js';

/** A message as it travels: the value already JSON text, so both buses hand consumers the same thing. */
export interface WireMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export function toWireMessage(topic: string, message: OutgoingMessage): WireMessage {
  if (typeof message?.key !== 'string') {
    throw new BusError('BAD_MESSAGE', `a message for ${topic} needs a string key`);
  }
  let value: string | undefined;
  try {
    value = JSON.stringify(message.value);
  } catch (error) {
    throw new BusError(
      'BAD_MESSAGE',
      `the value for ${topic} (key ${message.key}) is not JSON: ${errorText(error)}`,
      {
        cause: error,
      },
    );
  }
  if (value === undefined) {
    throw new BusError('BAD_MESSAGE', `the value for ${topic} (key ${message.key}) is not JSON-serialisable`);
  }
  const headers: Record<string, string> = {};
  for (const [name, headerValue] of Object.entries(message.headers ?? {})) {
    if (typeof headerValue !== 'string') {
      throw new BusError('BAD_MESSAGE', `header ${name} for ${topic} (key ${message.key}) must be a string`);
    }
    headers[name] = headerValue;
  }
  return { key: message.key, value, headers };
}

export function requireTopic(topic: unknown): string {
  if (typeof topic !== 'string' || topic.length === 0) {
    throw new BusError('BAD_OPTIONS', 'a topic must be a non-empty string');
  }
  return topic;
}
