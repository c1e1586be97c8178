import {
  exitWithin,
  type Launched,
  portsEnv,
  postgresLeftOn,
  staff,
  useLaunches,
  waitForOutput,
} from '../support/launcher';

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { created } }`;
const READ = '{ customers(first: 5) { edges { node { id orders(first: 5) { edges { node { status } } } } } } }';

/**
 * Clients writing and reading through the gateway, each in a loop, until
 * stopped: the platform is interrupted with statements in flight, events on
 * the bus and connections checked out of every pool.
 */
function keepBusy(url: string, token: string, clients: number) {
  let running = true;
  let answered = 0;
  const post = (query: string, variables?: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    }).then((res) => res.text());
  const client = async (n: number) => {
    for (let i = 0; running; i++) {
      const input = {
        channel: 'webstore',
        externalId: `CTRL-C-${process.pid}-${Date.now()}-${n}-${i}`,
        currency: 'CNY',
        buyer: { name: 'Zhou Min', email: `zhou.${n}.${i}@example.com` },
        lines: [{ sku: 'SKU-0001', quantity: 1, unitPrice: '59.90' }],
        shippingAddress: { country: 'CN', city: 'Hangzhou' },
      };
      // Requests cut off by the stop fail; that is the point, not a finding.
      await Promise.all([post(PLACE, { input }), post(READ)]).then(
        () => (answered += 2),
        () => undefined,
      );
    }
  };
  const done = Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  return {
    answered: () => answered,
    async stop() {
      running = false;
      await done;
    },
  };
}

/** What a clean stop must not print: errors, stack traces, PostgreSQL cutting connections, warnings but slow SQL. */
function problemsIn(run: Launched): string[] {
  const stderr = run
    .stderr()
    .split('\n')
    .filter((line) => line.trim());
  const stdout = run
    .stdout()
    .split('\n')
    .filter((line) => {
      if (/terminating connection|^\s+at |"stack"/.test(line)) return true;
      if (!line.startsWith('{')) return false;
      const { level, msg } = JSON.parse(line) as { level: string; msg: string };
      // A loaded two-core machine may be slow; anything else above info is a finding.
      return level === 'error' || level === 'fatal' || (level === 'warn' && msg !== 'slow sql');
    });
  return [...stderr, ...stdout];
}

describe('npm start: Ctrl-C at the terminal', () => {
  const { dir, launch } = useLaunches();

  it('stops with exit code 0 and no error, stack trace or cut connection, while busy, three times over', async () => {
    const ports = await portsEnv();
    const url = `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`;
    for (let round = 1; round <= 3; round++) {
      // A shell runs the command in a process group, and Ctrl-C signals the whole group.
      const run = launch(ports, { RATE_LIMIT_PER_MINUTE: '1000000' }, { ownGroup: true });
      await waitForOutput(run, /supply-graph is up/, 30_000);
      const traffic = keepBusy(url, await staff(dir()), 6);
      for (let i = 0; traffic.answered() < 20; i++) {
        if (i > 400) throw new Error(`no traffic got through:\n${run.stdout().slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      run.interruptGroup();
      const code = await exitWithin(run, 20_000);
      await traffic.stop();
      expect({ round, code, problems: problemsIn(run) }).toEqual({ round, code: 0, problems: [] });
      expect(await postgresLeftOn(dir())).toEqual([]);
    }
  }, 150_000);
});
