import { TmallAdapter } from '../adapters/tmall.adapter';
import { orderBoundsProblems } from '../order-bounds';
import { normalizePlaceOrderInput } from '../place-order-input';
import { messageFor, orderOf, problemFields, problemsOf, receivedAt, sample } from './intake-support';

const input = () => ({
  channel: 'webstore',
  externalId: 'WS-1',
  buyer: { name: 'Zhou Min', email: 'zhou.min@example.com', phone: null as string | null },
  currency: 'CNY',
  lines: [{ sku: 'SKU-0010', quantity: 2, unitPrice: '89.90' }] as {
    sku: string;
    quantity: number;
    unitPrice: string;
  }[],
  shippingAddress: { country: 'CN', city: '上海市', line1: '淮海中路 999 号' } as Record<string, unknown>,
});
const place = (value: unknown) => normalizePlaceOrderInput(value, { receivedAt });
const tmall = (edit: (trade: any) => void) => {
  const payload = sample('tmall-trade.json');
  edit(payload.trade);
  return new TmallAdapter().parse(payload);
};

describe('order bounds on placeOrder input', () => {
  it('accepts an order at every bound', () => {
    const order = input();
    order.externalId = 'E'.repeat(128);
    order.buyer.name = '周'.repeat(200);
    order.shippingAddress.line1 = 'l'.repeat(500);
    order.lines = [
      { sku: 'S'.repeat(64), quantity: 60_000, unitPrice: '1.00' },
      { sku: 'S'.repeat(64), quantity: 40_000, unitPrice: '2.00' },
    ];
    expect(orderOf(place(order)).total).toBe('140000.00');
    order.lines = [{ sku: 'SKU-0010', quantity: 100, unitPrice: '10000000.00' }];
    expect(orderOf(place(order)).total).toBe('1000000000.00');
  });

  it('refuses a 5 MB name for its length before reading anything else, and says so in one problem', () => {
    const order = input();
    order.buyer.name = 'x'.repeat(5 * 1024 * 1024);
    order.buyer.phone = 'not a phone';
    expect(problemsOf(place(order))).toEqual([{ field: 'buyer.name', message: 'at most 200 characters, got 5242880' }]);
  });

  it.each([
    [
      'externalId',
      (o: ReturnType<typeof input>) => (o.externalId = 'E'.repeat(129)),
      'at most 128 characters, got 129',
    ],
    [
      'buyer.email',
      (o: ReturnType<typeof input>) => (o.buyer.email = `${'e'.repeat(250)}@x.cn`),
      'at most 254 characters, got 255',
    ],
    [
      'shippingAddress.city',
      (o: ReturnType<typeof input>) => (o.shippingAddress.city = 'Hang\u0000zhou'),
      'contains the control character U+0000 at 4',
    ],
    [
      'lines[0].sku',
      (o: ReturnType<typeof input>) => (o.lines[0].sku = 'SKU\u0001'),
      'contains the control character U+0001 at 3',
    ],
    ['lines', (o: ReturnType<typeof input>) => (o.lines = Array(201).fill(o.lines[0])), 'at most 200 entries, got 201'],
  ])('refuses %s past its bound', (field, edit, message) => {
    const order = input();
    edit(order);
    expect(messageFor(place(order), field)).toBe(message);
  });

  it('lists quantity bounds with the other problems of the order', () => {
    const order = input();
    order.lines = [
      { sku: 'SKU-0010', quantity: 2_147_483_647, unitPrice: '1.00' },
      { sku: 'SKU-0011', quantity: 1, unitPrice: '9.999' },
    ];
    expect(problemFields(place(order))).toEqual(['lines[0].quantity', 'lines[1].unitPrice']);
    expect(messageFor(place(order), 'lines[0].quantity')).toBe('at most 100000, got 2147483647');
    order.lines[1].unitPrice = '9.99';
    expect(problemsOf(place(order))).toEqual([
      { field: 'lines[0].quantity', message: 'must be within 1..100000, got 2147483647' },
    ]);
  });

  it('refuses one SKU over several lines past the quantity bound, each line within it', () => {
    const order = input();
    order.lines = [
      { sku: 'SKU-0010', quantity: 60_000, unitPrice: '0.00' },
      { sku: 'SKU-0011', quantity: 1, unitPrice: '0.00' },
      { sku: 'SKU-0010', quantity: 40_001, unitPrice: '0.00' },
    ];
    expect(problemsOf(place(order))).toEqual([
      { field: 'lines', message: '100001 units of SKU "SKU-0010" over several lines; at most 100000 per SKU' },
    ]);
  });

  it('refuses a unit price, a line total and an order total past the money bounds', () => {
    const order = input();
    order.lines = [{ sku: 'SKU-0010', quantity: 1, unitPrice: '10000000.01' }];
    expect(messageFor(place(order), 'lines[0].unitPrice')).toBe('at most 10000000.00, got 10000000.01');
    order.lines = [{ sku: 'SKU-0010', quantity: 101, unitPrice: '10000000.00' }];
    expect(problemsOf(place(order))).toEqual([
      { field: 'lines[0]', message: 'quantity x unitPrice is more than 1000000000.00' },
    ]);
    order.lines = Array.from({ length: 11 }, (_, i) => ({ sku: `SKU-${i}`, quantity: 10, unitPrice: '10000000.00' }));
    expect(problemsOf(place(order))).toEqual([
      { field: 'total', message: 'the order total is more than 1000000000.00' },
    ]);
  });

  it.each(['1e308', 'NaN', 'Infinity', '99999999999999999999999999.99'])('refuses the unit price %p', (price) => {
    const order = input();
    order.lines[0].unitPrice = price;
    expect(problemFields(place(order))).toEqual(['lines[0].unitPrice']);
  });
});

describe('order bounds on channel payloads (the normalised order, named by the unified paths)', () => {
  it('a Tmall sample within the bounds is accepted', () => {
    expect(orderOf(tmall(() => undefined)).channel).toBe('tmall');
  });

  it('refuses a receiver name past the name bound as buyer.name and shippingAddress.name', () => {
    const result = tmall((trade) => (trade.receiver_name = 'n'.repeat(1_000)));
    expect(problemFields(result)).toEqual(['buyer.name', 'shippingAddress.name']);
  });

  it('refuses lines of 2^31-1 and 1 units of one SKU, the poison order that broke inventory', () => {
    const result = tmall((trade) => {
      const [line] = trade.orders.order;
      trade.orders.order = [
        { ...line, num: 2_147_483_647, price: '0.00', total_fee: '0.00', payment: '0.00' },
        { ...line, num: 1, price: '0.00', total_fee: '0.00', payment: '0.00' },
      ];
    });
    expect(problemsOf(result).map((p) => p.field)).toContain('lines[0].quantity');
  });
});

describe('orderBoundsProblems', () => {
  it('skips amounts when asked (their stand-ins would only add noise)', () => {
    const lines = [{ sku: 'A', quantity: 0, unitMinor: 0 }];
    expect(orderBoundsProblems({ lines }, { amounts: false })).toEqual([]);
    expect(orderBoundsProblems({ lines: [{ ...lines[0], quantity: 100_001 }] }, { amounts: false })).toEqual([
      { field: 'lines[0].quantity', message: 'at most 100000, got 100001' },
    ]);
    expect(orderBoundsProblems({ lines })).toEqual([
      { field: 'lines[0].quantity', message: 'must be within 1..100000, got 0' },
    ]);
  });
});
