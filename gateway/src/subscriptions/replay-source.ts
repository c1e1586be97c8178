import {
  callPeer,
  eventIdOfPosition,
  positionOfEventId,
  staticPeers,
  type WorkItemChanged,
} from '@supply-graph/shared';
import type { StatusEvent, StatusFilter } from './subscriber';
import type { WorkItemEvent, WorkItemFilter } from './work-item-hub';

/** Where past events come from when a subscriber resumes with `after`. */
export interface ReplaySource<F = StatusFilter, E = StatusEvent> {
  /**
   * Matching events published after the position, oldest first, read with the subscriber's access (its internal token).
   */
  since(after: bigint, filter: F, internalToken: string): AsyncIterable<E>;
}

const PAGE = 500;

/** One of the orders subgraph's feeds of retained events: its query, and how a subscriber's filter and its rows map. */
interface Feed<F, E, R> {
  /** Logged as the call's purpose. */
  name: string;
  /** Takes `$after: ID!` and `$first: Int!` besides the filter's variables; answers `{ events, hasMore }`. */
  query: string;
  field: string;
  variables(filter: F): Record<string, unknown>;
  toEvent(record: R, position: bigint): E;
}

/**
 * Reads one of the orders subgraph's feeds of retained events (its outbox) page by page. Its errors pass through
 * with their codes: REPLAY_EXPIRED for an `after` past the retention, BAD_USER_INPUT for an id that was never issued.
 * The orders subgraph limits the replay to the token's channels itself.
 */
class OrdersFeed<F, E, R extends { eventId: string }> implements ReplaySource<F, E> {
  constructor(
    private readonly ordersUrl: () => string,
    private readonly feed: Feed<F, E, R>,
  ) {}

  async *since(after: bigint, filter: F, internalToken: string): AsyncIterable<E> {
    const peers = {
      ...staticPeers({ orders: this.ordersUrl() }),
      authorization: async () => `Bearer ${internalToken}`,
    };
    let cursor = after;
    for (;;) {
      const page = await callPeer<Record<string, { events: R[]; hasMore: boolean }>>(
        peers,
        'orders',
        this.feed.name,
        this.feed.query,
        { after: eventIdOfPosition(cursor), ...this.feed.variables(filter), first: PAGE },
      );
      const { events, hasMore } = page[this.feed.field];
      for (const record of events) {
        const position = positionOfEventId(record.eventId)!;
        cursor = position;
        yield this.feed.toEvent(record, position);
      }
      if (!hasMore) return;
    }
  }
}

type StatusRecord = Omit<StatusEvent, 'position'> & { version: number };

/** `orderStatusChanged`'s past events (`_orderStatusEvents`). */
export const orderStatusReplay = (ordersUrl: () => string): ReplaySource<StatusFilter, StatusEvent> =>
  new OrdersFeed<StatusFilter, StatusEvent, StatusRecord>(ordersUrl, {
    name: 'subscription-replay',
    query: `query Replay($after: ID!, $orderId: ID, $customerId: ID, $channel: String, $first: Int!) {
      _orderStatusEvents(after: $after, orderId: $orderId, customerId: $customerId, channel: $channel, first: $first) {
        events { eventId orderId customerId channel from to version at }
        hasMore
      }
    }`,
    field: '_orderStatusEvents',
    variables: (f) => ({ orderId: f.orderId, customerId: f.customerId, channel: f.channel }),
    toEvent: (e, position) => ({
      position,
      eventId: e.eventId,
      orderId: e.orderId,
      customerId: e.customerId,
      channel: e.channel,
      from: e.from,
      to: e.to,
      at: e.at,
    }),
  });

type WorkItemRecord = Omit<WorkItemChanged, 'at'> & { eventId: string; at: string };

/** `workItemChanged`'s past events (`_workItemEvents`). */
export const workItemReplay = (ordersUrl: () => string): ReplaySource<WorkItemFilter, WorkItemEvent> =>
  new OrdersFeed<WorkItemFilter, WorkItemEvent, WorkItemRecord>(ordersUrl, {
    name: 'work-item-replay',
    query: `query WorkItemReplay($after: ID!, $kinds: [String!], $assignee: String, $first: Int!) {
      _workItemEvents(after: $after, kinds: $kinds, assignee: $assignee, first: $first) {
        events { eventId workItemId change kind status assignee channel version at }
        hasMore
      }
    }`,
    field: '_workItemEvents',
    variables: (f) => ({ kinds: f.kinds, assignee: f.assignee }),
    toEvent: ({ eventId, ...payload }, position) => ({ position, eventId, payload }),
  });
