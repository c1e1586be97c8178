import { replicaUrls, type ReadyReport } from '@supply-graph/shared';

export type SubgraphState = 'ready' | 'not ready' | 'unreachable';

/**
 * The gateway's `/readyz`: it asks every subgraph's `/readyz` (in parallel,
 * each bounded by `timeoutMs`) and lists what each said. The gateway itself is
 * ready while at least one subgraph is: with some down it still serves partial
 * answers (status "degraded"), and taking every replica out of a load balancer
 * for one missing subgraph would turn a partial outage into a full one. A
 * subgraph given as several replicas is ready when one of them is.
 */
export async function subgraphReadiness(urls: Record<string, string>, timeoutMs = 1000): Promise<ReadyReport> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => [name, await probeReplicas(url, timeoutMs)] as const),
  );
  const subgraphs = Object.fromEntries(entries) as Record<string, SubgraphState>;
  const up = entries.filter(([, state]) => state === 'ready').length;
  const status = up === entries.length ? 'ready' : up > 0 ? 'degraded' : 'not ready';
  return { ready: up > 0, status, subgraphs };
}

async function probeReplicas(urls: string, timeoutMs: number): Promise<SubgraphState> {
  const states = await Promise.all(replicaUrls(urls).map((url) => probe(url, timeoutMs)));
  return states.includes('ready') ? 'ready' : states.includes('not ready') ? 'not ready' : 'unreachable';
}

async function probe(graphqlUrl: string, timeoutMs: number): Promise<SubgraphState> {
  const url = new URL(graphqlUrl);
  url.pathname = '/readyz';
  url.search = '';
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.ok ? 'ready' : 'not ready';
  } catch {
    return 'unreachable';
  }
}
