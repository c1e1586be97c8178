import type { Duplex } from 'node:stream';
import type { ExecutionResult } from 'graphql';
import type { WebSocket } from 'ws';
import type { DeliveryWriter } from './subscriber';

/**
 * One resolved event as every subscriber of a group (selection, variables,
 * access) gets it. Its JSON is built at most once, however many subscribers
 * the group has: graphql-ws would stringify the whole result again for each
 * of them, only to put a different subscription id in front.
 */
export class Delivery {
  private json: Buffer | null = null;

  constructor(readonly result: ExecutionResult) {}

  /**
   * The `payload` of a graphql-transport-ws `next` message, byte for byte as
   * graphql-ws writes it: the result's own fields in their order, then
   * `errors` (through `toJSON`) when there are any.
   */
  payload(): Buffer {
    if (!this.json) {
      const { errors, ...rest } = this.result;
      const payload = errors ? { ...rest, errors: errors.map((e) => e.toJSON()) } : rest;
      this.json = Buffer.from(JSON.stringify(payload));
    }
    return this.json;
  }
}

const SUFFIX = Buffer.from('}');

/** The bytes before the payload in one subscription's `next` messages (the same for each of its events). */
export function nextFramePrefix(id: string): Buffer {
  return Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
}

/** A whole `next` message: the subscription's prefix around the delivery's shared payload. */
export function nextFrame(prefix: Buffer, delivery: Delivery): Buffer {
  const payload = delivery.payload();
  return Buffer.concat([prefix, payload, SUFFIX], prefix.length + payload.length + 1);
}

const TEXT = { binary: false };

/**
 * Writes `next` messages straight to the WebSocket, each the subscription's
 * prefix around the event's shared payload: graphql-ws's message exactly,
 * without its per-subscriber stringify, promises and validation.
 * graphql-ws still runs the protocol: handshake, subscribe, error, complete.
 */
export function frameWriter(socket: WebSocket, raw: Duplex, id: string): DeliveryWriter {
  const prefix = nextFramePrefix(id);
  return {
    write(deliveries, written) {
      const last = deliveries.length - 1;
      if (last === 0) {
        socket.send(nextFrame(prefix, deliveries[0]), TEXT, written);
        return;
      }
      raw.cork();
      for (let i = 0; i <= last; i += 1)
        socket.send(nextFrame(prefix, deliveries[i]), TEXT, i === last ? written : undefined);
      raw.uncork();
    },
  };
}
