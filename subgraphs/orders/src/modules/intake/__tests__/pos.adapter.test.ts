import { channelFixture } from '@supply-graph/shared/testing';
import { PosAdapter } from '../adapters/pos.adapter';
import type { ChannelAdapter } from '../channel-adapter';
import { messageFor, orderOf, problemFields, receivedAt, repairRules } from './intake-support';

const adapter: ChannelAdapter = new PosAdapter();
const parse = (payload: unknown) => adapter.parse(payload, { receivedAt });
const receipt = channelFixture('pos-receipt.csv');
const HEADER = 'store_code,receipt_no,sold_at,member_phone,member_name,sku,qty,unit_price,currency';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const row = (line: string, overrides: Record<string, string> = {}) => {
  const cells = Object.fromEntries(HEADER.split(',').map((k, i) => [k, line.split(',')[i]]));
  return HEADER.split(',')
    .map((k) => overrides[k] ?? cells[k])
    .join(',');
};
const [, first, second, third] = receipt.trim().split('\n');

describe('PosAdapter', () => {
  it('reads the sample receipt', () => {
    const result = parse(receipt);
    expect(orderOf(result)).toEqual({
      channel: 'pos',
      externalId: 'SH-JINGAN-01:R20261123-000417',
      buyer: { name: '陈思远', email: null, phone: '+8613911112222', channelBuyerId: '+8613911112222' },
      currency: 'CNY',
      lines: [
        { sku: 'SKU-0015', quantity: 1, unitPrice: '199.00' },
        { sku: 'SKU-0210', quantity: 3, unitPrice: '39.90' },
        { sku: 'SKU-0299', quantity: 1, unitPrice: '0.00' },
      ],
      discount: '0.00',
      shippingFee: '0.00',
      taxMinor: 0,
      total: '318.70',
      shippingAddress: {
        name: null,
        phone: null,
        country: 'CN',
        province: 'Shanghai',
        city: 'Shanghai',
        line1: null,
        postalCode: null,
      },
      placedAt: new Date('2026-11-23T06:02:11.000Z'),
    });
    expect(result.repairs).toEqual([
      { field: 'rows[0].member_phone', from: '13911112222', to: '+8613911112222', rule: 'phone-e164' },
    ]);
  });

  it('reads CRLF files, quoted fields with commas and quotes, and columns in any order', () => {
    const text = [
      'sku,qty,unit_price,currency,store_code,receipt_no,sold_at,member_phone,member_name',
      'SKU-0015,1,199.00,CNY,SH-JINGAN-01,R1,2026-11-23T14:02:11+08:00,,"Chen ""Si"", Yuan"',
      'SKU-0210,2,39.9,CNY,SH-JINGAN-01,R1,2026-11-23T14:02:11+08:00,,"Chen ""Si"", Yuan"',
      '',
    ].join('\r\n');
    const order = orderOf(parse(text));
    expect(order.shippingAddress.name).toBe('Chen "Si", Yuan');
    expect(order.lines.map((l) => l.unitPrice)).toEqual(['199.00', '39.90']);
    expect(order.total).toBe('278.80');
  });

  it('applies China time to a sale time without an offset and upper-cases the currency', () => {
    const text = csv(row(first, { sold_at: '2026-11-23 14:02:11', currency: 'cny' }));
    const result = parse(text);
    expect(orderOf(result).placedAt).toEqual(new Date('2026-11-23T06:02:11.000Z'));
    expect(orderOf(result).currency).toBe('CNY');
    expect(repairRules(result)).toEqual({
      'rows[0].member_phone': 'phone-e164',
      'rows[0].currency': 'currency-case',
      'rows[0].sold_at': 'timezone-applied',
    });
  });

  it('leaves the city empty for a store code it cannot place', () => {
    const order = orderOf(parse(csv(row(first, { store_code: 'SZ-NANSHAN-03' }))));
    expect(order.shippingAddress).toMatchObject({ country: 'CN', province: null, city: null });
    expect(order.externalId).toBe('SZ-NANSHAN-03:R20261123-000417');
  });

  it("sells to the store's walk-in guest when the receipt names no member", () => {
    const walkIn = {
      name: 'Walk-in customer (SH-JINGAN-01)',
      email: null,
      phone: null,
      channelBuyerId: 'walk-in:SH-JINGAN-01',
      guest: true,
    };
    const anonymous = parse(
      csv(row(first, { member_phone: '', member_name: '' }), row(second, { member_phone: '', member_name: '' })),
    );
    expect(orderOf(anonymous)).toMatchObject({
      buyer: walkIn,
      total: '318.70',
      shippingAddress: { name: null, city: 'Shanghai' },
    });
    expect(anonymous.repairs).toEqual([]);
    // A till that exports no member columns at all, and a store code in lower case: the same guest.
    const bare = [
      'store_code,receipt_no,sold_at,sku,qty,unit_price,currency',
      'sh-jingan-01,R9,2026-11-23T14:02:11+08:00,SKU-0015,1,199.00,CNY',
    ];
    expect(orderOf(parse(bare.join('\n'))).buyer).toEqual(walkIn);
    // Another store has its own guest.
    expect(
      orderOf(parse(csv(row(first, { store_code: 'BJ-SANLITUN-02', member_phone: '', member_name: '' })))).buyer,
    ).toEqual({
      name: 'Walk-in customer (BJ-SANLITUN-02)',
      email: null,
      phone: null,
      channelBuyerId: 'walk-in:BJ-SANLITUN-02',
      guest: true,
    });
  });

  it('a masked member phone identifies nobody: walk-in, the name kept as who took the goods', () => {
    const result = parse(csv(row(first, { member_phone: '139****2222' })));
    expect(orderOf(result).buyer).toEqual({
      name: 'Walk-in customer (SH-JINGAN-01)',
      email: null,
      phone: null,
      channelBuyerId: 'walk-in:SH-JINGAN-01',
      guest: true,
    });
    expect(orderOf(result).shippingAddress.name).toBe('陈思远');
    expect(repairRules(result)).toEqual({ 'rows[0].member_phone': 'phone-masked' });
  });

  it('a member phone without a name is still a problem', () => {
    expect(problemFields(parse(csv(row(first, { member_name: '' }))))).toEqual(['rows[0].member_name']);
  });

  it('rejects rows from different receipts', () => {
    const text = csv(first, row(second, { receipt_no: 'R20261123-000418' }), row(third, { currency: 'USD' }));
    expect(problemFields(parse(text))).toEqual(['rows[1].receipt_no', 'rows[2].currency']);
    expect(messageFor(parse(text), 'rows[1].receipt_no')).toBe(
      '"R20261123-000418" differs from the first row\'s "R20261123-000417": one payload is one receipt',
    );
  });

  it("names a member's differing phone or name without quoting either", () => {
    const text = csv(first, row(second, { member_phone: '13900001111', member_name: '王小明' }));
    expect(problemFields(parse(text))).toEqual(['rows[1].member_name', 'rows[1].member_phone']);
    for (const field of ['rows[1].member_phone', 'rows[1].member_name']) {
      expect(messageFor(parse(text), field)).toBe("differs from the first row's: one payload is one receipt");
    }
  });

  it('lists every problem of a broken receipt', () => {
    const text = csv(
      row(first, { sold_at: 'today', member_name: '' }),
      row(second, { sold_at: 'today', member_name: '', qty: '1.5', unit_price: '19.999' }),
      row(third, { sold_at: 'today', member_name: '', sku: '', qty: '0' }),
    );
    expect(problemFields(parse(text))).toEqual([
      'rows[0].member_name',
      'rows[0].sold_at',
      'rows[1].qty',
      'rows[1].unit_price',
      'rows[2].qty',
      'rows[2].sku',
    ]);
  });

  it('rejects CSV it cannot read as one receipt', () => {
    expect(problemFields(parse({ csv: receipt }))).toEqual(['payload']);
    expect(problemFields(parse(''))).toEqual(['payload']);
    expect(problemFields(parse(HEADER))).toEqual(['rows']);
    expect(problemFields(parse(HEADER.replace(',qty', '').replace(',currency', '')))).toEqual([
      'header.currency',
      'header.qty',
    ]);
    expect(problemFields(parse(csv(first, 'SH-JINGAN-01,R1')))).toEqual(['rows[1]']);
    expect(messageFor(parse(csv('"SH-JINGAN-01,R1')), 'payload')).toBe('line 2: a quoted field is never closed');
  });
});
