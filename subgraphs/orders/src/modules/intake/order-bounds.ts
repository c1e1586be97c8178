import {
  IntLimits,
  ListLimits,
  MoneyLimits,
  TextLimits,
  checkInt,
  checkListSize,
  checkText,
  problemsOf,
} from '@supply-graph/shared';
import { formatMinor } from './normalize/money';
import type { Problem } from './normalized-order';

/**
 * The bounds of an order, whatever channel it came from: checked on the
 * unified `placeOrder` input before anything reads it, and on every adapter's
 * normalised order (`assembleOrder`), so a raw payload is held to exactly the
 * bounds of the unified input. Paths are those of the unified shape
 * ("buyer.name", "lines[3].quantity"); the schema descriptions of
 * `PlaceOrderInput` list the same limits.
 */
export interface OrderShape {
  channel?: unknown;
  externalId?: unknown;
  currency?: unknown;
  buyer?: Record<string, unknown> | null;
  shippingAddress?: Record<string, unknown> | null;
  /** Entries with sku and quantity, and unitPrice (text, unified input) or unitMinor (a normalised order). */
  lines?: unknown;
}

type Read = (order: OrderShape) => unknown;
const buyer =
  (key: string): Read =>
  (o) =>
    isObject(o.buyer) ? o.buyer[key] : undefined;
const address =
  (key: string): Read =>
  (o) =>
    isObject(o.shippingAddress) ? o.shippingAddress[key] : undefined;

/** Every text field of an order with its longest length. */
export const ORDER_TEXT_LIMITS: readonly [field: string, read: Read, max: number][] = [
  ['channel', (o) => o.channel, TextLimits.code],
  ['externalId', (o) => o.externalId, TextLimits.externalId],
  ['currency', (o) => o.currency, TextLimits.code],
  ['buyer.name', buyer('name'), TextLimits.name],
  ['buyer.email', buyer('email'), TextLimits.email],
  ['buyer.phone', buyer('phone'), TextLimits.phone],
  ['buyer.channelBuyerId', buyer('channelBuyerId'), TextLimits.externalId],
  ['shippingAddress.name', address('name'), TextLimits.name],
  ['shippingAddress.phone', address('phone'), TextLimits.phone],
  ['shippingAddress.country', address('country'), TextLimits.code],
  ['shippingAddress.province', address('province'), TextLimits.region],
  ['shippingAddress.city', address('city'), TextLimits.region],
  ['shippingAddress.line1', address('line1'), TextLimits.addressLine],
  ['shippingAddress.postalCode', address('postalCode'), TextLimits.postalCode],
];

/**
 * Every bound the order passes: texts, line count, and with `quantities` the
 * units of each line, and with `amounts` unit prices, line totals and each
 * SKU's units over all its lines. `amounts: false` when an amount could not be
 * read: the stand-ins (0) of what failed would only add noise to the problems
 * already listed, so quantities are then only held to their maximum.
 */
export function orderBoundsProblems(order: OrderShape, { amounts = true, quantities = true } = {}): Problem[] {
  const problems = problemsOf(...ORDER_TEXT_LIMITS.map(([field, read, max]) => checkText(field, read(order), { max })));
  const size = checkListSize('lines', order.lines, ListLimits.orderLines);
  if (size || !Array.isArray(order.lines)) return [...problems, ...problemsOf(size)];
  const unitsBySku = new Map<string, number>();
  order.lines.forEach((entry: unknown, i) => {
    if (!isObject(entry)) return;
    const at = `lines[${i}]`;
    problems.push(
      ...problemsOf(
        checkText(`${at}.sku`, entry.sku, { max: TextLimits.sku }),
        checkText(`${at}.unitPrice`, entry.unitPrice, { max: TextLimits.amount }),
      ),
    );
    if (!quantities) return;
    const range = amounts ? IntLimits.quantity : { min: Number.MIN_SAFE_INTEGER, max: IntLimits.quantity.max };
    const quantity = checkInt(`${at}.quantity`, entry.quantity, range);
    if (quantity)
      problems.push(
        amounts ? quantity : { ...quantity, message: `at most ${range.max}, got ${String(entry.quantity)}` },
      );
    if (!amounts) return;
    if (!quantity && typeof entry.sku === 'string' && typeof entry.quantity === 'number') {
      unitsBySku.set(entry.sku, (unitsBySku.get(entry.sku) ?? 0) + entry.quantity);
    }
    if (!quantity && typeof entry.unitMinor === 'number' && typeof entry.quantity === 'number') {
      problems.push(...lineAmountProblems(at, entry.unitMinor, entry.quantity));
    }
  });
  for (const [sku, units] of unitsBySku) {
    if (units > IntLimits.quantity.max) {
      problems.push({
        field: 'lines',
        message: `${units} units of SKU "${sku}" over several lines; at most ${IntLimits.quantity.max} per SKU`,
      });
    }
  }
  return problems;
}

function lineAmountProblems(at: string, unitMinor: number, quantity: number): Problem[] {
  if (unitMinor > MoneyLimits.unitPriceMinor) {
    return [
      {
        field: `${at}.unitPrice`,
        message: `at most ${formatMinor(MoneyLimits.unitPriceMinor)}, got ${formatMinor(unitMinor)}`,
      },
    ];
  }
  if (unitMinor * quantity > MoneyLimits.orderTotalMinor) {
    return [{ field: at, message: `quantity x unitPrice is more than ${formatMinor(MoneyLimits.orderTotalMinor)}` }];
  }
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
