import { Customer360Document } from '../generated/graphql';
import { graphql } from '../generated/suites';
import { registerDefaultToken } from '../support/auth';
import { gql } from '../support/graphql';
import {
  exitWithin,
  type Launched,
  portsEnv,
  postgresLeftOn,
  postgresOf,
  staff,
  useLaunches,
  waitForOutput,
} from '../support/launcher';

const CUSTOMER_COUNT = graphql(`query StartCustomerCount { customers(first: 1) { totalCount } }`);
const FIRST_CUSTOMER = graphql(`query StartFirstCustomer { customers(first: 1) { edges { node { id } } } }`);
const COUNTS = graphql(`query StartCounts { customers(first: 1) { totalCount } orders(first: 1) { totalCount } }`);

const totalCustomers = async (gatewayUrl: string) => {
  const result = await gql(gatewayUrl, CUSTOMER_COUNT);
  expect(result.errors).toBeUndefined();
  return result.data!.customers.totalCount;
};

describe('npm start: the whole platform on embedded PostgreSQL', () => {
  const { dir, launch } = useLaunches();
  let first: Launched;
  let ports: Record<string, string>;
  let gatewayUrl: string;

  beforeAll(async () => {
    ports = await portsEnv();
  });

  it('comes up within 30 s, prints the gateway URL and loads the demo data once', async () => {
    first = launch(ports);
    await waitForOutput(first, /supply-graph is up/, 30_000);
    const match = /^\s+gateway\s+(http:\/\/\S+)$/m.exec(first.stdout());
    expect(match).not.toBeNull();
    gatewayUrl = match![1];
    // The operator's way in: a token of the checkout's key (the banner says how).
    expect(first.stdout()).toContain('npm run --silent token');
    registerDefaultToken(gatewayUrl, await staff(dir()));
    expect(new URL(gatewayUrl).port).toBe(ports.GATEWAY_PORT);
    for (const name of ['orders', 'customers', 'inventory', 'logistics']) {
      expect(first.stdout()).toMatch(
        new RegExp(`^\\s+${name}\\s+http://\\S+:${ports[`${name.toUpperCase()}_PORT`]}/`, 'm'),
      );
    }
    expect(first.stdout()).toContain(`data in ${dir()}`);
    expect(first.stdout()).toContain('demo data loaded');
    // A first start has nothing to warn about: no warning or error line of its own, nothing on stderr.
    const levels = first
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { level: string }).level);
    expect(new Set(levels)).toEqual(new Set(['info']));
    expect(first.stderr()).toBe('');
  }, 40_000);

  it('answers /healthz, /readyz and a 360 query with the seeded 300 customers', async () => {
    const origin = new URL(gatewayUrl).origin;
    for (const probe of ['/healthz', '/readyz']) expect((await fetch(`${origin}${probe}`)).status).toBe(200);
    expect(await totalCustomers(gatewayUrl)).toBe(300);
    const page = await gql(gatewayUrl, FIRST_CUSTOMER);
    const id = page.data!.customers.edges[0].node.id;
    const result = await gql(gatewayUrl, Customer360Document, { id, orders: 5 });
    expect(result.errors).toBeUndefined();
    expect(result.data!.customer!.id).toBe(id);
    expect(result.data!.customer!.stats!.orderCount).toBe(result.data!.customer!.orders!.totalCount);
  });

  it('a second start on the same data directory fails fast and leaves the first one running', async () => {
    const second = launch(await portsEnv());
    // Fast beside a start (30 s): it stops at the data directory's lock, before PostgreSQL or any service. The
    // margin is for loading the platform's code while the run's other workers hold both cores.
    const code = await exitWithin(second, 20_000);
    expect(code).not.toBe('timeout');
    expect(code).not.toBe(0);
    expect(second.stderr()).toMatch(/embedded PostgreSQL .* is in use/);
    expect(second.stdout()).not.toMatch(/supply-graph is up/);
    expect(first.child.exitCode).toBeNull();
    expect((await fetch(`${new URL(gatewayUrl).origin}/readyz`)).status).toBe(200);
    expect(await totalCustomers(gatewayUrl)).toBe(300);
  }, 30_000);

  it('SIGTERM stops it with exit code 0 within 10 s and stops its PostgreSQL', async () => {
    expect(postgresOf(dir()).length).toBeGreaterThan(0);
    first.child.kill('SIGTERM');
    expect(await exitWithin(first, 10_000)).toBe(0);
    expect(await postgresLeftOn(dir())).toEqual([]);
  }, 20_000);

  it('starts again on the same data directory without seeding again', async () => {
    const again = launch(ports);
    await waitForOutput(again, /supply-graph is up/, 30_000);
    expect(again.stdout()).not.toContain('demo data loaded');
    expect(await totalCustomers(gatewayUrl)).toBe(300);
    again.child.kill('SIGTERM');
    expect(await exitWithin(again, 10_000)).toBe(0);
  }, 50_000);
});

describe('npm start: Ctrl-C during the first start', () => {
  const { dir, launch } = useLaunches();
  const size = { SEED_CUSTOMERS: '2000', SEED_ORDERS: '8000' };

  it('stops cleanly while seeding, and the next start ends with the complete demo data set', async () => {
    const ports = await portsEnv();
    const first = launch(ports, size);
    await waitForOutput(first, /seed: generating/, 30_000);
    first.child.kill('SIGINT');
    expect(await exitWithin(first, 20_000)).toBe(0);
    expect(await postgresLeftOn(dir())).toEqual([]);

    const second = launch(ports, size);
    await waitForOutput(second, /supply-graph is up/, 30_000);
    const url = `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`;
    registerDefaultToken(url, await staff(dir()));
    const result = await gql(url, COUNTS);
    // Whichever step the interrupt hit, nothing is half-written: all 2,000 customers and 8,000 orders.
    expect(result.data).toEqual({ customers: { totalCount: 2000 }, orders: { totalCount: 8000 } });
    second.child.kill('SIGTERM');
    expect(await exitWithin(second, 10_000)).toBe(0);
  }, 90_000);
});
