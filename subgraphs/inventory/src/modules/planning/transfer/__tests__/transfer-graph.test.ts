import { describeEachBackend } from '@supply-graph/shared/testing';
import { caller, startTransferDb, type TransferFixture } from './transfer-fixture';

const SEND = `mutation($input: TransferStockInput!) { transferStock(input: $input) {
  id status quantity inTransit fromWarehouse { code } toWarehouse { code } product { sku } } }`;
const RECEIVE = `mutation($id: ID!, $quantity: Int) { receiveTransfer(id: $id, quantity: $quantity) {
  status received inTransit } }`;
const CANCEL = 'mutation($id: ID!, $reason: String!) { cancelTransfer(id: $id, reason: $reason) { status returned } }';
const LEVELS = `query($skus: [_Any!]!) { _entities(representations: $skus) { ... on Product { sku
  stockLevels { warehouse { code } onHand available inTransitIn inTransitOut } } } }`;
const LIST = `query($filter: TransferFilter, $first: Int, $after: String) { transfers(filter: $filter, first: $first,
  after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id sku status } } } }`;

interface Level {
  warehouse: { code: string };
  onHand: number;
  available: number;
  inTransitIn: number;
  inTransitOut: number;
}

describeEachBackend('transfers in the graph', (backend) => {
  let fx: TransferFixture;

  beforeAll(async () => {
    fx = await startTransferDb(backend);
    await fx.stock('G-1', { SHA: { onHand: 40 }, PEK: { onHand: 5 } });
    await fx.stock('G-2', { SHA: { onHand: 10 } });
  });
  afterAll(() => fx?.close());

  const send = async (sku: string, quantity: number, from = fx.warehouses.SHA, to = fx.warehouses.PEK) => {
    const { data, codes } = await fx.ask(SEND, {
      input: { sku, fromWarehouseId: from, toWarehouseId: to, quantity, reason: 'graph test' },
    });
    expect(codes).toEqual([]);
    return data!.transferStock as { id: string; status: string };
  };
  const levels = async (...skus: string[]) => {
    const { data, codes } = await fx.ask(LEVELS, { skus: skus.map((sku) => ({ __typename: 'Product', sku })) });
    expect(codes).toEqual([]);
    return Object.fromEntries(
      (data!._entities as { sku: string; stockLevels: Level[] }[]).map((p) => [
        p.sku,
        Object.fromEntries(
          p.stockLevels.map((l) => [l.warehouse.code, [l.onHand, l.available, l.inTransitIn, l.inTransitOut]]),
        ),
      ]),
    );
  };

  it('shows units on the way at both levels, in neither onHand nor available, with one statement for all', async () => {
    const a = await send('G-1', 15);
    await send('G-1', 3, fx.warehouses.PEK, fx.warehouses.SHA);
    await send('G-2', 4);
    expect(await levels('G-1', 'G-2')).toEqual({
      // [onHand, available, inTransitIn, inTransitOut]
      'G-1': { PEK: [2, 2, 15, 3], SHA: [25, 25, 3, 15] },
      'G-2': { PEK: [0, 0, 4, 0], SHA: [6, 6, 0, 4] },
    });
    expect(fx.statements.filter((s) => s.includes('stock_transfer'))).toHaveLength(1);

    const { data } = await fx.ask(RECEIVE, { id: a.id, quantity: 10 });
    expect(data!.receiveTransfer).toEqual({ status: 'IN_TRANSIT', received: 10, inTransit: 5 });
    expect((await levels('G-1'))['G-1']).toEqual({ PEK: [12, 12, 5, 3], SHA: [25, 25, 3, 5] });
  });

  it('lists transfers newest first, filtered, in pages; loads one by id', async () => {
    const page = async (variables: Record<string, unknown>) => {
      const { data, codes } = await fx.ask(LIST, variables);
      expect(codes).toEqual([]);
      return data!.transfers as {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { id: string; sku: string; status: string } }[];
      };
    };
    const all = await page({ first: 100 });
    expect(all.totalCount).toBe(3);
    expect(all.edges.map((e) => e.node.sku)).toEqual(['G-2', 'G-1', 'G-1']);
    const first = await page({ first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(all.edges.map((e) => e.node.id));
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect((await page({ filter: { sku: 'G-2' } })).edges).toHaveLength(1);
    expect((await page({ filter: { warehouseId: fx.warehouses.PEK, status: 'IN_TRANSIT' } })).totalCount).toBe(3);
    expect((await page({ filter: { warehouseId: 'not-a-uuid' } })).totalCount).toBe(0);
    const { data } = await fx.ask('query($id: ID!) { transfer(id: $id) { sku inTransit } }', {
      id: all.edges[0].node.id,
    });
    expect(data!.transfer).toEqual({ sku: 'G-2', inTransit: 4 });
  });

  it('writes need inventory:write, reads inventory:read; a twice-received transfer is CONFLICT', async () => {
    const reader = caller('reader', ['inventory:read']);
    const input = {
      sku: 'G-2',
      fromWarehouseId: fx.warehouses.SHA,
      toWarehouseId: fx.warehouses.PEK,
      quantity: 1,
      reason: 'x',
    };
    expect((await fx.ask(SEND, { input }, reader)).codes).toEqual(['FORBIDDEN']);
    expect((await fx.ask(LIST, {}, caller('writer', ['inventory:write']))).codes).toEqual(['FORBIDDEN']);
    const t = await send('G-2', 1);
    expect((await fx.ask(RECEIVE, { id: t.id }, reader)).codes).toEqual(['FORBIDDEN']);
    expect((await fx.ask(RECEIVE, { id: t.id })).codes).toEqual([]);
    expect((await fx.ask(RECEIVE, { id: t.id })).codes).toEqual(['CONFLICT']);
    expect((await fx.ask(CANCEL, { id: t.id, reason: 'late' })).codes).toEqual(['CONFLICT']);
  });

  it('bad input is BAD_USER_INPUT naming each field, before anything is written', async () => {
    const before = await fx.count('SELECT count(*) AS n FROM stock_transfer');
    const { codes, fields } = await fx.ask(SEND, {
      input: {
        sku: 'G-2',
        fromWarehouseId: fx.warehouses.SHA,
        toWarehouseId: fx.warehouses.PEK,
        quantity: 2_000_000,
        reason: 'r'.repeat(501),
      },
    });
    expect(codes).toEqual(['BAD_USER_INPUT']);
    expect(fields).toEqual(['quantity', 'reason']);
    const result = await fx.ask(CANCEL, { id: 'x'.repeat(65), reason: 'late' });
    expect(result).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['id'] });
    expect(await fx.count('SELECT count(*) AS n FROM stock_transfer')).toBe(before);
  });
});
