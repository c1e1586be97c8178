import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from 'nats';
import { testConfig } from './config';

/**
 * Whether a NATS server answers at `servers` (first entry). Synchronous, so a
 * test file can decide at load time whether to register its NATS suites.
 */
export function natsReachable(servers: string = testConfig.natsUrl()): boolean {
  const first = servers.split(',')[0].trim();
  const { hostname, port } = new URL(first.includes('://') ? first : `nats://${first}`);
  const probe = `
    const socket = require('node:net').connect(Number(process.argv[2]), process.argv[1]);
    socket.once('data', (d) => process.exit(String(d).startsWith('INFO') ? 0 : 1));
    socket.once('error', () => process.exit(1));
    setTimeout(() => process.exit(1), 2000);`;
  const result = spawnSync(process.execPath, ['-e', probe, hostname.replace(/^\[|\]$/g, ''), port || '4222'], {
    timeout: 5000,
  });
  return result.status === 0;
}

/** Settings for an isolated stream on a shared server: tests never see each other's events. */
export function isolatedNatsSettings(): { NATS_URL: string; NATS_STREAM: string; NATS_SUBJECT_PREFIX: string } {
  const id = randomBytes(4).toString('hex');
  return { NATS_URL: testConfig.natsUrl(), NATS_STREAM: `TEST_${id}`, NATS_SUBJECT_PREFIX: `test_${id}` };
}

export async function deleteNatsStream(url: string, stream: string): Promise<void> {
  const nc = await connect({ servers: url.split(',') });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(stream).catch(() => undefined);
  } finally {
    await nc.close();
  }
}

export type BusKind = 'in-process' | 'nats';

/**
 * The event buses to run flow suites on: in-process always, NATS when a server
 * answers. On CI a missing NATS server fails the run instead of skipping.
 */
export function testBuses(): { bus: BusKind; skip: boolean; note: string }[] {
  const reachable = natsReachable();
  if (!reachable && testConfig.isCi())
    throw new Error(`CI must test on NATS too: no NATS server answers at ${testConfig.natsUrl()}`);
  return [
    { bus: 'in-process', skip: false, note: 'in-process bus' },
    {
      bus: 'nats',
      skip: !reachable,
      note: reachable ? 'NATS JetStream' : `NATS: skipped, no server at ${testConfig.natsUrl()}`,
    },
  ];
}
