import { EventTypes, SCOPES, type Principal, type ReturnReceived, type ReturnRouted } from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { BEIJING, SHANGHAI, startReturnsDb, type ReturnsFixture } from './returns-fixture';

const tmallBot: Principal = { sub: 'tmall-bot', scopes: new Set(SCOPES), channels: ['tmall'], kind: 'client' };

const RECEIPT = `query($id: ID!) { returnReceipt(returnId: $id) {
  returnId status routingReason receivedAt warehouse { code acceptsReturns } lines { lineNo sku quantity restocked } } }`;
const RECEIVE = 'mutation($id: ID!) { receiveReturn(returnId: $id) { status receivedAt } }';
const ACCEPTS = `mutation($id: ID!, $on: Boolean!) { setWarehouseAcceptsReturns(id: $id, acceptsReturns: $on) {
  code acceptsReturns } }`;

describeEachBackend('inventory: an authorised return goes to the nearest suitable warehouse', (backend) => {
  let fx: ReturnsFixture;

  beforeAll(async () => {
    fx = await startReturnsDb(backend);
    await fx.stock('RT-ALL', { SHA: { onHand: 5 }, PEK: { onHand: 5 } });
    await fx.db.query(
      `INSERT INTO stock_level (sku, warehouse_id, on_hand, reserved, safety_stock) VALUES
      ('RT-ALL', $1, 0, 0, 0)`,
      [fx.ksh],
    );
    await fx.stock('RT-PEK', { PEK: { onHand: 5 } });
  });
  afterAll(() => fx?.close());

  const route = async (ret: ReturnType<ReturnsFixture['authorised']>) => {
    await fx.deliver('inventory.route-return', EventTypes.returnAuthorised, ret.returnId, ret);
    const [routed] = await fx.emitted<ReturnRouted>(EventTypes.returnRouted, ret.returnId);
    return routed;
  };
  const codeOf = (id: string) => ({ [fx.warehouses.SHA]: 'SHA', [fx.warehouses.PEK]: 'PEK', [fx.ksh]: 'KSH' })[id];

  it('picks the nearest warehouse that stocks the SKUs; the one that shipped the order wins a near tie', async () => {
    const nearest = await route(fx.authorised([{ sku: 'RT-ALL', quantity: 2 }], { shipFrom: SHANGHAI }));
    expect(codeOf(nearest.warehouse.id)).toBe('SHA');
    expect(nearest.reason).toMatch(/^SHA: nearest of 3 suitable/);
    // KSH is ~20 km further than SHA from Shanghai: within the margin, so the warehouse that shipped it takes it back.
    const shipped = await route(
      fx.authorised([{ sku: 'RT-ALL', quantity: 1 }], { shipFrom: SHANGHAI, shippedFrom: [fx.ksh] }),
    );
    expect(codeOf(shipped.warehouse.id)).toBe('KSH');
    expect(shipped.reason).toMatch(/shipped the order, within 100 km of the nearest \(SHA/);
    // PEK shipped it, but is a thousand kilometres further: distance wins.
    const far = await route(
      fx.authorised([{ sku: 'RT-ALL', quantity: 1 }], { shipFrom: SHANGHAI, shippedFrom: [fx.warehouses.PEK] }),
    );
    expect(codeOf(far.warehouse.id)).toBe('SHA');
    // Only PEK stocks every SKU of this return.
    const stocked = await route(
      fx.authorised(
        [
          { sku: 'RT-ALL', quantity: 1 },
          { sku: 'RT-PEK', quantity: 1 },
        ],
        { shipFrom: SHANGHAI },
      ),
    );
    expect(codeOf(stocked.warehouse.id)).toBe('PEK');
    expect(stocked.warehouse).toMatchObject({ code: 'PEK', city: 'Beijing' });
    expect(stocked.lines).toEqual([
      { lineNo: 1, sku: 'RT-ALL', quantity: 1 },
      { lineNo: 2, sku: 'RT-PEK', quantity: 1 },
    ]);
  });

  it('never routes to a warehouse that does not accept returns; the switch is a mutation', async () => {
    const off = await fx.ask(ACCEPTS, { id: fx.warehouses.SHA, on: false });
    expect(off.codes).toEqual([]);
    expect(off.data).toEqual({ setWarehouseAcceptsReturns: { code: 'SHA', acceptsReturns: false } });
    try {
      const ret = fx.authorised([{ sku: 'RT-ALL', quantity: 1 }], {
        shipFrom: SHANGHAI,
        shippedFrom: [fx.warehouses.SHA],
      });
      const routed = await route(ret);
      expect(codeOf(routed.warehouse.id)).toBe('KSH');
      const read = await fx.ask(RECEIPT, { id: ret.returnId });
      expect(read.data?.returnReceipt).toMatchObject({
        status: 'ROUTED',
        warehouse: { code: 'KSH', acceptsReturns: true },
      });
    } finally {
      await fx.ask(ACCEPTS, { id: fx.warehouses.SHA, on: true });
    }
    const unknown = await fx.ask(ACCEPTS, { id: '00000000-0000-4000-8000-000000000000', on: false });
    expect(unknown.codes).toEqual(['NOT_FOUND']);
  });

  it('a return delivered twice, or twice at once, has one receipt and one return.routed', async () => {
    const ret = fx.authorised([{ sku: 'RT-ALL', quantity: 1 }], { shipFrom: BEIJING });
    await Promise.all(
      [1, 2, 3].map(() => fx.deliver('inventory.route-return', EventTypes.returnAuthorised, ret.returnId, ret)),
    );
    await fx.deliver('inventory.route-return', EventTypes.returnAuthorised, ret.returnId, ret);
    expect(await fx.count('SELECT count(*) AS n FROM return_receipt WHERE return_id = $1', [ret.returnId])).toBe(1);
    const routed = await fx.emitted<ReturnRouted>(EventTypes.returnRouted, ret.returnId);
    expect(routed).toHaveLength(1);
    expect(codeOf(routed[0].warehouse.id)).toBe('PEK');
  });

  it('DELIVERED receives the return once; a dock booking does too, and a second one is CONFLICT', async () => {
    const byCarrier = fx.authorised([{ sku: 'RT-ALL', quantity: 1 }], { shipFrom: SHANGHAI });
    await fx.routeAndReceive(byCarrier);
    await fx.routeAndReceive(byCarrier);
    const received = await fx.emitted<ReturnReceived>(EventTypes.returnReceived, byCarrier.returnId);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ returnId: byCarrier.returnId, orderId: byCarrier.orderId });
    expect((await fx.ask(RECEIPT, { id: byCarrier.returnId })).data?.returnReceipt).toMatchObject({
      status: 'RECEIVED',
    });
    // A dock booking after the carrier's scan changes nothing.
    const again = await fx.ask(RECEIVE, { id: byCarrier.returnId });
    expect(again.codes).toEqual(['CONFLICT']);

    const atDock = fx.authorised([{ sku: 'RT-ALL', quantity: 1 }], { shipFrom: SHANGHAI });
    await fx.deliver('inventory.route-return', EventTypes.returnAuthorised, atDock.returnId, atDock);
    const booked = await fx.ask(RECEIVE, { id: atDock.returnId });
    expect(booked.codes).toEqual([]);
    expect(booked.data?.receiveReturn).toMatchObject({ status: 'RECEIVED' });
    expect(await fx.emitted(EventTypes.returnReceived, atDock.returnId)).toHaveLength(1);
    expect((await fx.ask(RECEIVE, { id: '00000000-0000-4000-8000-000000000000' })).codes).toEqual(['NOT_FOUND']);
  });

  it("a channel-scoped caller sees and books in only its channels' returns", async () => {
    const webstore = fx.authorised([{ sku: 'RT-ALL', quantity: 1 }]);
    const tmall = fx.authorised([{ sku: 'RT-ALL', quantity: 1 }], { channel: 'tmall' });
    for (const r of [webstore, tmall])
      await fx.deliver('inventory.route-return', EventTypes.returnAuthorised, r.returnId, r);
    expect((await fx.ask(RECEIPT, { id: webstore.returnId }, tmallBot)).data?.returnReceipt).toBeNull();
    expect((await fx.ask(RECEIPT, { id: tmall.returnId }, tmallBot)).data?.returnReceipt).toMatchObject({
      returnId: tmall.returnId,
    });
    const refs = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Return { id warehouse { code }
      receipt { status } } } }`;
    const entities = await fx.ask(
      refs,
      { r: [webstore, tmall].map((x) => ({ __typename: 'Return', id: x.returnId })) },
      tmallBot,
    );
    expect(entities.data?._entities).toEqual([
      { id: webstore.returnId, warehouse: null, receipt: null },
      { id: tmall.returnId, warehouse: { code: expect.any(String) }, receipt: { status: 'ROUTED' } },
    ]);
    expect((await fx.ask(RECEIVE, { id: webstore.returnId }, tmallBot)).codes).toEqual(['FORBIDDEN']);
    expect((await fx.ask(RECEIPT, { id: webstore.returnId })).data?.returnReceipt).toMatchObject({ status: 'ROUTED' });
  });
});
