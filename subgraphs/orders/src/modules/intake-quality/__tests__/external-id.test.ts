import { readableExternalId } from '../external-id';

describe('readableExternalId', () => {
  it('reads the order number where each channel format keeps it', () => {
    expect(readableExternalId('unified', { externalId: ' WS-1 ' })).toBe('WS-1');
    expect(readableExternalId('shopify', { id: 5849302716411 })).toBe('5849302716411');
    expect(readableExternalId('amazon', { AmazonOrderId: '113-1' })).toBe('113-1');
    expect(readableExternalId('tmall', { trade: { tid: '3987' } })).toBe('3987');
    expect(readableExternalId('jd', { orderId: 281934572610 })).toBe('281934572610');
    expect(readableExternalId('douyin', { shop_order_detail: { order_id: '6919' } })).toBe('6919');
  });

  it('names a POS receipt by store and receipt number, as the adapter does', () => {
    const csv = 'store_code,receipt_no,sku\nSH-JINGAN-01,R20261123-000417,SKU-1\nSH-JINGAN-01,R20261123-000417,SKU-2\n';
    expect(readableExternalId('pos', csv)).toBe('SH-JINGAN-01:R20261123-000417');
    expect(readableExternalId('pos', 'store_code,sku\nSH-1,SKU-1\n')).toBeNull();
  });

  it('gives null rather than a guess when the number is missing, malformed or unsafe', () => {
    expect(readableExternalId('tmall', { trade: {} })).toBeNull();
    expect(readableExternalId('tmall', { trade: 'x' })).toBeNull();
    expect(readableExternalId('tmall', ['trade'])).toBeNull();
    expect(readableExternalId('shopify', { id: 2 ** 60 })).toBeNull();
    expect(readableExternalId('jd', { orderId: '   ' })).toBeNull();
    expect(readableExternalId('pos', { not: 'csv' })).toBeNull();
    expect(readableExternalId('no-such-channel', { externalId: 'X' })).toBeNull();
  });
});
