import type { Logger } from 'pino';
import type { EventBus } from './event-bus';
import { InProcessEventBus } from './in-process-bus';
import { NatsEventBus } from './nats-bus';

export interface EventBusSettings {
  /** NATS server(s); unset means the in-process bus (every service in this process). */
  natsUrl?: string;
  natsStream?: string;
  natsSubjectPrefix?: string;
}

/** The bus the settings ask for: NATS JetStream when NATS_URL is set, else in-process. */
export async function createEventBus(settings: EventBusSettings, logger: Logger, name: string): Promise<EventBus> {
  if (!settings.natsUrl) return new InProcessEventBus(logger);
  return NatsEventBus.connect({
    url: settings.natsUrl,
    stream: settings.natsStream,
    subjectPrefix: settings.natsSubjectPrefix,
    logger,
    name,
  });
}
