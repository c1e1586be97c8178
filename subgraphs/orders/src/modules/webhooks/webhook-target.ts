import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may point. A partner's URL is fetched by our servers, so
 * an address inside our own network (loopback, private ranges, link-local
 * such as cloud metadata at 169.254.169.254) would let anyone who can
 * register a webhook make requests there. Those targets are refused unless
 * ORDERS_WEBHOOK_ALLOW_PRIVATE_TARGETS is set (development, tests, partners on
 * the same private network).
 */
const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  internal.addSubnet(net, prefix, 'ipv6');

export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is the IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return internal.check(mapped[1], 'ipv4');
  return internal.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** At registration: a URL naming an internal address or `localhost` outright. */
export function namesInternalHost(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || isInternalAddress(host);
}

/** Where one attempt connects: the address that was checked, so no second lookup can point elsewhere. */
export interface CheckedTarget {
  address: string;
  family: 4 | 6;
}

/**
 * Before each attempt: what the host name resolves to now (it may have
 * changed since registration). Any internal address among the answers
 * refuses the attempt; otherwise the first answer is where it connects
 * (webhook-sender.ts pins the connection to it: no DNS-rebinding window
 * between this check and the request).
 */
export async function checkTarget(
  url: URL,
  allowPrivate: boolean,
): Promise<{ target: CheckedTarget } | { internal: string }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  const internalAddress = addresses.find((a) => isInternalAddress(a.address))?.address;
  if (internalAddress && !allowPrivate) return { internal: internalAddress };
  const [first] = addresses;
  return { target: { address: first.address, family: first.family === 6 ? 6 : 4 } };
}
