import { randomUUID } from 'node:crypto';
import { describeEachBackend } from '@supply-graph/shared/testing';
import { DEFAULT_RISK_SETTINGS } from '../../../config';
import { holdOrder } from '../../lifecycle/release-order.service';
import { completeBuyerIdentification } from '../buyer-identified.consumer';
import { placeOrder } from '../intake.service';
import { defaultRiskRules } from '../../risk/risk-engine';
import { input, intakeDatabase, stubPeer } from './intake-support';

const DEFAULT_RULES = defaultRiskRules(DEFAULT_RISK_SETTINGS);

describeEachBackend('intake identifies the buyer without waiting on customers', (backend) => {
  const intake = intakeDatabase(backend, 'intake_buyer');
  /** Customers' answer arrives over the bus (`buyer.identified`), handled as the consumer does. */
  const identified = (orderId: string, customerId: string, matchedBy: string) =>
    intake.inTx((tx) =>
      completeBuyerIdentification(tx, { orderId, customerId, matchedBy }, DEFAULT_RISK_SETTINGS, DEFAULT_RULES),
    );
  beforeAll(() => intake.catalogue());

  it('identifies a buyer customers names in time, announcing the order in the same transaction', async () => {
    const customerId = randomUUID();
    const customers = await stubPeer(() => ({ data: { identifyBuyer: { customerId, matchedBy: 'email' } } }));
    try {
      const { orderId } = await placeOrder(intake.contextFor({ customers: customers.url }), input('SKU-A'));
      expect(await intake.db.query('SELECT customer_id, status FROM sales_order WHERE id = $1', [orderId])).toEqual([
        { customer_id: customerId, status: 'PENDING' },
      ]);
      const events = await intake.eventsOf(orderId);
      expect(events.map((e) => e.type)).toEqual(['order.placed', 'order.status-changed']);
      expect(events[0].payload).toMatchObject({ customerId, held: false });
    } finally {
      await customers.close();
    }
  });

  it('accepts the order without a customer while customers is down and asks for the buyer over the bus', async () => {
    const ctx = intake.contextFor({});
    const { orderId, created } = await placeOrder(
      ctx,
      input('SKU-A', { buyer: { name: 'Zhao Lei', phone: '+8613800138000' } }),
    );
    expect(created).toBe(true);
    expect(await intake.db.query('SELECT customer_id, status FROM sales_order WHERE id = $1', [orderId])).toEqual([
      { customer_id: null, status: 'PENDING' },
    ]);
    expect(
      await intake.db.query('SELECT to_status, reason FROM order_status_change WHERE order_id = $1', [orderId]),
    ).toEqual([{ to_status: 'PENDING', reason: expect.stringContaining('awaiting buyer identification') }]);
    // Nothing tells inventory to allocate before the customer is known.
    const events = await intake.eventsOf(orderId);
    expect(events.map((e) => e.type)).toEqual(['buyer.identification-requested']);
    expect(events[0].payload).toEqual({
      orderId,
      channel: 'webstore',
      buyer: { name: 'Zhao Lei', email: null, phone: '+8613800138000', channelBuyerId: null },
    });
    // An operator cannot move it meanwhile: every status event names a customer.
    await expect(holdOrder(ctx, orderId, 'looks odd')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('awaiting buyer identification'),
    });

    const customerId = randomUUID();
    expect(await identified(orderId, customerId, 'phone')).toBe(true);
    expect(await intake.db.query('SELECT customer_id, status FROM sales_order WHERE id = $1', [orderId])).toEqual([
      { customer_id: customerId, status: 'PENDING' },
    ]);
    const after = await intake.eventsOf(orderId);
    expect(after.map((e) => e.type)).toEqual([
      'buyer.identification-requested',
      'order.placed',
      'order.status-changed',
    ]);
    expect(after[1].payload).toMatchObject({
      orderId,
      customerId,
      channel: 'webstore',
      held: false,
      lines: [{ lineNo: 1, sku: 'SKU-A', quantity: 1 }],
    });
    expect(after[2]).toMatchObject({
      aggregate_version: 1,
      payload: { customerId, from: null, to: 'PENDING', version: 1 },
    });

    // A repeated answer changes nothing, even one naming another customer.
    expect(await identified(orderId, randomUUID(), 'new')).toBe(false);
    expect(await intake.eventsOf(orderId)).toHaveLength(3);
    expect(await intake.db.query('SELECT customer_id FROM sales_order WHERE id = $1', [orderId])).toEqual([
      { customer_id: customerId },
    ]);
    // Now it moves like any order.
    await holdOrder(ctx, orderId, 'looks odd');
  });

  it('runs the skipped risk rules once the buyer is identified: a big first order is held then', async () => {
    const { orderId } = await placeOrder(
      intake.contextFor({}),
      input('SKU-A', { lines: [{ sku: 'SKU-A', quantity: 1, unitPrice: '9000.00' }] }),
    );
    expect(await intake.db.query('SELECT risk_score, risk_flags FROM sales_order WHERE id = $1', [orderId])).toEqual([
      { risk_score: 0, risk_flags: [] },
    ]);
    await identified(orderId, randomUUID(), 'new');
    const [row] = (await intake.db.query('SELECT status, risk_flags FROM sales_order WHERE id = $1', [orderId])) as {
      status: string;
      risk_flags: string[];
    }[];
    expect(row).toEqual({ status: 'ON_HOLD', risk_flags: ['HIGH_VALUE_NEW_CUSTOMER'] });
    const events = await intake.eventsOf(orderId);
    expect(events.map((e) => e.type)).toEqual([
      'buyer.identification-requested',
      'order.placed',
      'order.status-changed',
      'order.status-changed',
    ]);
    expect(events[1].payload).toMatchObject({ held: true });
    expect(events[3].payload).toMatchObject({ from: 'PENDING', to: 'ON_HOLD', version: 2 });
  });

  it('does not wait for a slow customers longer than ORDERS_BUYER_IDENTIFY_TIMEOUT_MS', async () => {
    const customers = await stubPeer(
      () => ({ data: { identifyBuyer: { customerId: randomUUID(), matchedBy: 'new' } } }),
      3000,
    );
    try {
      const started = Date.now();
      const { orderId } = await placeOrder(
        intake.contextFor({ customers: customers.url }, { intake: { buyerIdentifyTimeoutMs: 200 } }),
        input('SKU-A'),
      );
      expect(Date.now() - started).toBeLessThan(1500);
      expect(await intake.db.query('SELECT customer_id FROM sales_order WHERE id = $1', [orderId])).toEqual([
        { customer_id: null },
      ]);
    } finally {
      await customers.close();
    }
  });

  it('refuses a buyer customers refuses', async () => {
    const customers = await stubPeer(() => ({
      errors: [
        {
          message: 'The buyer needs a name',
          extensions: { code: 'BAD_USER_INPUT', problems: [{ field: 'name', message: 'must not be blank' }] },
        },
      ],
    }));
    try {
      await expect(placeOrder(intake.contextFor({ customers: customers.url }), input('SKU-A'))).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    } finally {
      await customers.close();
    }
  });
});
