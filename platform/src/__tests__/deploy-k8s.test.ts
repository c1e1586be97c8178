import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { parseAllDocuments, parse } from 'yaml';
import { type Manifest, type PodTemplate, admittedPeers, containerOf } from './deploy-k8s-support';

/**
 * The Kubernetes manifests under deploy/k8s: every object validates against the Kubernetes API schema
 * (kubernetes-models, offline), and the topology is the one the operators are promised.
 */

const REPO = path.resolve(__dirname, '../../..');
const K8S = path.join(REPO, 'deploy/k8s');
const TEMPLATE = 'secret.template.yaml';
const GATEWAY = 'gateway';
const SUBGRAPHS = ['orders', 'customers', 'inventory', 'logistics'];
const SERVICES = [GATEWAY, ...SUBGRAPHS];
const PORTS: Record<string, number> = {
  gateway: 4000,
  orders: 4001,
  customers: 4002,
  inventory: 4003,
  logistics: 4004,
};
const METRICS_PORT = 9464;

/**
 * The secrets each service gets, and no other (a subgraph never holds the gateway's signing key). The
 * `*_PREVIOUS` ones are set only while a key is rotated: optional references, empty in the template.
 */
const SECRETS_OF: Record<string, string[]> = {
  gateway: ['AUTH_SIGNING_KEY', 'AUTH_SIGNING_KEY_PREVIOUS', 'INTERNAL_TOKEN_SECRET', 'INTERNAL_TOKEN_SECRET_PREVIOUS'],
  orders: [
    'DATABASE_URL',
    'INTERNAL_TOKEN_SECRET',
    'INTERNAL_TOKEN_SECRET_PREVIOUS',
    'ORDERS_WEBHOOK_SECRET_KEY',
    'ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS',
  ],
  customers: ['DATABASE_URL', 'INTERNAL_TOKEN_SECRET', 'INTERNAL_TOKEN_SECRET_PREVIOUS'],
  inventory: ['DATABASE_URL', 'INTERNAL_TOKEN_SECRET', 'INTERNAL_TOKEN_SECRET_PREVIOUS'],
  logistics: ['DATABASE_URL', 'INTERNAL_TOKEN_SECRET', 'INTERNAL_TOKEN_SECRET_PREVIOUS'],
};
const isRotationOnly = (variable: string) => variable.endsWith('_PREVIOUS');

/** Who besides the gateway may call a subgraph: order intake's peer calls (intake-checks.ts). */
const PEER_CALLERS: Record<string, string[]> = { customers: ['orders'], inventory: ['orders'] };

const MODELS: Record<string, { new (data: never): { validate(): void } }> = {
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
};

const yamlFiles = readdirSync(K8S).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');

function load(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(path.join(K8S, file), 'utf8'))
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((m): m is Manifest => m !== null);
}

