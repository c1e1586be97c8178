import { callPeer, eventIdOfPosition, positionOfEventId, staticPeers } from '@supply-graph/shared';
import type { StatusEvent, StatusFilter } from './subscriber';

/** Where past status events come from when a subscriber resumes with `after`. */
export interface ReplaySource {
  /**
   * Matching events published after the position, oldest first, read with the subscriber's access (its internal token).
   */
  since(after: bigint, filter: StatusFilter, internalToken: string): AsyncIterable<StatusEvent>;
}

const PAGE = 500;
const QUERY = `query Replay($after: ID!, $orderId: ID, $customerId: ID, $channel: String, $first: Int!) {
  _orderStatusEvents(after: $after, orderId: $orderId, customerId: $customerId, channel: $channel, first: $first) {
    events { eventId orderId customerId channel from to version at }
    hasMore
  }
}`;

interface Page {
  _orderStatusEvents: { events: (Omit<StatusEvent, 'position'> & { version: number })[]; hasMore: boolean };
}

/**
 * Reads the orders subgraph's retained events (its outbox) page by page. Its
 * errors pass through with their codes: REPLAY_EXPIRED for an `after` past
 * the retention, BAD_USER_INPUT for an id that was never issued.
 */
export class OrdersReplaySource implements ReplaySource {
  constructor(private readonly ordersUrl: () => string) {}

  async *since(after: bigint, filter: StatusFilter, internalToken: string): AsyncIterable<StatusEvent> {
    // The orders subgraph limits the replay to the token's channels itself.
    const peers = {
      ...staticPeers({ orders: this.ordersUrl() }),
      authorization: async () => `Bearer ${internalToken}`,
    };
    let cursor = after;
    for (;;) {
      const page = await callPeer<Page>(peers, 'orders', 'subscription-replay', QUERY, {
        after: eventIdOfPosition(cursor),
        orderId: filter.orderId,
        customerId: filter.customerId,
        channel: filter.channel,
        first: PAGE,
      });
      const { events, hasMore } = page._orderStatusEvents;
      for (const e of events) {
        const position = positionOfEventId(e.eventId)!;
        cursor = position;
        yield {
          position,
          eventId: e.eventId,
          orderId: e.orderId,
          customerId: e.customerId,
          channel: e.channel,
          from: e.from,
          to: e.to,
          at: e.at,
        };
      }
      if (!hasMore) return;
    }
  }
}
