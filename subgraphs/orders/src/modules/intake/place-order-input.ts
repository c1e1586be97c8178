import { assembleOrder, type OrderDraft } from './assemble-order';
import type { IntakeOptions } from './channel-adapter';
import { IntakeRecorder, rejectUnlessObject } from './intake-recorder';
import type { IntakeResult } from './normalized-order';
import { orderBoundsProblems } from './order-bounds';

/**
 * The contract's PlaceOrderInput as plain data, the way the resolver or a JSON
 * payload hands it over. Loosely typed on purpose: the point is to validate it.
 */
export interface PlaceOrderInputLike {
  channel?: unknown;
  externalId?: unknown;
  buyer?: { name?: unknown; email?: unknown; phone?: unknown } | null;
  currency?: unknown;
  lines?: unknown;
  shippingAddress?: {
    name?: unknown;
    phone?: unknown;
    country?: unknown;
    province?: unknown;
    city?: unknown;
    line1?: unknown;
    postalCode?: unknown;
  } | null;
  /** A Date (from the DateTime scalar) or ISO text with an offset; absent means `receivedAt`. */
  placedAt?: unknown;
}

const CHANNEL_CODE = /^[a-z][a-z0-9_-]*$/;

/**
 * Validates a `placeOrder` input with the same rules as channel imports and
 * returns the normalized order or every problem, with paths as in the input
 * ("lines[1].quantity"). The input states no discount, shipping or total, so
 * those are 0 and the total is the sum of the lines. Values past the bounds
 * of `order-bounds.ts` are refused before any other check.
 */
export function normalizePlaceOrderInput(input: PlaceOrderInputLike | unknown, options: IntakeOptions): IntakeResult {
  const rejected = rejectUnlessObject(input, 'a PlaceOrderInput');
  if (rejected) return rejected;
  const i = input as Record<string, unknown>;
  // Before anything reads the values: a 5 MB name is refused for its length, not scanned as a phone number.
  // Quantities and amounts are held to their bounds with the other amount checks (assembleOrder), all listed together.
  const outOfBounds = orderBoundsProblems(i, { amounts: false, quantities: false });
  if (outOfBounds.length) return { ok: false, problems: outOfBounds, repairs: [] };
  const r = new IntakeRecorder();

  const buyer = r.object('buyer', i.buyer);
  const address = r.object('shippingAddress', i.shippingAddress);
  const country = r.country('shippingAddress.country', address.country);
  const lines: OrderDraft['lines'] = r.lines('lines', i.lines).map((entry, n) => {
    const line = r.object(`lines[${n}]`, entry);
    return {
      sku: r.requiredText(`lines[${n}].sku`, line.sku),
      quantity: r.quantity(`lines[${n}].quantity`, line.quantity),
      unitMinor: r.money(`lines[${n}].unitPrice`, line.unitPrice),
      ...(line.presale === true ? { presale: true } : {}),
    };
  });

  const draft: OrderDraft = {
    channel: readChannel(r, i.channel),
    externalId: r.id('externalId', i.externalId),
    buyer: {
      name: r.requiredText('buyer.name', buyer.name),
      email: r.email('buyer.email', buyer.email),
      phone: r.phone('buyer.phone', buyer.phone, country),
      channelBuyerId: null,
    },
    currency: r.currency('currency', i.currency),
    lines,
    discountMinor: 0,
    shippingMinor: 0,
    shippingAddress: {
      name: r.text('shippingAddress.name', address.name),
      phone: r.phone('shippingAddress.phone', address.phone, country),
      country,
      province: r.text('shippingAddress.province', address.province),
      city: r.text('shippingAddress.city', address.city),
      line1: r.text('shippingAddress.line1', address.line1),
      postalCode: r.text('shippingAddress.postalCode', address.postalCode),
    },
    placedAt: i.placedAt === undefined || i.placedAt === null ? options.receivedAt : r.instant('placedAt', i.placedAt),
  };
  return assembleOrder(r, draft, { discountField: 'lines' });
}

function readChannel(r: IntakeRecorder, value: unknown): string {
  const text = r.requiredText('channel', value);
  const code = text.toLowerCase();
  if (text && !CHANNEL_CODE.test(code)) r.problem('channel', `"${text}" is not a channel code`);
  if (code !== text) r.repair('channel', text, code, 'channel-case');
  return code;
}
