import { assembleOrder, splitLineTotal, type OrderDraft } from '../assemble-order';
import type { ChannelAdapter } from '../channel-adapter';
import { IntakeRecorder, rejectUnlessObject } from '../intake-recorder';
import type { IntakeResult } from '../normalized-order';
import { joinText } from '../normalize/text';

/**
 * Amazon SP-API getOrder payload with its getOrderItems list merged in as
 * `OrderItems`. Money comes as `{ CurrencyCode, Amount }` objects; the order's
 * currency is OrderTotal's, and every other Money must be in it.
 *
 * `ItemPrice` is the price of all `QuantityOrdered` units together. Promotion
 * and shipping discounts both reduce what the buyer pays, so both count as the
 * order discount. Item and shipping tax come on top of the prices: they are
 * the order's tax, and in its total as in OrderTotal.
 */
export class AmazonAdapter implements ChannelAdapter {
  readonly channel = 'amazon';

  parse(payload: unknown): IntakeResult {
    const rejected = rejectUnlessObject(payload, 'an Amazon order');
    if (rejected) return rejected;
    const o = payload as Record<string, unknown>;
    const r = new IntakeRecorder();
    const orderTotal = r.object('OrderTotal', o.OrderTotal);
    const currency = r.currency('OrderTotal.CurrencyCode', orderTotal.CurrencyCode);
    const money = new MoneyReader(r, currency);

    const lines: OrderDraft['lines'] = [];
    let discountMinor = 0;
    let shippingMinor = 0;
    let taxMinor = 0;
    r.lines('OrderItems', o.OrderItems).forEach((entry, i) => {
      const at = `OrderItems[${i}]`;
      const item = r.object(at, entry);
      const quantity = r.quantity(`${at}.QuantityOrdered`, item.QuantityOrdered);
      const itemPrice = money.required(`${at}.ItemPrice`, item.ItemPrice);
      lines.push({
        sku: r.requiredText(`${at}.SellerSKU`, item.SellerSKU),
        quantity,
        unitMinor: splitLineTotal(r, `${at}.ItemPrice.Amount`, itemPrice, quantity),
      });
      discountMinor += money.optional(`${at}.PromotionDiscount`, item.PromotionDiscount);
      discountMinor += money.optional(`${at}.ShippingDiscount`, item.ShippingDiscount);
      shippingMinor += money.optional(`${at}.ShippingPrice`, item.ShippingPrice);
      taxMinor += money.optional(`${at}.ItemTax`, item.ItemTax);
      taxMinor += money.optional(`${at}.ShippingTax`, item.ShippingTax);
    });

    const buyerInfo = r.object('BuyerInfo', o.BuyerInfo, false);
    const address = r.object('ShippingAddress', o.ShippingAddress);
    const country = r.country('ShippingAddress.CountryCode', address.CountryCode);
    const phone = r.phone('ShippingAddress.Phone', address.Phone, country);
    const addressName = r.text('ShippingAddress.Name', address.Name);
    const name = r.text('BuyerInfo.BuyerName', buyerInfo.BuyerName) ?? addressName;
    if (name === null)
      r.problem('BuyerInfo.BuyerName', 'a buyer name is required (BuyerInfo.BuyerName or ShippingAddress.Name)');
    // The relay address is Amazon's only stable key for a buyer: names and phones are optional PII.
    const email = r.email('BuyerInfo.BuyerEmail', buyerInfo.BuyerEmail);

    const draft: OrderDraft = {
      channel: this.channel,
      externalId: r.id('AmazonOrderId', o.AmazonOrderId),
      buyer: { name: name ?? '', email, phone, channelBuyerId: email },
      currency,
      lines,
      discountMinor,
      shippingMinor,
      tax: { minor: taxMinor, inPrices: false },
      shippingAddress: {
        name: addressName,
        phone,
        country,
        province: r.text('ShippingAddress.StateOrRegion', address.StateOrRegion),
        city: r.text('ShippingAddress.City', address.City),
        line1: joinText([address.AddressLine1, address.AddressLine2, address.AddressLine3], ', '),
        postalCode: r.text('ShippingAddress.PostalCode', address.PostalCode),
      },
      placedAt: r.instant('PurchaseDate', o.PurchaseDate),
    };
    return assembleOrder(r, draft, {
      discountField: 'OrderItems',
      stated: { field: 'OrderTotal.Amount', minor: r.money('OrderTotal.Amount', orderTotal.Amount) },
    });
  }
}

/** Reads SP-API Money objects, holding each to the order's currency. */
class MoneyReader {
  constructor(
    private readonly r: IntakeRecorder,
    private readonly currency: string,
  ) {}

  required(field: string, value: unknown): number {
    const money = this.r.object(field, value);
    this.checkCurrency(field, money.CurrencyCode);
    return this.r.money(`${field}.Amount`, money.Amount);
  }

  /** Absent reads as 0. */
  optional(field: string, value: unknown): number {
    if (value === undefined || value === null) return 0;
    const money = this.r.object(field, value);
    this.checkCurrency(field, money.CurrencyCode);
    return this.r.optionalMoney(`${field}.Amount`, money.Amount) ?? 0;
  }

  private checkCurrency(field: string, code: unknown): void {
    // An unknown order currency is already a problem; comparing against it would only repeat it.
    if (!this.currency) return;
    const given = typeof code === 'string' ? code.trim().toUpperCase() : '';
    if (given !== this.currency) {
      this.r.amountProblem(
        `${field}.CurrencyCode`,
        `currency mismatch: ${String(code ?? 'none')} here, the order is in ${this.currency} (OrderTotal)`,
      );
    }
  }
}
