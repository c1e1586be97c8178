import { randomUUID } from 'node:crypto';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { DEFAULT_RISK_SETTINGS } from '../../../config';
import { intakeQualityService } from '../../intake-quality/intake-quality.service';
import { defaultRiskRules } from '../../risk/risk-engine';
import { completeBuyerIdentification } from '../buyer-identified.consumer';
import { placeOrder } from '../intake.service';
import { input, intakeDatabase, stubPeer } from './intake-support';

const DEFAULT_RULES = defaultRiskRules(DEFAULT_RISK_SETTINGS);
const anonymous = (extra: Record<string, unknown> = {}) =>
  input('SKU-A', { channel: 'shopify', buyer: { name: 'Nobody Known' }, ...extra });

describeEachBackend('orders without a buyer identity go to the channel guest', (backend) => {
  const intake = intakeDatabase(backend, 'intake_guest');
  beforeAll(() => intake.catalogue());

  it('asks customers for the guest, says guest on order.placed with the total, and flags the intake', async () => {
    const guestId = randomUUID();
    const asked: unknown[] = [];
    const customers = await stubPeer((body) => {
      asked.push((body as { variables?: { input?: unknown } }).variables?.input);
      return { data: { identifyBuyer: { customerId: guestId, matchedBy: 'identity', guest: true } } };
    });
    try {
      const ctx = intake.contextFor({ customers: customers.url });
      const { orderId } = await placeOrder(ctx, anonymous());
      expect(asked).toEqual([
        {
          channel: 'shopify',
          channelBuyerId: 'guest:shopify',
          name: 'Guest (Shopify)',
          email: null,
          phone: null,
          guest: true,
        },
      ]);
      const [placed] = await intake.eventsOf(orderId);
      expect(placed).toMatchObject({
        type: 'order.placed',
        payload: { customerId: guestId, guest: true, total: '20.00', currency: 'CNY' },
      });
      const [shopify] = await intakeQualityService.quality(ctx, 'shopify', null);
      expect(shopify.flagsByCode).toEqual([{ flag: 'BUYER_ANONYMOUS', count: 1 }]);
      // A real buyer's order is not flagged.
      await placeOrder(ctx, input('SKU-A', { channel: 'shopify' }));
      const [again] = await intakeQualityService.quality(ctx, 'shopify', null);
      expect([again.accepted, again.flagsByCode]).toEqual([2, [{ flag: 'BUYER_ANONYMOUS', count: 1 }]]);
    } finally {
      await customers.close();
    }
  });

  it("scores a guest's big order as a new customer's, however many orders the guest has", async () => {
    const guestId = randomUUID();
    const customers = await stubPeer(() => ({
      data: { identifyBuyer: { customerId: guestId, matchedBy: 'identity', guest: true } },
    }));
    try {
      const ctx = intake.contextFor({ customers: customers.url });
      await placeOrder(ctx, anonymous({ channel: 'amazon' }));
      const big = await placeOrder(
        ctx,
        anonymous({ channel: 'amazon', lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: '9000.00' }] }),
      );
      expect(await intake.db.query('SELECT status, risk_flags FROM sales_order WHERE id = $1', [big.orderId])).toEqual([
        { status: 'ON_HOLD', risk_flags: ['HIGH_VALUE_NEW_CUSTOMER'] },
      ]);
    } finally {
      await customers.close();
    }
  });

  it('asks for the guest over the bus when customers is down, and completes it as a guest', async () => {
    const { orderId } = await placeOrder(intake.contextFor({}), anonymous({ channel: 'tmall' }));
    const [request] = await intake.eventsOf(orderId);
    expect(request.payload).toMatchObject({ buyer: { channelBuyerId: 'guest:tmall', guest: true } });
    const guestId = randomUUID();
    await intake.inTx((tx) =>
      completeBuyerIdentification(
        tx,
        { orderId, customerId: guestId, matchedBy: 'new', guest: true },
        DEFAULT_RISK_SETTINGS,
        DEFAULT_RULES,
      ),
    );
    const events = await intake.eventsOf(orderId);
    expect(events[1]).toMatchObject({ type: 'order.placed', payload: { customerId: guestId, guest: true } });
  });
});
