/**
 * One Prometheus value from a service's `/metrics` (the service's GraphQL URL
 * or its origin): `name` with its labels as printed, e.g.
 * `supply_graph_subscription_disconnects_total{reason="too-slow"}`; 0 when absent.
 * In-process platforms share one registry per test process: compare with a
 * value read before, not with a constant.
 */
export async function metricValue(serviceUrl: string, name: string): Promise<number> {
  const origin = new URL(serviceUrl).origin;
  const text = await (await fetch(`${origin}/metrics`)).text();
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return Number(new RegExp(`^${escaped} (\\d+(?:\\.\\d+)?)$`, 'm').exec(text)?.[1] ?? 0);
}
