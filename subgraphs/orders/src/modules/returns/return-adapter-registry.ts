import { AmazonReturnAdapter } from './adapters/amazon.adapter';
import { DouyinReturnAdapter } from './adapters/douyin.adapter';
import { JdReturnAdapter } from './adapters/jd.adapter';
import { ShopifyReturnAdapter } from './adapters/shopify.adapter';
import { TmallReturnAdapter } from './adapters/tmall.adapter';
import type { ReturnAdapter } from './return-adapter';

const ADAPTERS: readonly ReturnAdapter[] = [
  new ShopifyReturnAdapter(),
  new AmazonReturnAdapter(),
  new TmallReturnAdapter(),
  new JdReturnAdapter(),
  new DouyinReturnAdapter(),
];

const BY_CHANNEL = new Map(ADAPTERS.map((adapter) => [adapter.channel, adapter]));

/** Channel codes `importChannelReturn` reads. */
export const RETURN_CHANNELS: readonly string[] = ADAPTERS.map((adapter) => adapter.channel);

export function returnAdapterFor(channel: string): ReturnAdapter | undefined {
  return BY_CHANNEL.get(channel.trim().toLowerCase());
}
