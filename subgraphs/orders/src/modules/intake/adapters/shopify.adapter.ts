import { assembleOrder, type OrderDraft } from '../assemble-order';
import type { ChannelAdapter } from '../channel-adapter';
import { IntakeRecorder, firstGiven, rejectUnlessObject } from '../intake-recorder';
import type { IntakeResult, NormalizedOrder } from '../normalized-order';
import { formatMinor } from '../normalize/money';
import { joinText } from '../normalize/text';

/**
 * Shopify Admin REST order object, as the orders/create webhook sends it.
 * Money is decimal strings in the shop currency; times carry their offset.
 *
 * Discounts: `total_discounts` already includes what Shopify allocated to lines
 * (each line's `total_discount`), so it is the order discount as is; only when
 * it is absent is it rebuilt from the lines. `total_tax` is the order's tax:
 * with `taxes_included: true` it is inside the prices already, otherwise it
 * was added on top, and `total_price` (what the buyer pays) includes it.
 */
export class ShopifyAdapter implements ChannelAdapter {
  readonly channel = 'shopify';

  parse(payload: unknown): IntakeResult {
    const rejected = rejectUnlessObject(payload, 'a Shopify order');
    if (rejected) return rejected;
    const o = payload as Record<string, unknown>;
    const r = new IntakeRecorder();

    const externalId = r.id('id', o.id);
    const placedAt = r.instant('created_at', o.created_at);
    const currency = r.currency('currency', o.currency);
    const customer = r.object('customer', o.customer, false);
    const shippingAddress = readAddress(r, r.object('shipping_address', o.shipping_address));

    const lines: OrderDraft['lines'] = [];
    let lineDiscounts = 0;
    r.lines('line_items', o.line_items).forEach((item, i) => {
      const at = `line_items[${i}]`;
      const line = r.object(at, item);
      lines.push({
        sku: r.requiredText(`${at}.sku`, line.sku),
        quantity: r.quantity(`${at}.quantity`, line.quantity),
        unitMinor: r.money(`${at}.price`, line.price),
      });
      lineDiscounts += r.optionalMoney(`${at}.total_discount`, line.total_discount) ?? 0;
    });

    const totalDiscounts = r.optionalMoney('total_discounts', o.total_discounts);
    if (totalDiscounts !== null && lineDiscounts > totalDiscounts) {
      r.problem('total_discounts', `is less than the discounts on the lines (${formatMinor(lineDiscounts)})`);
    }
    const shippingMinor = r
      .list('shipping_lines', o.shipping_lines)
      .reduce<number>(
        (sum, s, i) => sum + r.money(`shipping_lines[${i}].price`, r.object(`shipping_lines[${i}]`, s).price),
        0,
      );

    const customerName = joinText([customer.first_name, customer.last_name], ' ');
    const buyerName = customerName ?? shippingAddress.name;
    if (buyerName === null)
      r.problem('customer', 'a buyer name is required (customer or shipping_address first/last name)');
    const email = firstGiven([
      ['email', o.email],
      ['customer.email', customer.email],
    ]);
    const phone = firstGiven([
      ['phone', o.phone],
      ['customer.phone', customer.phone],
    ]);
    const draft: OrderDraft = {
      channel: this.channel,
      externalId,
      buyer: {
        name: buyerName ?? '',
        email: email ? r.email(...email) : null,
        phone: phone ? r.phone(...phone, shippingAddress.country) : shippingAddress.phone,
        channelBuyerId: customer.id === undefined || customer.id === null ? null : r.id('customer.id', customer.id),
      },
      currency,
      lines,
      discountMinor: totalDiscounts ?? lineDiscounts,
      shippingMinor,
      tax: { minor: r.optionalMoney('total_tax', o.total_tax) ?? 0, inPrices: o.taxes_included === true },
      shippingAddress,
      placedAt,
    };
    return assembleOrder(r, draft, {
      discountField: 'total_discounts',
      stated: { field: 'total_price', minor: r.optionalMoney('total_price', o.total_price) },
    });
  }
}

function readAddress(r: IntakeRecorder, a: Record<string, unknown>): NormalizedOrder['shippingAddress'] {
  const country = a.country_code
    ? r.country('shipping_address.country_code', a.country_code)
    : r.country('shipping_address.country', a.country);
  return {
    name: r.text('shipping_address.name', a.name) ?? joinText([a.first_name, a.last_name], ' '),
    phone: r.phone('shipping_address.phone', a.phone, country),
    country,
    province:
      r.text('shipping_address.province', a.province) ?? r.text('shipping_address.province_code', a.province_code),
    city: r.text('shipping_address.city', a.city),
    // address2 (suite, floor) is part of where the parcel goes, so it stays on the one line.
    line1: joinText([a.address1, a.address2], ', '),
    postalCode: r.text('shipping_address.zip', a.zip),
  };
}
