import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testConfig } from '@supply-graph/shared/testing';
import { parse } from 'yaml';

/**
 * docker-compose.yml as Debian's `docker-compose` resolves it (anchors merged, variables filled in): it
 * must validate, and the resolved topology is what users get. On CI a missing docker-compose fails the
 * run (.ci/run installs it); elsewhere the suite says it is skipped.
 */

const REPO = path.resolve(__dirname, '../../..');
const GATEWAY = 'gateway';
const SUBGRAPHS = ['orders', 'customers', 'inventory', 'logistics'];
const SERVICES = [GATEWAY, ...SUBGRAPHS];
const METRICS_PORT = 9464;

/** Dummy values for the variables compose refuses to start without. */
const SECRETS: Record<string, string> = {
  INTERNAL_TOKEN_SECRET: 'test-internal-token-secret-0123456789abcdef',
  AUTH_SIGNING_KEY: '{"kty":"EC","crv":"P-256","x":"test","y":"test","d":"test"}',
  ORDERS_WEBHOOK_SECRET_KEY: 'test-webhook-secret-key-0123456789abcdef',
  GRAFANA_ADMIN_PASSWORD: 'test-grafana-password',
};

interface ComposeService {
  image?: string;
  command?: string[] | string;
  deploy?: { replicas?: number };
  scale?: number;
  environment?: Record<string, string | number | null>;
  ports?: ({ published?: number | string; target?: number | string } | string)[];
  volumes?: ({ source?: string; target?: string } | string)[];
  profiles?: string[];
}

const composeAvailable = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
if (!composeAvailable && testConfig.isCi())
  throw new Error('CI must validate docker-compose.yml: `docker-compose` is missing (apt-get install docker-compose)');
if (!composeAvailable)
  console.warn(
    "deploy: skipped the suite 'docker-compose.yml (docker-compose config)': docker-compose is not installed",
  );

/** An empty env file, so that a developer's `.env` beside docker-compose.yml cannot fill a variable in. */
let emptyEnvFile: string | undefined;
function noEnvFile(): string {
  if (!emptyEnvFile) {
    emptyEnvFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'deploy-compose-')), 'empty.env');
    writeFileSync(emptyEnvFile, '');
  }
  return emptyEnvFile;
}

