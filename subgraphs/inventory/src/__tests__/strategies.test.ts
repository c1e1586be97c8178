import { randomUUID } from 'node:crypto';
import { graphql } from 'graphql';
import {
  createLogger,
  EventTypes,
  SCOPES,
  serviceEvents,
  staticPeers,
  type ConsumerDefinition,
  type OrderPlaced,
  type SubgraphDefinition,
} from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { loadInventoryConfig } from '../config';
import type { InventoryContext } from '../context';
import { createInventorySubgraph, defaultInventoryStrategies, inventorySubgraph } from '../index';
import type {
  RoutingPlan,
  RoutingRequest,
  RoutingStrategy,
  StockOption,
} from '../modules/reservation/routing/routing-strategy';
import { placed, startInventoryDb, type InventoryFixture } from '../modules/quota/__tests__/inventory-fixture';

/** Sends every order to one warehouse, whatever is nearer; short there, the order waits. */
class OneWarehouseStrategy implements RoutingStrategy {
  readonly name = 'one-warehouse';
  constructor(
    private readonly warehouseId: string,
    private readonly code: string,
  ) {}

  plan(request: RoutingRequest, stock: StockOption[]): RoutingPlan {
    const here = (sku: string) => stock.find((s) => s.sku === sku && s.warehouseId === this.warehouseId)?.available;
    const missing = request.lines
      .map((l) => ({ sku: l.sku, quantity: l.quantity - Math.max(0, here(l.sku) ?? 0) }))
      .filter((m) => m.quantity > 0);
    if (missing.length) return { ok: false, missing, reason: `${this.code} is short` };
    const allocations = request.lines.map((l) => ({ sku: l.sku, warehouseId: this.warehouseId, quantity: l.quantity }));
    return { ok: true, allocations, reason: `always ${this.code}` };
  }
}

interface AllocationRow {
  warehouse_id: string;
  quantity: number;
  reason: string;
}

describeEachBackend('inventory: the routing strategy is chosen where the subgraph is composed', (backend) => {
  let fx: InventoryFixture;
  let pekOnly: SubgraphDefinition<InventoryContext>;

  beforeAll(async () => {
    fx = await startInventoryDb(backend);
    pekOnly = createInventorySubgraph({
      ...defaultInventoryStrategies(),
      routing: new OneWarehouseStrategy(fx.warehouses.PEK, 'PEK'),
    });
  });
  afterAll(() => fx?.close());

  const allocate = (definition: SubgraphDefinition<InventoryContext>, order: OrderPlaced) => {
    const consumers = definition.consumers as ConsumerDefinition[];
    const consumer = consumers.find((c) => c.consumer === 'inventory.allocate')!;
    const event = {
      eventId: randomUUID(),
      type: EventTypes.orderPlaced,
      aggregateType: 'order',
      aggregateId: order.orderId,
      aggregateVersion: 1,
      occurredAt: new Date().toISOString(),
      source: 'orders',
      payload: order,
    };
    return fx.inTx((tx) => consumer.handle(event, tx));
  };
  const allocations = (orderId: string) =>
    fx.db.query('SELECT warehouse_id, quantity, reason FROM allocation WHERE order_id = $1 AND released_at IS NULL', [
      orderId,
    ]) as Promise<AllocationRow[]>;
  /** An operator's `adjustStock`, through the schema with a context the definition creates. */
  const adjustStock = async (definition: SubgraphDefinition<InventoryContext>, sku: string, warehouseId: string) => {
    const contextValue = definition.createContext({
      requestId: randomUUID(),
      log: createLogger('inventory-test', 'silent'),
      db: fx.db,
      events: serviceEvents('inventory', fx.db, () => undefined),
      peers: staticPeers({}),
      config: loadInventoryConfig({ INTERNAL_TOKEN_SECRET: 'inventory-strategies-test-secret-0123456789' }),
      principal: { sub: 'staff-1', scopes: new Set(SCOPES), channels: null, kind: 'client' },
    });
    const result = await graphql({
      schema: await definition.buildSchema(),
      source:
        'mutation($sku: ID!, $w: ID!) { adjustStock(sku: $sku, warehouseId: $w, delta: 3, reason: "count") { sku } }',
      variableValues: { sku, w: warehouseId },
      contextValue,
    });
    expect(result.errors).toBeUndefined();
  };

  it('allocates an order where the swapped strategy says, not at the nearest warehouse', async () => {
    await fx.addProduct('RS-1', { SHA: { onHand: 10 }, PEK: { onHand: 10 } });
    const nearest = placed([{ sku: 'RS-1', quantity: 2 }]);
    await allocate(inventorySubgraph, nearest);
    expect(await allocations(nearest.orderId)).toEqual([
      { warehouse_id: fx.warehouses.SHA, quantity: 2, reason: expect.stringContaining('SHA holds every line') },
    ]);

    const swapped = placed([{ sku: 'RS-1', quantity: 2 }]);
    await allocate(pekOnly, swapped);
    expect(await allocations(swapped.orderId)).toEqual([
      { warehouse_id: fx.warehouses.PEK, quantity: 2, reason: 'always PEK' },
    ]);
  });

  it('routes backorders with the same strategy when an operator adds stock', async () => {
    await fx.addProduct('RS-2', { SHA: { onHand: 5 } });
    const order = placed([{ sku: 'RS-2', quantity: 3 }]);
    await allocate(pekOnly, order);
    expect(await allocations(order.orderId)).toEqual([]); // Shanghai has the units, but the strategy wants Beijing

    await adjustStock(pekOnly, 'RS-2', fx.warehouses.SHA);
    expect(await allocations(order.orderId)).toEqual([]);

    await adjustStock(pekOnly, 'RS-2', fx.warehouses.PEK);
    expect(await allocations(order.orderId)).toEqual([
      { warehouse_id: fx.warehouses.PEK, quantity: 3, reason: 'always PEK' },
    ]);
  });
});
