import { AmazonReturnAdapter } from './adapters/amazon.return-adapter';
import { DouyinReturnAdapter } from './adapters/douyin.return-adapter';
import { JdReturnAdapter } from './adapters/jd.return-adapter';
import { ShopifyReturnAdapter } from './adapters/shopify.return-adapter';
import { TmallReturnAdapter } from './adapters/tmall.return-adapter';
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
