import type { Logger } from 'pino';
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  nanos,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from 'nats';
import { apiErrorCode } from './nats-helpers';

// How the NATS bus sets up its stream and durable consumers, apart from the bus's delivery logic.

/** Republishing an event id within this window is dropped by JetStream (a relay retry after a lost PubAck). */
const DUPLICATE_WINDOW_MS = 2 * 60_000;
/** Long enough for a consumer that was down over a weekend to catch up. */
const MAX_AGE_MS = 7 * 24 * 60 * 60_000;
/** A handler still running after this long is presumed dead and its event goes to another replica. */
export const ACK_WAIT_MS = 10_000;
/** Unacked events one durable may have out; bounds the work lost to a crashed replica. */
const MAX_ACK_PENDING = 1_000;

const STREAM_NOT_FOUND = 10059;
const STREAM_NAME_IN_USE = 10058;

/**
 * Creates the stream if it is missing; an existing one is the operator's to tune (replicas, limits) and is never
 * overwritten.
 */
export async function ensureStream(
  jsm: JetStreamManager,
  stream: string,
  subjects: string[],
  logger: Logger,
): Promise<void> {
  const config: Partial<StreamConfig> = {
    name: stream,
    subjects,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_age: nanos(MAX_AGE_MS),
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
  };
  try {
    await jsm.streams.info(stream);
    return;
  } catch (err) {
    if (apiErrorCode(err) !== STREAM_NOT_FOUND) throw err;
  }
  try {
    await jsm.streams.add(config);
    logger.info({ stream, subjects }, 'created JetStream stream');
  } catch (err) {
    // Another process created it between our lookup and our add (identical configs do not even get here).
    if (apiErrorCode(err) !== STREAM_NAME_IN_USE) throw err;
  }
}

/** A durable pull consumer from the start of the stream, acknowledged explicitly, redelivered without limit. */
export function durableConsumerConfig(durable: string, filter: Partial<ConsumerConfig>): Partial<ConsumerConfig> {
  return {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(ACK_WAIT_MS),
    max_deliver: -1,
    max_ack_pending: MAX_ACK_PENDING,
    ...filter,
  };
}

/**
 * Servers before 2.10 take one filter subject only; a consumer of several
 * types then reads the whole stream and skips the other subjects itself.
 */
export function subjectFilter(subjects: string[], serverVersion: string | undefined): Partial<ConsumerConfig> {
  if (subjects.length === 1) return { filter_subject: subjects[0] };
  const [major = 0, minor = 0] = (serverVersion ?? '0.0').split('.').map(Number);
  return major > 2 || (major === 2 && minor >= 10) ? { filter_subjects: subjects } : {};
}
