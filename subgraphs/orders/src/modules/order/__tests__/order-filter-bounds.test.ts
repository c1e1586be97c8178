import { orderFilterBound } from '../order.input';

describe('orderFilterBound', () => {
  it('passes a normal filter and an absent one', () => {
    expect(
      orderFilterBound.check(
        { channel: 'tmall', status: ['PENDING', 'ALLOCATED'], customerId: 'c0ffee00-0000-4000-8000-000000000000' },
        'filter',
      ),
    ).toEqual([]);
    expect(orderFilterBound.check(null, 'filter')).toEqual([]);
  });

  it('names each filter field past its bound', () => {
    expect(
      orderFilterBound.check(
        { channel: 'x'.repeat(33), status: Array(21).fill('PENDING'), customerId: 'a\u0000' },
        'filter',
      ),
    ).toEqual([
      { field: 'filter.channel', message: 'at most 32 characters, got 33' },
      { field: 'filter.status', message: 'at most 20 entries, got 21' },
      { field: 'filter.customerId', message: 'contains the control character U+0000 at 1' },
    ]);
  });
});
