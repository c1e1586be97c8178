'use strict';
// Where a process's CPU went by kind of work, from a V8 .cpuprofile (BENCH_NODE_ARGS="--cpu-prof ..."): each busy
// sample counts once, towards the first kind its stack shows (SQL before HTTP before GraphQL ...), within the window
// from the first to the last sample whose stack holds a function named MARK (default placeOrder: the intake load).
// With the number of orders of that window it says ms per order (of the profiled process, profiler overhead included).
//
//   node bench/profile-categories.js <file.cpuprofile> [orders]
const { readFileSync } = require('node:fs');

const KINDS = [
  ['garbage collection', (s) => s[0].callFrame.functionName === '(garbage collector)'],
  [
    'SQL: pg, TypeORM, their socket writes and reads',
    (s) =>
      s.some(
        (n) =>
          /node_modules\/(pg|pg-protocol|pg-pool|typeorm)\//.test(n.callFrame.url) ||
          /statement-cache|db\/prepared|db\/insert/.test(n.callFrame.url),
      ),
  ],
  [
    'HTTP: undici and fetch, node:http, body parsing, sockets',
    (s) =>
      s.some((n) =>
        /undici|_http_|http-server|body-parser|raw-body|cors|negotiator|type-is|content-type|node:internal\/streams|stream_base_commons|node:net/.test(
          n.callFrame.url,
        ),
      ),
  ],
  [
    'GraphQL: graphql-js, Apollo Server, type-graphql',
    (s) => s.some((n) => /node_modules\/(graphql|@apollo|type-graphql|@graphql-tools)\//.test(n.callFrame.url)),
  ],
  ['async_hooks', (s) => s.some((n) => /async_hooks/.test(n.callFrame.url))],
  ['events: outbox, relay, consumers, bus', (s) => s.some((n) => /shared\/dist\/events\//.test(n.callFrame.url))],
  ['logging and metrics', (s) => s.some((n) => /pino|prom-client|logging\//.test(n.callFrame.url))],
  [
    'project code, other',
    (s) => s.some((n) => /\/dist\//.test(n.callFrame.url) && !/node_modules/.test(n.callFrame.url)),
  ],
  ['other (V8, Node internals)', () => true],
];

function categories(file, orders, mark = process.env.MARK ?? 'placeOrder') {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stacks = new Map();
  const stackOf = (id) => {
    let stack = stacks.get(id);
    if (!stack) {
      stack = [];
      for (let x = id; x !== undefined; x = parent.get(x)) stack.push(byId.get(x));
      stacks.set(id, stack);
    }
    return stack;
  };
  const marked = (id) => stackOf(id).some((n) => n.callFrame.functionName.includes(mark));
  let first = -1;
  let last = -1;
  profile.samples.forEach((id, i) => {
    if (!marked(id)) return;
    if (first < 0) first = i;
    last = i;
  });
  const sums = new Map();
  let busy = 0;
  for (let i = first; i <= last; i += 1) {
    const stack = stackOf(profile.samples[i]);
    const us = profile.timeDeltas[i + 1] ?? 0;
    if (stack[0].callFrame.functionName === '(idle)') continue;
    busy += us;
    const [kind] = KINDS.find(([, test]) => test(stack));
    sums.set(kind, (sums.get(kind) ?? 0) + us);
  }
  const perOrder = (us) => (orders ? `${(us / 1000 / orders).toFixed(2).padStart(6)} ms/order  ` : '');
  const lines = [
    `${file}: ${(busy / 1e6).toFixed(2)} s busy in the window${orders ? `, ${perOrder(busy).trim()}` : ''}`,
  ];
  for (const [kind, us] of [...sums].sort((a, b) => b[1] - a[1]))
    lines.push(`  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${perOrder(us)}${kind}`);
  return lines.join('\n');
}

if (require.main === module) {
  const [file, orders] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node bench/profile-categories.js <file.cpuprofile> [orders]\n');
    process.exit(2);
  }
  process.stdout.write(`${categories(file, Number(orders ?? 0))}\n`);
}

module.exports = { categories };
