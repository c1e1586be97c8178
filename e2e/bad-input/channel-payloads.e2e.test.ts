import type { ResultOf } from '@graphql-typed-document-node/core';
import { channelFixture } from '@supply-graph/shared/testing';
import { describePlatformSuite } from '../support/backends';
import { graphql } from '../generated/suites';
import { expectOneError } from '../support/expect-error';
import { usePlatform } from '../support/use-platform';
import { eventually } from '../support/wait';

const IMPORT = graphql(`
  mutation PayloadsImport($channel: String!, $payload: JSON!) {
    importChannelOrder(channel: $channel, payload: $payload) { created order { id } }
  }
`);
const BATCH = graphql(`
  mutation PayloadsBatch($channel: String!, $payloads: [JSON!]!) {
    importChannelOrders(channel: $channel, payloads: $payloads) {
      index created order { id externalId } errors { field message }
    }
  }
`);
const QUALITY = graphql(`
  query PayloadsQuality($channel: String, $since: DateTime) {
    intakeQuality(channel: $channel, since: $since) { received accepted duplicates rejected }
  }
`);
const REJECTIONS = graphql(`
  query PayloadsRejections($channel: String) {
    recentRejections(channel: $channel, first: 1) { externalId problems { field message } }
  }
`);

type Problem = ResultOf<typeof REJECTIONS>['recentRejections'][number]['problems'][number];
/** A channel sample broken in several ways, and every problem intake must name for it. */
interface BrokenPayload {
  payload: unknown;
  externalId: string;
  problems: Problem[];
}
/** A broken payload with its problems given as field: message, in the order of their fields. */
const brokenPayload = (payload: unknown, externalId: string, problems: Record<string, string>): BrokenPayload => ({
  payload,
  externalId,
  problems: Object.entries(problems).map(([field, message]) => ({ field, message })),
});

let serial = 0;
/** A fresh order number per payload, so each rejection can be told apart in the intake log. */
const unique = () => `${Date.now()}${(serial += 1)}`;
const json = (file: string) => JSON.parse(channelFixture(file));

/** The POS sample receipt with cells replaced by column name, per row (`rows[0]` is the first after the header). */
function posReceipt(edit: (row: Record<string, string>, index: number) => void): string {
  const [header, ...lines] = channelFixture('pos-receipt.csv').trim().split('\n');
  const columns = header.split(',');
  const rows = lines.map((line, i) => {
    const row = Object.fromEntries(line.split(',').map((cell, c) => [columns[c], cell]));
    edit(row, i);
    return columns.map((column) => row[column]).join(',');
  });
  return [header, ...rows].join('\n');
}