const all = yamlFiles.flatMap((file) => load(file).map((manifest) => ({ file, manifest })));
const applied = all.filter(({ file }) => file !== TEMPLATE).map(({ manifest }) => manifest);
const ofKind = (kind: string) => applied.filter((m) => m.kind === kind);
const named = (kind: string, name: string) => {
  const found = ofKind(kind).find((m) => m.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named ${name}`);
  return found;
};
const workloads = () => [...ofKind('Deployment'), ...ofKind('StatefulSet')];
const podTemplates = (): PodTemplate[] =>
  workloads().map((w) => ({ name: w.metadata.name, ...(w.spec.template as Omit<PodTemplate, 'name'>) }));

describe('deploy/k8s manifests', () => {
  it('every object validates against the Kubernetes schema for its kind', () => {
    expect(all.length).toBeGreaterThan(20);
    const problems = all.flatMap(({ file, manifest }) => {
      const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
      if (!Model) return [`${file}: no schema here for ${manifest.apiVersion} ${manifest.kind}`];
      try {
        new Model(manifest as never).validate();
        return [];
      } catch (err) {
        return [`${file}: ${manifest.kind} ${manifest.metadata?.name}: ${(err as Error).message}`];
      }
    });
    expect(problems).toEqual([]);
  });

  it('kustomization.yaml applies every manifest but the secret template', () => {
    const kustomization = parse(readFileSync(path.join(K8S, 'kustomization.yaml'), 'utf8'));
    expect([...kustomization.resources].sort()).toEqual(yamlFiles.filter((f) => f !== TEMPLATE).sort());
    expect(kustomization.namespace).toBe('supply-graph');
  });

  it('runs two replicas of the gateway and of each subgraph, PostgreSQL and NATS as StatefulSets, Redis', () => {
    for (const name of SERVICES)
      expect({ name, replicas: named('Deployment', name).spec.replicas }).toEqual({ name, replicas: 2 });
    expect(containerOf(named('StatefulSet', 'postgres').spec.template).image).toMatch(/^postgres:/);
    expect(containerOf(named('StatefulSet', 'nats').spec.template).args).toContain('-js');
    expect(containerOf(named('Deployment', 'redis').spec.template).image).toMatch(/^redis:/);
  });

  it('every workload has readiness and liveness probes, resource requests and a memory limit', () => {
    for (const w of workloads()) {
      for (const c of (w.spec.template as PodTemplate).spec.containers) {
        const where = `${w.metadata.name}/${c.name}`;
        expect({ where, readiness: !!c.readinessProbe, liveness: !!c.livenessProbe }).toEqual({
          where,
          readiness: true,
          liveness: true,
        });
        expect({ where, requests: Object.keys(c.resources?.requests ?? {}).sort() }).toEqual({
          where,
          requests: ['cpu', 'memory'],
        });
        expect({ where, memoryLimit: !!c.resources?.limits?.memory }).toEqual({ where, memoryLimit: true });
      }
    }
  });

  it('the gateway and the subgraphs: ready on /readyz, alive on /healthz, on their own port, no service links', () => {
    for (const name of SERVICES) {
      const template = named('Deployment', name).spec.template as PodTemplate;
      const c = containerOf(template);
      expect(c.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'http' });
      expect(c.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
      expect(c.ports).toEqual([
        { name: 'http', containerPort: PORTS[name] },
        { name: 'metrics', containerPort: METRICS_PORT },
      ]);
      // Service links would set ORDERS_PORT=tcp://..., which a subgraph reads as its port and refuses.
      expect(template.spec.enableServiceLinks).toBe(false);
      expect(c.envFrom).toEqual([{ configMapRef: { name: 'supply-graph-env' } }]);
    }
    const env = named('ConfigMap', 'supply-graph-env').data as Record<string, string>;
    expect(env).toMatchObject({ NODE_ENV: 'production', METRICS_PORT: String(METRICS_PORT) });
    for (const name of SERVICES) {
      const url = new URL(env[`${name.toUpperCase()}_URL`]);
      const service = named('Service', url.hostname);
      expect(service.spec.ports).toContainEqual(
        expect.objectContaining({ port: Number(url.port), targetPort: 'http' }),
      );
      expect(service.spec.selector).toEqual({ 'app.kubernetes.io/name': name });
    }
  });

  it('each service gets exactly its secrets, from a Secret the template documents with placeholders only', () => {
    const template = all.find(({ file }) => file === TEMPLATE)!.manifest;
    const placeholders = template.stringData as Record<string, string>;
    for (const [key, value] of Object.entries(placeholders))
      expect({ key, value }).toEqual({ key, value: isRotationOnly(key) ? '' : 'REPLACE_ME' });
    expect(ofKind('Secret')).toEqual([]);
    for (const name of SERVICES) {
      const refs = (containerOf(named('Deployment', name).spec.template).env ?? []).map((e) => ({
        name: e.name,
        ref: e.valueFrom?.secretKeyRef,
      }));
      expect(refs.map((r) => r.name).sort()).toEqual(SECRETS_OF[name]);
      for (const { name: variable, ref } of refs) {
        expect(ref).toEqual({
          name: template.metadata.name,
          key: variable,
          ...(isRotationOnly(variable) ? { optional: true } : {}),
        });
        expect(Object.keys(placeholders)).toContain(variable);
      }
    }
  });

  it('exposes the gateway to clients on 4000 only; metrics only through headless Services for Prometheus', () => {
    const gateway = named('Service', GATEWAY);
    expect(gateway.spec.type).toBe('LoadBalancer');
    expect(gateway.spec.ports).toEqual([{ name: 'http', port: 4000, targetPort: 'http' }]);
    for (const service of ofKind('Service')) {
      const exposesMetrics = service.spec.ports.some((p: { port: number }) => p.port === METRICS_PORT);
      expect({ name: service.metadata.name, exposesMetrics }).toEqual({
        name: service.metadata.name,
        exposesMetrics: service.metadata.name.endsWith('-metrics'),
      });
    }
    const prometheus = parse(
      (named('ConfigMap', 'prometheus-config').data as Record<string, string>)['prometheus.yml'],
    );
    expect(prometheus.rule_files).toContain('/etc/prometheus/alerts.yml');
    for (const name of SERVICES) {
      const metrics = named('Service', `${name}-metrics`);
      expect(metrics.spec).toMatchObject({ clusterIP: 'None', selector: { 'app.kubernetes.io/name': name } });
      const scraped = prometheus.scrape_configs.some((job: { dns_sd_configs?: { names: string[]; port: number }[] }) =>
        (job.dns_sd_configs ?? []).some((sd) => sd.names.includes(`${name}-metrics`) && sd.port === METRICS_PORT),
      );
      expect({ name, scraped }).toEqual({ name, scraped: true });
    }
  });

  it('NetworkPolicy: only the gateway reaches a subgraph port (and orders its intake peers), only Prometheus 9464', () => {
    const policies = ofKind('NetworkPolicy');
    const pods = podTemplates();
    for (const name of SUBGRAPHS) {
      const target = pods.find((p) => p.name === name)!;
      const callers = admittedPeers(policies, pods, target, PORTS[name]);
      expect({ name, callers }).toEqual({ name, callers: [GATEWAY, ...(PEER_CALLERS[name] ?? [])].sort() });
      const scrapers = admittedPeers(policies, pods, target, METRICS_PORT);
      expect({ name, scrapers }).toEqual({ name, scrapers: ['prometheus'] });
    }
    const gateway = pods.find((p) => p.name === GATEWAY)!;
    expect(admittedPeers(policies, pods, gateway, METRICS_PORT)).toEqual(['prometheus']);
    expect(admittedPeers(policies, pods, gateway, 4000)).toEqual(['*']);
  });

  it('Grafana in the cluster is provisioned exactly like the compose one', () => {
    const file = (p: string) => readFileSync(path.join(REPO, 'deploy/grafana/provisioning', p), 'utf8');
    expect(named('ConfigMap', 'grafana-datasources').data).toEqual({
      'prometheus.yml': file('datasources/prometheus.yml'),
    });
    expect(named('ConfigMap', 'grafana-dashboard-providers').data).toEqual({
      'dashboards.yml': file('dashboards/dashboards.yml'),
    });
  });
});
