import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from './config';

/** The subgraphs, in the order they start. */
export const CLUSTER_SUBGRAPHS = ['orders', 'customers', 'inventory', 'logistics'] as const;
export type ClusterSubgraph = (typeof CLUSTER_SUBGRAPHS)[number];
export type ClusterService = 'gateway' | ClusterSubgraph;

const ENTRY: Record<ClusterService, string> = {
  gateway: 'gateway/dist/main.js',
  orders: 'subgraphs/orders/dist/main.js',
  customers: 'subgraphs/customers/dist/main.js',
  inventory: 'subgraphs/inventory/dist/main.js',
  logistics: 'subgraphs/logistics/dist/main.js',
};

/** One process of the cluster: `gateway-1`, `orders-2`, ... */
export interface ClusterMember {
  id: string;
  service: ClusterService;
  replica: number;
  port: number;
  url: string;
}

export interface ClusterLayout {
  gateways: number;
  /** Replicas of each subgraph. */
  replicas: number;
  /** The port of each member (`gateway-1` -> 4000, ...). */
  portOf(service: ClusterService, replica: number): number;
  host?: string;
}

export interface ProcessCluster {
  members: ClusterMember[];
  gatewayUrls: string[];
  /** Each subgraph's replicas' URLs. */
  replicaUrls: Record<ClusterSubgraph, string[]>;
  /** SIGKILL: no clean shutdown, no acks, connections cut. */
  kill(id: string): Promise<void>;
  /** Starts a member again (same port) and waits until it is ready. */
  start(id: string): Promise<void>;
  /** The process id of a running member (benchmarks read each member's CPU time). */
  pidOf(id: string): number | undefined;
  /** SIGTERM to every member (gateways first), SIGKILL to any still up after 10 s. */
  stop(): Promise<void>;
}

export interface StartClusterOptions {
  /** Settings every member gets (database, bus, secrets, ...); the cluster adds each one's ports and peers. */
  env: Record<string, string | undefined>;
  layout: ClusterLayout;
  /** Where each member's output goes: an fd per member, or 'ignore'. */
  output?: (member: ClusterMember) => number | 'ignore' | 'inherit';
  readyTimeoutMs?: number;
}

/** The ports the default layout of `npm run start:cluster` takes: 4000 and 4010 for gateways, 41NN/42NN below. */
export const defaultPort = (service: ClusterService, replica: number): number =>
  service === 'gateway' ? 4000 + 10 * (replica - 1) : 4000 + 100 * replica + CLUSTER_SUBGRAPHS.indexOf(service) + 1;

/**
 * The distributed deployment as processes on one machine: `replicas`
 * processes of each subgraph and `gateways` gateways, each on its own port,
 * all on one database and one NATS stream (given in `env`). Each gateway
 * balances over every replica of each subgraph (comma-separated URLs, as
 * without a load balancer), and each subgraph asks its peers' replicas in
 * turn. Subgraph replicas start first (one of each, then the next), so each
 * migration runs once before others wait on it; gateways last.
 */
export async function startProcessCluster(options: StartClusterOptions): Promise<ProcessCluster> {
  const { layout } = options;
  const host = layout.host ?? '127.0.0.1';
  const members: ClusterMember[] = [];
  for (let replica = 1; replica <= layout.replicas; replica++)
    for (const service of CLUSTER_SUBGRAPHS) members.push(member(service, replica));
  for (let replica = 1; replica <= layout.gateways; replica++) members.push(member('gateway', replica));

  function member(service: ClusterService, replica: number): ClusterMember {
    const port = layout.portOf(service, replica);
    return { id: `${service}-${replica}`, service, replica, port, url: `http://${host}:${port}/graphql` };
  }
  const urlsOf = (service: ClusterService) =>
    members
      .filter((m) => m.service === service)
      .map((m) => m.url)
      .join(',');
  const peers = Object.fromEntries(
    (['gateway', ...CLUSTER_SUBGRAPHS] as const).map((s) => [`${s.toUpperCase()}_URL`, urlsOf(s)]),
  );
  const processes = new Map<string, ChildProcess>();

  const start = async (id: string) => {
    const m = members.find((x) => x.id === id);
    if (!m) throw new Error(`no cluster member ${id}`);
    // A process left on the port would answer the readiness probe in the new member's place.
    if (await answers(m.port, host)) throw new Error(`${m.id}: port ${m.port} is already in use`);
    const prefix = m.service.toUpperCase();
    const out = options.output?.(m) ?? 'ignore';
    const child = spawn(process.execPath, [path.join(REPO_ROOT, ENTRY[m.service])], {
      cwd: REPO_ROOT,
      env: { ...options.env, ...peers, [`${prefix}_PORT`]: String(m.port), [`${prefix}_HOST`]: host },
      stdio: ['ignore', out, out],
    });
    processes.set(id, child);
    await waitReady(m, child, options.readyTimeoutMs ?? 60_000);
  };

  const kill = async (id: string) => {
    const child = processes.get(id);
    processes.delete(id);
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  };

  const stop = async () => {
    const order = [...members].reverse().map((m) => m.id);
    for (const id of order) {
      const child = processes.get(id);
      processes.delete(id);
      if (!child || child.exitCode !== null) continue;
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      });
    }
  };

  try {
    for (const m of members) await start(m.id);
  } catch (err) {
    await Promise.all([...processes.keys()].map(kill));
    throw err;
  }
  return {
    members,
    gatewayUrls: members.filter((m) => m.service === 'gateway').map((m) => m.url),
    replicaUrls: Object.fromEntries(
      CLUSTER_SUBGRAPHS.map((s) => [s, members.filter((m) => m.service === s).map((m) => m.url)]),
    ) as Record<ClusterSubgraph, string[]>,
    kill,
    start,
    stop,
    pidOf: (id) => processes.get(id)?.pid,
  };
}

/** True when something accepts connections on the port. */
function answers(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Until the member answers its /readyz (a gateway: every subgraph ready), or it exits. */
async function waitReady(m: ClusterMember, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const readyz = new URL('/readyz', m.url);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${m.id} exited with ${child.exitCode} while starting`);
    const res = await fetch(readyz, { signal: AbortSignal.timeout(1000) }).catch(() => null);
    if (res) {
      const body = (await res.json().catch(() => ({}))) as { status?: string };
      if (res.ok && (m.service !== 'gateway' || body.status === 'ready')) return;
    }
    if (Date.now() > deadline) throw new Error(`${m.id} was not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