// Each channel's sample with a missing buyer, address or time field and broken
// amounts: negative and zero quantities, money that is not a number, more than
// two decimals, fen with decimals, another currency. Unknown SKUs and channels,
// a zero Tmall quantity, a Tmall trade without receiver or lines, and a
// placeOrder with three decimals are covered by bad-input and intake-quality.
const BROKEN: Record<string, () => BrokenPayload> = {
  shopify: () => {
    const o = json('shopify-order.json');
    o.id = Number(unique());
    delete o.shipping_address;
    o.line_items[0].quantity = -2;
    o.line_items[1].price = '70.005';
    return brokenPayload(o, String(o.id), {
      'line_items[0].quantity': 'number -2 is not a positive whole number',
      'line_items[1].price': '70.005 has more than 2 decimals',
      shipping_address: 'is required',
    });
  },
  amazon: () => {
    const o = json('amazon-order.json');
    o.AmazonOrderId = `113-${unique()}`;
    o.OrderItems[0].QuantityOrdered = -1;
    o.OrderItems[0].ItemPrice = { CurrencyCode: 'EUR', Amount: '64.98' };
    delete o.ShippingAddress.CountryCode;
    return brokenPayload(o, o.AmazonOrderId, {
      'OrderItems[0].ItemPrice.CurrencyCode': 'currency mismatch: EUR here, the order is in USD (OrderTotal)',
      'OrderItems[0].QuantityOrdered': 'number -1 is not a positive whole number',
      'ShippingAddress.CountryCode': 'a country is required',
    });
  },
  tmall: () => {
    const o = json('tmall-trade.json');
    o.trade.tid = unique();
    delete o.trade.created;
    o.trade.orders.order[0].price = '299.001';
    o.trade.orders.order[1].num = -1;
    o.trade.post_fee = 'free';
    return brokenPayload(o, o.trade.tid, {
      'trade.created': 'a date and time is required',
      'trade.orders.order[0].price': '299.001 has more than 2 decimals',
      'trade.orders.order[1].num': 'number -1 is not a positive whole number',
      'trade.post_fee': '"free" is not a decimal amount',
    });
  },
  jd: () => {
    const o = json('jd-order.json');
    o.orderId = unique();
    delete o.consigneeInfo.fullname;
    o.itemInfoList[0].itemTotal = '-2';
    o.itemInfoList[0].jdPrice = '258,00';
    return brokenPayload(o, o.orderId, {
      'consigneeInfo.fullname': 'is required',
      'itemInfoList[0].itemTotal': '"-2" is not a positive whole number',
      'itemInfoList[0].jdPrice': '"258,00" is not a decimal amount',
    });
  },
  douyin: () => {
    const o = json('douyin-order.json');
    const d = o.shop_order_detail;
    d.order_id = unique();
    delete d.post_receiver;
    d.sku_order_list[0].item_num = 0;
    d.sku_order_list[0].origin_amount = '258.00';
    return brokenPayload(o, d.order_id, {
      'shop_order_detail.post_receiver': 'is required',
      'shop_order_detail.sku_order_list[0].item_num': 'number 0 is not a positive whole number',
      'shop_order_detail.sku_order_list[0].origin_amount': '258.00 is not a whole number of minor units (fen)',
    });
  },
  pos: () => {
    const receiptNo = `R-BAD-${unique()}`;
    const payload = posReceipt((row, i) => {
      row.receipt_no = receiptNo;
      row.sold_at = '';
      if (i === 0) row.unit_price = '199.001';
      if (i === 1) row.qty = '-1';
      if (i === 2) row.currency = 'USD';
    });
    return brokenPayload(payload, `SH-JINGAN-01:${receiptNo}`, {
      'rows[0].sold_at': 'a date and time is required',
      'rows[0].unit_price': '199.001 has more than 2 decimals',
      'rows[1].qty': '"-1" is not a positive whole number',
      'rows[2].currency': '"USD" differs from the first row\'s "CNY": one payload is one receipt',
    });
  },
};

const byField = (a: Problem, b: Problem) => a.field.localeCompare(b.field);

