'use strict';
// Where a process spent its CPU, from a V8 .cpuprofile (`node --cpu-prof`, or BENCH_PROFILE of bench/gateways.js):
// the functions with the most self time and the share of each package (node_modules/<package>, the project's own
// code by folder, Node's internals, garbage collection, V8's own work). Shares are of the busy time (idle left out).
//
//   node bench/profile-summary.js <file.cpuprofile> [how many functions, default 25]
const { readFileSync } = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');

/** What a frame's time counts towards. */
function packageOf({ url, functionName }) {
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'V8/native (program)';
    return 'V8/native builtins';
  }
  const file = url.replace(/^file:\/\//, '');
  const inModules = file.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const parts = file.slice(inModules + 'node_modules/'.length).split('/');
    return `node_modules/${parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  }
  // Node's bundled undici is its fetch: worth telling apart from the rest of its internals.
  if (file.startsWith('node:internal/deps/undici')) return 'node: undici (fetch)';
  if (file.startsWith('node:')) return 'node: internals';
  if (file.startsWith(REPO)) return `project: ${path.relative(REPO, file).split('/').slice(0, 2).join('/')}`;
  return file;
}

/** Self time per node (µs), from the samples and their time deltas (more exact than hitCount). */
function selfTimes(profile) {
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  return self;
}

const ms = (us) => (us / 1000).toFixed(0).padStart(7);
const share = (us, total) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;

/** One line per package down to 0.2 % of the busy time; the rest on one line. */
function packageLines(sorted, busy) {
  const shown = sorted.filter(([, us]) => us >= busy * 0.002);
  const rest = sorted.slice(shown.length);
  const restUs = rest.reduce((a, [, us]) => a + us, 0);
  return [
    ...shown.map(([pkg, us]) => `  ${share(us, busy)} ${ms(us)} ms  ${pkg}`),
    ...(rest.length ? [`  ${share(restUs, busy)} ${ms(restUs)} ms  (${rest.length} others)`] : []),
  ];
}

function summarize(file, top = 25) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const self = selfTimes(profile);
  const byPackage = new Map();
  const byFunction = new Map();
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (!us) continue;
    const frame = node.callFrame;
    const pkg = packageOf(frame);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const where = frame.url ? `${frame.url.replace(`file://${REPO}/`, '')}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`;
    byFunction.set(key, { pkg, us: (byFunction.get(key)?.us ?? 0) + us });
  }
  const idle = byPackage.get('idle') ?? 0;
  byPackage.delete('idle');
  const busy = [...byPackage.values()].reduce((a, b) => a + b, 0);
  const lines = [
    `${file}: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s profiled, ` +
      `${(busy / 1e6).toFixed(1)} s busy, ${(idle / 1e6).toFixed(1)} s idle`,
    '',
    'Share of the busy time per package:',
    ...packageLines(
      [...byPackage].sort((a, b) => b[1] - a[1]),
      busy,
    ),
    '',
    `Top ${top} functions by self time:`,
    ...[...byFunction]
      .filter(([key]) => !key.startsWith('(idle)'))
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([key, { us }]) => `  ${share(us, busy)} ${ms(us)} ms  ${key}`),
    '',
  ];
  console.log(lines.join('\n'));
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/profile-summary.js <file.cpuprofile> [how many functions]');
    process.exit(2);
  }
  summarize(file, top ? Number(top) : undefined);
}

module.exports = { summarize };