/** `docker-compose config` on the repository's file, with only PATH and the given variables set. */
function composeConfig(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(
    'docker-compose',
    ['--env-file', noEnvFile(), '-f', 'docker-compose.yml', 'config', ...args],
    { cwd: REPO, encoding: 'utf8', env: { PATH: testConfig.inheritedEnv().PATH ?? '/usr/bin:/bin', ...env } },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const replicasOf = (service: ComposeService) => service.deploy?.replicas ?? service.scale ?? 1;

const publishedPorts = (service: ComposeService) =>
  (service.ports ?? []).map((p) =>
    typeof p === 'string' ? Number(p.split(':').at(-2)) : Number(p.published ?? Number.NaN),
  );

/** Each bind mount as [host path relative to the repository, container path]. */
const mounts = (service: ComposeService): [string, string][] =>
  (service.volumes ?? []).map((v) => {
    const [source, target] = typeof v === 'string' ? v.split(':') : [v.source ?? '', v.target ?? ''];
    return [path.isAbsolute(source) ? path.relative(REPO, source) : source, target];
  });

const describeCompose = composeAvailable ? describe : describe.skip;

describeCompose('docker-compose.yml (docker-compose config)', () => {
  let services: Record<string, ComposeService>;

  beforeAll(() => {
    const quiet = composeConfig(SECRETS, '-q');
    expect({ status: quiet.status, stderr: quiet.stderr }).toEqual({ status: 0, stderr: '' });
    const resolved = composeConfig(SECRETS);
    expect(resolved.status).toBe(0);
    services = parse(resolved.stdout).services;
  });

  it.each(Object.keys(SECRETS))('refuses to start without %s, naming it', (name) => {
    const { [name]: _left, ...others } = SECRETS;
    const result = composeConfig(others, '-q');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(name);
  });

  it('runs PostgreSQL, NATS with JetStream, Redis, Prometheus and Grafana', () => {
    expect(services.postgres.image).toMatch(/^postgres:/);
    expect(services.nats.image).toMatch(/^nats:/);
    expect(services.nats.command).toContain('-js');
    expect(services.redis.image).toMatch(/^redis:/);
    expect(services.prometheus.image).toMatch(/^prom\/prometheus:/);
    expect(services.grafana.image).toMatch(/^grafana\/grafana:/);
  });

  it('runs two replicas of the gateway and of each subgraph, one image, one command each', () => {
    for (const name of SERVICES) {
      expect({ name, replicas: replicasOf(services[name]) }).toEqual({ name, replicas: 2 });
      const entry = name === GATEWAY ? 'gateway/dist/main.js' : `subgraphs/${name}/dist/main.js`;
      expect(services[name].command).toEqual(['node', entry]);
    }
  });

  it('publishes the gateways on :4000 through the load balancer only, and no metrics port', () => {
    const published = Object.entries(services).flatMap(([name, s]) =>
      publishedPorts(s).map((port) => ({ name, port })),
    );
    expect(published).toContainEqual({ name: 'lb', port: 4000 });
    for (const name of SERVICES) expect(publishedPorts(services[name])).toEqual([]);
    expect(published.map((p) => p.port)).not.toContain(METRICS_PORT);
    // Prometheus' and Grafana's own UIs are the only other ports on the host.
    expect(published.map((p) => p.name).sort()).toEqual(['grafana', 'lb', 'prometheus']);
  });

  it('the load balancer forwards :4000 to every gateway replica it finds, checking /readyz, never /metrics', () => {
    const cfg = mounts(services.lb).find(([, target]) => target === '/usr/local/etc/haproxy/haproxy.cfg');
    expect(cfg).toBeDefined();
    const haproxy = readFileSync(path.join(REPO, cfg![0]), 'utf8');
    expect(haproxy).toMatch(/^\s*bind :4000$/m);
    // server-template: one slot per replica DNS answers for the service name, so scaling needs no edit.
    expect(haproxy).toMatch(/^\s*server-template \S+ 1-\d+ gateway:4000\b/m);
    expect(haproxy).toMatch(/^\s*option httpchk GET \/readyz$/m);
    expect(haproxy).toMatch(/^\s*http-request deny .*path_beg \/metrics/m);
    const directives = haproxy.split('\n').filter((line) => !/^\s*#/.test(line));
    expect(directives.join('\n')).not.toContain(String(METRICS_PORT));
  });

  it('gives every service the secrets and addresses it needs', () => {
    const env = (name: string) => services[name].environment ?? {};
    for (const name of SERVICES) {
      expect(env(name)).toMatchObject({
        INTERNAL_TOKEN_SECRET: SECRETS.INTERNAL_TOKEN_SECRET,
        NODE_ENV: 'production',
        NATS_URL: 'nats://nats:4222',
        METRICS_PORT: String(METRICS_PORT),
      });
    }
    for (const name of SUBGRAPHS) expect(env(name).DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    expect(env('orders').ORDERS_WEBHOOK_SECRET_KEY).toBe(SECRETS.ORDERS_WEBHOOK_SECRET_KEY);
    expect(env(GATEWAY)).toMatchObject({ AUTH_SIGNING_KEY: SECRETS.AUTH_SIGNING_KEY, REDIS_URL: 'redis://redis:6379' });
    expect(env('grafana').GF_SECURITY_ADMIN_PASSWORD).toBe(SECRETS.GRAFANA_ADMIN_PASSWORD);
  });

  it('passes the old keys of a rotation to the services that hold the keys, empty (not set) otherwise', () => {
    const previous = {
      INTERNAL_TOKEN_SECRET_PREVIOUS: 'test-old-internal-token-secret-0123456789',
      AUTH_SIGNING_KEY_PREVIOUS: '{"kty":"EC","crv":"P-256","x":"old","y":"old"}',
      ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS: 'test-old-webhook-secret-key-0123456789',
    };
    const resolved = composeConfig({ ...SECRETS, ...previous });
    expect(resolved.status).toBe(0);
    const rotating: Record<string, ComposeService> = parse(resolved.stdout).services;
    for (const name of SERVICES) {
      const expected = { INTERNAL_TOKEN_SECRET_PREVIOUS: previous.INTERNAL_TOKEN_SECRET_PREVIOUS };
      expect(rotating[name].environment).toMatchObject(expected);
      expect(services[name].environment).toMatchObject({ INTERNAL_TOKEN_SECRET_PREVIOUS: '' });
    }
    expect(rotating[GATEWAY].environment?.AUTH_SIGNING_KEY_PREVIOUS).toBe(previous.AUTH_SIGNING_KEY_PREVIOUS);
    expect(rotating.orders.environment?.ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS).toBe(
      previous.ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS,
    );
  });

  it('points the gateway at every subgraph by service name, on the port the subgraph checks itself on', () => {
    const gatewayEnv = services[GATEWAY].environment ?? {};
    SUBGRAPHS.forEach((name, i) => {
      const url = new URL(String(gatewayEnv[`${name.toUpperCase()}_URL`]));
      expect({ host: url.hostname, port: url.port }).toEqual({ host: name, port: String(4001 + i) });
      expect(JSON.stringify(services[name])).toContain(`127.0.0.1:${4001 + i}/readyz`);
    });
  });

  it('Prometheus scrapes every replica of every service on the metrics port and loads the alert rules', () => {
    const dir = mounts(services.prometheus).find(([, target]) => target === '/etc/prometheus');
    expect(dir).toEqual(['deploy/prometheus', '/etc/prometheus']);
    const prometheus = parse(readFileSync(path.join(REPO, dir![0], 'prometheus.yml'), 'utf8'));
    expect(prometheus.rule_files).toContain('/etc/prometheus/alerts.yml');
    for (const name of SERVICES) {
      // DNS service discovery on the service name: one A record per replica, so a scaled service is scraped whole.
      const jobs = prometheus.scrape_configs.filter((job: { dns_sd_configs?: unknown[] }) =>
        (job.dns_sd_configs ?? []).some(
          (sd) =>
            (sd as { names: string[] }).names.includes(name) &&
            (sd as { type: string }).type === 'A' &&
            (sd as { port: number }).port === METRICS_PORT,
        ),
      );
      expect({ name, jobs: jobs.length }).toEqual({ name, jobs: 1 });
    }
  });

  it('Grafana is provisioned with Prometheus and the dashboards directory', () => {
    const grafanaMounts = mounts(services.grafana);
    expect(grafanaMounts).toContainEqual(['deploy/grafana/provisioning', '/etc/grafana/provisioning']);
    expect(grafanaMounts).toContainEqual(['deploy/grafana/dashboards', '/var/lib/grafana/dashboards']);
    const datasources = parse(
      readFileSync(path.join(REPO, 'deploy/grafana/provisioning/datasources/prometheus.yml'), 'utf8'),
    );
    expect(datasources.datasources).toEqual([
      expect.objectContaining({ type: 'prometheus', url: 'http://prometheus:9090' }),
    ]);
    const providers = parse(
      readFileSync(path.join(REPO, 'deploy/grafana/provisioning/dashboards/dashboards.yml'), 'utf8'),
    );
    expect(providers.providers.map((p: { options: { path: string } }) => p.options.path)).toEqual([
      '/var/lib/grafana/dashboards',
    ]);
  });
});
