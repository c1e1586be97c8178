import { SUPPORTED_CHANNELS, adapterFor } from '../adapter-registry';
import { orderOf, receivedAt, sample } from './intake-support';
import { channelFixture } from '@supply-graph/shared/testing';

describe('adapter registry', () => {
  it('supports the contract channels', () => {
    expect([...SUPPORTED_CHANNELS].sort()).toEqual(['amazon', 'douyin', 'jd', 'pos', 'shopify', 'tmall', 'webstore']);
    for (const channel of SUPPORTED_CHANNELS) expect(adapterFor(channel)?.channel).toBe(channel);
  });

  it('finds adapters case-insensitively and knows no others', () => {
    expect(adapterFor(' Tmall ')?.channel).toBe('tmall');
    expect(adapterFor('ebay')).toBeUndefined();
  });

  it.each([
    ['shopify', 'shopify-order.json'],
    ['amazon', 'amazon-order.json'],
    ['tmall', 'tmall-trade.json'],
    ['jd', 'jd-order.json'],
    ['douyin', 'douyin-order.json'],
  ])('the %s adapter imports its sample', (channel, file) => {
    expect(orderOf(adapterFor(channel)!.parse(sample(file), { receivedAt })).channel).toBe(channel);
  });

  it('the pos adapter imports its sample', () => {
    expect(orderOf(adapterFor('pos')!.parse(channelFixture('pos-receipt.csv'), { receivedAt })).channel).toBe('pos');
  });
});
