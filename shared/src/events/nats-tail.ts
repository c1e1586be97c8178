import type { Logger } from 'pino';
import { DeliverPolicy, type ConsumerConfig, type JetStreamClient } from 'nats';
import type { DomainEvent } from './event';
import { decode } from './nats-helpers';

/**
 * An ordered, ephemeral consumer from the live edge of the stream: the server
 * keeps no state for it beyond the connection, every replica gets its own,
 * and the client library recreates it in sequence if a message goes missing.
 * `filter` is the bus's filter for the server's version; subjects it lets
 * through that were not asked for are skipped here.
 */
export async function tailStream(
  js: JetStreamClient,
  stream: string,
  subjects: string[],
  filter: Partial<ConsumerConfig>,
  handler: (event: DomainEvent) => void,
  logger: Logger,
): Promise<{ close(): Promise<void> }> {
  const filterSubjects = filter.filter_subject ?? filter.filter_subjects;
  const consumer = await js.consumers.get(stream, {
    deliver_policy: DeliverPolicy.New,
    ...(filterSubjects ? { filterSubjects } : {}),
  });
  const wanted = new Set(subjects);
  const messages = await consumer.consume();
  const done = (async () => {
    for await (const msg of messages) {
      const event = wanted.has(msg.subject) ? decode(msg.data, msg.headers) : null;
      if (!event) continue;
      try {
        handler(event);
      } catch (err) {
        logger.error({ err, eventId: event.eventId }, 'event tail failed');
      }
    }
  })();
  return {
    async close() {
      await messages.close();
      await done;
    },
  };
}
