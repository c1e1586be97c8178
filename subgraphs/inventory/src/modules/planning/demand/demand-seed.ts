import { insertRows, type DemoDataset, type Queryable } from '@supply-graph/shared';
import { rebuildDemandHistory } from './demand-backfill';
import { type DemandRow, fulfilledRows, mergeRows, shortRows } from './demand-record';

/**
 * The demo's demand history, as the reservation would have recorded it: the
 * data set knows what inventory's tables do not (when each order was placed,
 * and which orders waited as backorders before stock came), so its facts are
 * written from it, on the placement day. The backfill then sums the days (and
 * would add any allocation the data set did not explain).
 */
export async function seedDemandHistory(db: Queryable, data: DemoDataset): Promise<void> {
  const allocationsOf = new Map<string, DemoDataset['allocations']>();
  for (const a of data.allocations) allocationsOf.set(a.orderId, [...(allocationsOf.get(a.orderId) ?? []), a]);
  const warehouses = data.warehouses;
  const facts = data.orders.flatMap((order) => {
    const allocations = allocationsOf.get(order.id) ?? [];
    const waited = order.history.some((h) => h.to === 'BACKORDERED');
    let rows: DemandRow[];
    if (allocations.length) {
      rows = fulfilledRows(allocations).map((r) => (waited ? { ...r, fulfilled: 0, short: r.fulfilled } : r));
    } else if (order.status === 'BACKORDERED') {
      rows = shortRows({ lines: order.lines, shippingAddress: order.shippingAddress }, data.stockLevels, warehouses);
    } else {
      // Never decided by inventory (held, cancelled first, or not yet allocated): no demand reached it.
      rows = [];
    }
    const day = order.placedAt.toISOString().slice(0, 10);
    return mergeRows(rows).map((r) => ({
      order_id: order.id,
      sku: r.sku,
      warehouse_id: r.warehouseId,
      channel: order.channel,
      day,
      units_demanded: r.fulfilled + r.short,
      units_fulfilled: r.fulfilled,
      units_short: r.short,
    }));
  });
  await insertRows(
    db,
    'demand_line',
    {
      order_id: 'uuid',
      sku: 'text',
      warehouse_id: 'uuid',
      channel: 'text',
      day: 'date',
      units_demanded: 'int4',
      units_fulfilled: 'int4',
      units_short: 'int4',
    },
    facts,
  );
  await rebuildDemandHistory(db);
}
