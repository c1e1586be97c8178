import type { OrderPlaced } from '@supply-graph/shared';
import type { EntityManager } from 'typeorm';
import { orderPools } from '../presale/presale-pools';

/** Units of one SKU still to be had across the network, per pool. */
interface Left {
  regular: number;
  presale: number;
}

/**
 * What the SKUs whose stock just became sellable still offer, kept up to date as waiting orders take units, so
 * a backorder run skips orders that cannot fit without trying them. Trying one costs about ten statements
 * (order lock, stock and quota locks, the priority queue, routing, the backorder upsert): a release of one unit
 * with 150 orders waiting for the SKU ran 1,500 of them and took seconds under the stock rows' locks. Having
 * the units is necessary, not sufficient (quotas, channel priority and routing still decide, in `reserveOne`),
 * so skipping on it never leaves out an order that could have been allocated. The rows are read under their
 * locks (`FOR UPDATE`, in SKU order like every writer; the caller usually holds them already), so a release
 * committing elsewhere cannot make the figures stale. An order skipped keeps the reason it last waited for.
 */
export class SellableUnits {
  private constructor(private readonly left: Map<string, Left>) {}

  static async read(manager: EntityManager, skus: string[]): Promise<SellableUnits> {
    const rows = (await manager.query(
      `SELECT sku, greatest(on_hand - reserved - safety_stock, 0) AS regular,
              greatest(presale_on_hand - presale_reserved, 0) AS presale
       FROM stock_level WHERE sku = ANY($1) ORDER BY sku, warehouse_id FOR UPDATE`,
      [[...new Set(skus)].sort()],
    )) as { sku: string; regular: number; presale: number }[];
    const left = new Map<string, Left>();
    for (const r of rows) {
      const sku = left.get(r.sku) ?? { regular: 0, presale: 0 };
      sku.regular += Number(r.regular);
      sku.presale += Number(r.presale);
      left.set(r.sku, sku);
    }
    return new SellableUnits(left);
  }

  /** False when some line of the order wants more of a tracked SKU than the network has left in its pool. */
  mayFit(order: OrderPlaced): boolean {
    return demand(order).every(({ sku, presale, quantity }) => {
      const left = this.left.get(sku);
      return !left || quantity <= (presale ? left.presale : left.regular);
    });
  }

  /** The order was allocated: its units are no longer on offer. */
  take(order: OrderPlaced): void {
    for (const { sku, presale, quantity } of demand(order)) {
      const left = this.left.get(sku);
      if (!left) continue;
      if (presale) left.presale = Math.max(0, left.presale - quantity);
      else left.regular = Math.max(0, left.regular - quantity);
    }
  }
}

function demand(order: OrderPlaced): { sku: string; presale: boolean; quantity: number }[] {
  const pools = orderPools(order.lines);
  return pools.routingLines.map(({ sku: key, quantity }) => ({ ...pools.keys.get(key)!, quantity }));
}
