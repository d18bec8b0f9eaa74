import type { IncomingMessage, MessageBus, SubscribeOptions } from './message-bus.js';

/**
 * Prefixes topic and consumer-group names, so several sites or test runs can share one Kafka
 * cluster without seeing each other's messages. Handlers still see the plain topic names.
 */
export function namespacedBus(bus: MessageBus, namespace: string): MessageBus {
  const prefix = `${namespace}.`;
  const outer = (topic: string) => prefix + topic;
  const inner = (message: IncomingMessage): IncomingMessage => ({
    ...message,
    topic: message.topic.startsWith(prefix) ? message.topic.slice(prefix.length) : message.topic,
  });
  return {
    kind: bus.kind,
    connect: () => bus.connect(),
    publish: (topic, messages) => bus.publish(outer(topic), messages),
    subscribe: (options: SubscribeOptions) =>
      bus.subscribe({
        ...options,
        topic: outer(options.topic),
        group: prefix + options.group,
        handler: (message) => options.handler(inner(message)),
      }),
    health: () => bus.health(),
    close: (options) => bus.close(options),
  };
}
