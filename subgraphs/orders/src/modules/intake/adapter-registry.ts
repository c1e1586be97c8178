import { AmazonAdapter } from './adapters/amazon.adapter';
import { DouyinAdapter } from './adapters/douyin.adapter';
import { JdAdapter } from './adapters/jd.adapter';
import { PosAdapter } from './adapters/pos.adapter';
import { ShopifyAdapter } from './adapters/shopify.adapter';
import { TmallAdapter } from './adapters/tmall.adapter';
import { WebstoreAdapter } from './adapters/webstore.adapter';
import type { ChannelAdapter } from './channel-adapter';

// Adapters are stateless, so one instance each serves every request.
const ADAPTERS: readonly ChannelAdapter[] = [
  new WebstoreAdapter(),
  new ShopifyAdapter(),
  new TmallAdapter(),
  new JdAdapter(),
  new DouyinAdapter(),
  new AmazonAdapter(),
  new PosAdapter(),
];

const BY_CHANNEL = new Map(ADAPTERS.map((adapter) => [adapter.channel, adapter]));

/** Channel codes `importChannelOrder` accepts, in the order of the contract's list. */
export const SUPPORTED_CHANNELS: readonly string[] = ADAPTERS.map((adapter) => adapter.channel);

/** The adapter for a channel code (case-insensitive), or undefined for a channel without one. */
export function adapterFor(channel: string): ChannelAdapter | undefined {
  return BY_CHANNEL.get(channel.trim().toLowerCase());
}
