/**
 * A service's address as configured: one URL, or the URLs of its replicas
 * separated by commas (`ORDERS_URL=http://10.0.0.5:4001/graphql,http://10.0.0.6:4001/graphql`)
 * where no load balancer stands in front of them (processes on one machine,
 * `npm run start:cluster`). Behind a load balancer or a Kubernetes Service it
 * stays one URL.
 */
export function replicaUrls(value: string): string[] {
  return value
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
}

/** True when every entry is an http(s) URL, and all replicas answer on the same path. */
export function isReplicaList(value: string): boolean {
  const urls = replicaUrls(value);
  if (!urls.length) return false;
  try {
    const parsed = urls.map((u) => new URL(u));
    return (
      parsed.every((u) => u.protocol === 'http:' || u.protocol === 'https:') &&
      parsed.every((u) => u.pathname === parsed[0].pathname && u.search === parsed[0].search)
    );
  } catch {
    return false;
  }
}

/**
 * Nothing was sent: the replica refused the connection (it is down or
 * restarting), so the call may go to another replica, a mutation included.
 */
export function isConnectionRefused(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === 'ECONNREFUSED' || e?.cause?.code === 'ECONNREFUSED';
}

/** The connection broke before the whole answer came (the replica died mid-request): safe to repeat only a read. */
export function isConnectionBroken(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  const code = e?.code ?? e?.cause?.code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET';
}
