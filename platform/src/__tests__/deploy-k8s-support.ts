/**
 * What deploy-k8s.test.ts needs to read NetworkPolicies the way a network plugin enforces them:
 * label selectors, named ports, and "policies add up; a selected pod takes only what one allows".
 */

// Manifests are checked against their schema first, then read loosely.
export type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; spec: any; [key: string]: any };

interface Probe {
  httpGet?: { path: string; port: string | number };
}

export interface Container {
  name: string;
  image: string;
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: unknown[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

/** A workload's pod template, named after the workload. */
export interface PodTemplate {
  name: string;
  metadata: { labels: Record<string, string> };
  spec: { containers: Container[]; enableServiceLinks?: boolean };
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: unknown;
}

interface IngressRule {
  from?: PolicyPeer[];
  ports?: { port?: string | number; protocol?: string }[];
}

export const containerOf = (template: { spec: { containers: Container[] } }): Container => template.spec.containers[0];

export function selects(selector: LabelSelector, labels: Record<string, string>): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In':
        return key in labels && values.includes(labels[key]);
      case 'NotIn':
        return !(key in labels) || !values.includes(labels[key]);
      case 'Exists':
        return key in labels;
      case 'DoesNotExist':
        return !(key in labels);
    }
  });
  return byLabel && byExpression;
}

/** Whether a rule's port list covers the target pod's port (a named port is looked up on the target). */
function coversPort(rule: IngressRule, target: PodTemplate, port: number): boolean {
  if (!rule.ports?.length) return true;
  const named = new Map(
    target.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => [p.name, p.containerPort] as const)),
  );
  return rule.ports.some(
    (p) => p.port === undefined || (typeof p.port === 'string' ? named.get(p.port) : p.port) === port,
  );
}

/**
 * Which workloads' pods (in this namespace) may open `port` on `target`: the names, sorted, or `['*']`
 * when some rule admits anyone (no `from`, an ipBlock, a namespace selector). A target no policy
 * selects admits anyone too.
 */
export function admittedPeers(policies: Manifest[], pods: PodTemplate[], target: PodTemplate, port: number): string[] {
  const applying = policies.filter(
    (p) =>
      selects(p.spec.podSelector, target.metadata.labels) && (p.spec.policyTypes ?? ['Ingress']).includes('Ingress'),
  );
  if (!applying.length) return ['*'];
  const admitted = new Set<string>();
  for (const policy of applying) {
    for (const rule of (policy.spec.ingress ?? []) as IngressRule[]) {
      if (!coversPort(rule, target, port)) continue;
      if (!rule.from?.length) return ['*'];
      for (const peer of rule.from) {
        if (peer.ipBlock || peer.namespaceSelector || !peer.podSelector) return ['*'];
        for (const pod of pods) if (selects(peer.podSelector, pod.metadata.labels)) admitted.add(pod.name);
      }
    }
  }
  return [...admitted].sort();
}
