import type { VariablesOf } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/suites';
import { PLACE_ORDER, shanghaiOrder } from '../support/documents';
import type { UsePlatformOptions, PlatformUnderTest } from '../support/use-platform';

/** How often a consumer tries an event before it parks it. */
export const MAX_ATTEMPTS = 3;

/** A platform whose consumers give up quickly, and whose risk rules let one buyer's hundreds of orders through. */
export const POISON_PLATFORM: UsePlatformOptions = {
  customers: 30,
  orders: 60,
  env: {
    EVENT_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    EVENT_RETRY_BASE_MS: '100',
    EVENT_RETRY_MAX_MS: '300',
    EVENT_RETRY_POLL_MS: '100',
    // Hundreds of orders from one test buyer are not what the risk rules are about here.
    ORDERS_RISK_VELOCITY_WEIGHT: '0',
    ORDERS_RISK_SHARED_ADDRESS_WEIGHT: '0',
  },
  startTimeoutMs: 120_000,
};

const ORDER = graphql(`
  query PoisonOrder($id: ID!) {
    order(id: $id) { id status statusHistory { from to reason } allocations { sku quantity } }
  }
`);
export const PARKED = graphql(`
  query PoisonParked($service: String, $status: ParkedEventStatus) {
    parkedEvents(service: $service, status: $status) {
      id service consumer eventId eventType aggregateType aggregateId orderId error attempts parkedAt status
      order { id status }
    }
  }
`);
export const RETRY = graphql(`mutation PoisonRetry($id: ID!) { retryParkedEvent(id: $id) { id status } }`);

/** The moves of the poison suites: place an order, read it, count statuses and reservations, list parked events. */
export function poisonDriver({ ask, db }: Pick<PlatformUnderTest, 'ask' | 'db'>) {
  let n = 0;
  return {
    /** Places a webstore order bound for Shanghai and returns its id. */
    async place(sku: string, quantity = 1, unitPrice = '9.90'): Promise<string> {
      n += 1;
      const buyer = { name: 'Zhou Min', email: `zhou.min+${n}@example.com`, phone: '+8613800000001' };
      const lines = [{ sku, quantity, unitPrice }];
      const result = await ask(PLACE_ORDER, {
        input: shanghaiOrder(`WS-POISON-${Date.now()}-${n}`, buyer, lines, `No. ${n} Nanjing Road`),
      });
      expect(result.errors).toBeUndefined();
      return result.data!.placeOrder.order!.id;
    },

    view: async (id: string) => (await ask(ORDER, { id })).data!.order!,

    /** How many of the orders are in each status. */
    async statuses(ids: string[]): Promise<Record<string, number>> {
      const rows = await db.rows<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM orders.sales_order WHERE id = ANY($1::uuid[]) GROUP BY status',
        [ids],
      );
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    },

    /** RESERVE movements of the order: one once allocated, however many deliveries and retries there were. */
    async reservations(orderId: string): Promise<number> {
      const [{ n }] = await db.rows<{ n: number }>(
        "SELECT count(*)::int AS n FROM inventory.stock_movement WHERE order_id = $1 AND kind = 'RESERVE'",
        [orderId],
      );
      return n;
    },

    parked: async (filter: VariablesOf<typeof PARKED>) => (await ask(PARKED, filter)).data!.parkedEvents,
  };
}
