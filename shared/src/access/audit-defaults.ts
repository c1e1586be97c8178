import type { AuditDefaults } from './audit';

/**
 * Where an id argument points, by argument name, for the fields whose return
 * type is not the object they act on. Looked for at the top level and in
 * `input`, in this order.
 */
const TARGET_ARGS: readonly [arg: string, type: string][] = [
  ['orderId', 'Order'],
  ['shipmentId', 'Shipment'],
  ['customerId', 'Customer'],
  ['sku', 'Product'],
];

/**
 * The target and channel a mutation's audit entry names before its service
 * says more (`auditTarget`), read from its arguments, so that a refused call
 * still names what it was after:
 *
 * - target: an `id` argument is an object of the field's return type
 *   (`cancelOrder(id)` -> `Order:<id>`, `retryParkedEvent(id)` ->
 *   `ParkedEvent:<id>`); else `orderId`, `shipmentId`, `customerId` or `sku`
 *   (top level or in `input`) -> `Order:`, `Shipment:`, `Customer:`,
 *   `Product:<sku>` (stock, presale stock and channel quotas name the
 *   product); else none;
 * - channel: `channel` or `input.channel`, lower case as channel codes are
 *   stored;
 * - a field with a list argument (`importChannelOrders(payloads)`) acts on
 *   many objects: it names no target.
 */
export function auditDefaults(args: Record<string, unknown>, returnType: string): AuditDefaults {
  const input = isRecord(args.input) ? args.input : {};
  const batch = Object.values(args).some(Array.isArray);
  return {
    target: batch ? null : targetOf(args, input, returnType),
    channel: channelOf(args.channel ?? input.channel),
    batch,
  };
}

function targetOf(args: Record<string, unknown>, input: Record<string, unknown>, returnType: string): string | null {
  const id = text(args.id);
  if (id) return `${returnType}:${id}`;
  for (const [arg, type] of TARGET_ARGS) {
    const value = text(args[arg]) ?? text(input[arg]);
    if (value) return `${type}:${value}`;
  }
  return null;
}

function channelOf(value: unknown): string | null {
  return text(value)?.toLowerCase() ?? null;
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed || null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
