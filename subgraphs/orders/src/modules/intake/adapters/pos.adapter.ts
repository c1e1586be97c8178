import { assembleOrder, type OrderDraft } from '../assemble-order';
import type { ChannelAdapter } from '../channel-adapter';
import { parseCsv } from '../csv';
import { IntakeRecorder } from '../intake-recorder';
import type { IntakeResult, NormalizedOrder, Problem } from '../normalized-order';
import { CHINA_OFFSET } from '../normalize/instant';
import { describeValue } from '../normalize/text';

const REQUIRED_COLUMNS = ['store_code', 'receipt_no', 'sold_at', 'sku', 'qty', 'unit_price', 'currency'] as const;
/** Receipt-level columns: repeated on every row, so every row must agree. */
const RECEIPT_COLUMNS = ['store_code', 'receipt_no', 'sold_at', 'currency', 'member_phone', 'member_name'] as const;
/** A member's phone and name are PII: a problem names the column, never quotes them. */
const PII_COLUMNS: ReadonlySet<string> = new Set(['member_phone', 'member_name']);

/**
 * Store code prefixes whose city is unambiguous. Both are municipalities, so
 * the city is its own province. Other prefixes are left unmapped rather than
 * guessed (SZ is Shenzhen or Suzhou).
 */
const STORE_CITIES: Record<string, string> = { SH: 'Shanghai', BJ: 'Beijing' };

type Row = Record<string, string>;

/**
 * A retail store till receipt: the CSV text of one receipt, header included,
 * one row per line. `rows[0]` in problem paths is the first row after the
 * header. The stores are in China, so a sale time without an offset is China
 * time. Nothing is shipped, so the address only says where the store is.
 *
 * A member is known by `member_phone`, their loyalty key. A receipt without a
 * usable one (none given, or masked by the till) is a walk-in sale: see `walkInGuest`.
 */
export class PosAdapter implements ChannelAdapter {
  readonly channel = 'pos';

  parse(payload: unknown): IntakeResult {
    const table = readTable(payload);
    if (!table.ok) return { ok: false, problems: table.problems, repairs: [] };
    const { rows } = table;
    const r = new IntakeRecorder();
    const first = rows[0];
    rows.slice(1).forEach((row, i) => {
      for (const column of RECEIPT_COLUMNS) {
        if ((row[column] ?? '') !== (first[column] ?? '')) {
          r.problem(
            `rows[${i + 1}].${column}`,
            PII_COLUMNS.has(column)
              ? "differs from the first row's: one payload is one receipt"
              : `"${row[column] ?? ''}" differs from the first row's "${first[column] ?? ''}": one payload is one ` +
                  `receipt`,
          );
        }
      }
    });

    const lines: OrderDraft['lines'] = rows.map((row, i) => ({
      sku: r.requiredText(`rows[${i}].sku`, row.sku),
      quantity: r.quantity(`rows[${i}].qty`, row.qty),
      unitMinor: r.money(`rows[${i}].unit_price`, row.unit_price),
    }));
    const storeCode = r.requiredText('rows[0].store_code', first.store_code);
    const receiptNo = r.requiredText('rows[0].receipt_no', first.receipt_no);
    const phone = r.phone('rows[0].member_phone', first.member_phone, 'CN');
    const city = STORE_CITIES[storeCode.split('-')[0].toUpperCase()] ?? null;
    // A name the till took without a phone names nobody we can match: it stays on the order, as who took the goods.
    const walkInName = phone ? null : r.text('rows[0].member_name', first.member_name);
    const draft: OrderDraft = {
      channel: this.channel,
      externalId: `${storeCode}:${receiptNo}`,
      buyer: phone
        ? { name: r.requiredText('rows[0].member_name', first.member_name), email: null, phone, channelBuyerId: phone }
        : walkInGuest(storeCode),
      currency: r.currency('rows[0].currency', first.currency),
      lines,
      discountMinor: 0,
      shippingMinor: 0,
      shippingAddress: {
        name: walkInName,
        phone: null,
        country: 'CN',
        province: city,
        city,
        line1: null,
        postalCode: null,
      },
      placedAt: r.instant('rows[0].sold_at', first.sold_at, { localOffset: CHINA_OFFSET }),
    };
    return assembleOrder(r, draft, { discountField: 'rows' });
  }
}

/**
 * The buyer of a walk-in sale: one guest customer per store, known to the
 * customers subgraph by the channel identity `walk-in:<STORE_CODE>`. The
 * golden-customer rules match on identity, email and phone; giving the guest
 * neither email nor phone (rather than made-up ones) means no real buyer is
 * ever merged into it, and a member who later shows their card stays a
 * customer of their own. The guest's figures are the store's anonymous sales.
 */
export function walkInGuest(storeCode: string): NormalizedOrder['buyer'] {
  const store = storeCode.toUpperCase();
  return {
    name: `Walk-in customer (${store})`,
    email: null,
    phone: null,
    channelBuyerId: `walk-in:${store}`,
    guest: true,
  };
}

/** The CSV as rows keyed by column name, or the problems that stop it being read at all. */
function readTable(payload: unknown): { ok: true; rows: Row[] } | { ok: false; problems: Problem[] } {
  const fail = (field: string, message: string) => ({ ok: false as const, problems: [{ field, message }] });
  if (typeof payload !== 'string')
    return fail('payload', `expected the CSV text of one receipt as a string, got ${describeValue(payload)}`);
  const csv = parseCsv(payload);
  if (!csv.ok) return fail('payload', csv.message);
  const [header, ...body] = csv.rows;
  if (!header) return fail('payload', 'the CSV is empty');
  const columns = header.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length)
    return {
      ok: false,
      problems: missing.map((column) => ({ field: `header.${column}`, message: 'column is missing' })),
    };
  if (!body.length) return fail('rows', 'an order needs at least one line');
  const problems: Problem[] = [];
  const rows = body.map((cells, i) => {
    if (cells.length !== columns.length) {
      problems.push({ field: `rows[${i}]`, message: `has ${cells.length} fields, the header has ${columns.length}` });
    }
    return Object.fromEntries(columns.map((column, c) => [column, (cells[c] ?? '').trim()]));
  });
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}
