import { parseCsv } from '../intake/csv';

/** Where each payload format keeps the channel's order number (the paths the adapters read). */
const ID_PATHS: Record<string, readonly string[]> = {
  unified: ['externalId'],
  webstore: ['externalId'],
  shopify: ['id'],
  amazon: ['AmazonOrderId'],
  tmall: ['trade', 'tid'],
  jd: ['orderId'],
  douyin: ['shop_order_detail', 'order_id'],
};

/**
 * The order number of a payload that was rejected, when it can still be read,
 * so operators can tell the channel which order to fix; null otherwise. A
 * rejected payload has no normalised order, hence this second, lenient look.
 *
 * @param format an adapter's channel code, or "unified" for `placeOrder` input
 */
export function readableExternalId(format: string, payload: unknown): string | null {
  if (format === 'pos') return posReceiptId(payload);
  const path = ID_PATHS[format];
  if (!path) return null;
  let value: unknown = payload;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** "store_code:receipt_no" of the first row, as the POS adapter names its orders. */
function posReceiptId(payload: unknown): string | null {
  if (typeof payload !== 'string') return null;
  const csv = parseCsv(payload);
  if (!csv.ok || csv.rows.length < 2) return null;
  const columns = csv.rows[0].map((name) => name.trim().toLowerCase());
  const cell = (name: string) => csv.rows[1][columns.indexOf(name)]?.trim() ?? '';
  const store = cell('store_code');
  const receipt = cell('receipt_no');
  return store && receipt ? `${store}:${receipt}` : null;
}