describePlatformSuite(
  'malformed channel payloads: every problem named, nothing stored but the rejection',
  (backend) => {
    const { db, ask } = usePlatform(backend, { customers: 30, orders: 60 });

    /**
     * Rows of every table an order reaches, leaving out one order and its
     * customer (null: none): what a rejected payload must not change.
     */
    const snapshot = async (orderId: string | null = null, customerId: string | null = null) =>
      (
        await db.rows<Record<string, number>>(
          `SELECT
         (SELECT count(*)::int FROM orders.sales_order WHERE id IS DISTINCT FROM $1::uuid) AS orders,
         (SELECT count(*)::int FROM orders.order_line WHERE order_id IS DISTINCT FROM $1::uuid) AS lines,
         (SELECT count(*)::int FROM orders.outbox
          WHERE aggregate_id IS DISTINCT FROM $3::text AND type NOT IN ('audit.recorded', 'entity.changed')
            -- the desk opens work items for the seed's stock alerts in the background, whatever the payloads do
            AND type NOT LIKE 'work-item.%') AS events,
         (SELECT count(*)::int FROM customers.customer WHERE id IS DISTINCT FROM $2::uuid) AS customers,
         (SELECT count(*)::int FROM customers.channel_identity
          WHERE customer_id IS DISTINCT FROM $2::uuid) AS identities,
         (SELECT count(*)::int FROM inventory.allocation WHERE order_id IS DISTINCT FROM $1::uuid) AS allocations,
         (SELECT count(*)::int FROM inventory.backorder WHERE order_id IS DISTINCT FROM $1::uuid) AS backorders,
         (SELECT count(*)::int FROM logistics.shipment WHERE order_id IS DISTINCT FROM $1::uuid) AS shipments`,
          [orderId, customerId, orderId],
        )
      )[0];

    it.each(Object.keys(BROKEN))(
      '%s: one BAD_USER_INPUT naming every problem; only a REJECTED intake record is written',
      async (channel) => {
        const broken = BROKEN[channel]();
        const since = new Date().toISOString();
        const before = await snapshot();

        const error = expectOneError(
          await ask(IMPORT, { channel, payload: broken.payload }),
          'BAD_USER_INPUT',
          /rejected/,
        );
        expect([...(error.extensions!.problems as Problem[])].sort(byField)).toEqual(broken.problems);
        // The message alone tells a partner what to fix.
        for (const problem of broken.problems) expect(error.message).toContain(`${problem.field}: ${problem.message}`);

        expect(await snapshot()).toEqual(before);
        const quality = await ask(QUALITY, { channel, since });
        expect(quality.data!.intakeQuality).toEqual([{ received: 1, accepted: 0, duplicates: 0, rejected: 1 }]);
        const [rejection] = (await ask(REJECTIONS, { channel })).data!.recentRejections;
        expect(rejection.externalId).toBe(broken.externalId);
        expect([...rejection.problems].sort(byField)).toEqual(broken.problems);
      },
    );

    // Last: the good order's stock and shipment work goes on after the answer, and
    // must not land between another test's snapshots.
    it('importChannelOrders: the good payload is placed whole, the bad one gets its errors, leaves nothing', async () => {
      const good = json('jd-order.json');
      good.orderId = unique();
      good.pin = `jd_good_${unique()}`;
      const bad = BROKEN.jd();
      const badPin = `jd_bad_${unique()}`;
      (bad.payload as { pin: string }).pin = badPin;
      const before = await snapshot();

      const response = await ask(BATCH, {
        channel: 'jd',
        payloads: [good, bad.payload],
      });
      expect(response.errors).toBeUndefined();
      const [placed, refused] = response.data!.importChannelOrders;
      expect(placed).toMatchObject({ index: 0, created: true, order: { externalId: good.orderId }, errors: [] });
      expect(refused).toMatchObject({ index: 1, created: false, order: null });
      expect([...refused.errors].sort(byField)).toEqual(bad.problems);

      const orderId = placed.order!.id;
      const [{ customer_id: customerId }] = await db.rows<{ customer_id: string }>(
        'SELECT customer_id FROM orders.sales_order WHERE id = $1',
        [orderId],
      );
      // The good order is whole (its line, its buyer) and goes on to stock.
      expect(await db.rows('SELECT sku, quantity FROM orders.order_line WHERE order_id = $1', [orderId])).toEqual([
        { sku: 'SKU-0120', quantity: 2 },
      ]);
      expect(
        await db.rows('SELECT channel, external_id FROM customers.channel_identity WHERE customer_id = $1', [
          customerId,
        ]),
      ).toEqual([{ channel: 'jd', external_id: good.pin }]);
      await eventually(async () => {
        const [row] = await db.rows<{ status: string }>('SELECT status FROM orders.sales_order WHERE id = $1', [
          orderId,
        ]);
        return ['ALLOCATED', 'BACKORDERED'].includes(row.status) || undefined;
      }, 'the good order allocated or backordered');

      // Besides the good order, its buyer and their events, nothing moved.
      expect(await snapshot(orderId, customerId)).toEqual(before);
      expect(await snapshot()).not.toEqual(before);
      expect(
        await db.rows('SELECT 1 FROM orders.sales_order WHERE channel_code = $1 AND external_id = $2', [
          'jd',
          bad.externalId,
        ]),
      ).toEqual([]);
      expect(await db.rows('SELECT 1 FROM customers.channel_identity WHERE external_id = $1', [badPin])).toEqual([]);
      const log = await db.rows<{ external_id: string; outcome: string; order_id: string | null }>(
        `SELECT external_id, outcome, order_id FROM orders.intake_record
       WHERE channel = $1 AND external_id = ANY($2) ORDER BY outcome`,
        ['jd', [good.orderId, bad.externalId]],
      );
      expect(log).toEqual([
        { external_id: good.orderId, outcome: 'ACCEPTED', order_id: orderId },
        { external_id: bad.externalId, outcome: 'REJECTED', order_id: null },
      ]);
    });
  },
);
