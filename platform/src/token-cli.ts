import { parseArgs } from 'node:util';
import { isScope, SCOPES } from '@supply-graph/shared';
import { mintLocalToken } from './local-token';

const USAGE = `usage: npm run --silent token -- --sub NAME --scope "SCOPES" [--channels a,b] [--ttl SECONDS]
  --sub       who the token is for (a staff member's name, or a service)
  --scope     space-separated scopes: ${SCOPES.join(' ')}
              ("all" for every one of them)
  --channels  comma-separated channel codes the holder is limited to (default: every channel)
  --ttl       lifetime in seconds, 60..2592000 (default 3600)
prints one line: a token signed with the platform's own key (DATA_DIR/auth/signing-key.json or AUTH_SIGNING_KEY)`;

class UsageError extends Error {}

function readRequest(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      sub: { type: 'string' },
      scope: { type: 'string' },
      channels: { type: 'string' },
      ttl: { type: 'string', default: '3600' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return null;
  const sub = values.sub?.trim();
  if (!sub) throw new UsageError('--sub is required');
  if (values.scope === undefined) throw new UsageError('--scope is required');
  const scopes = values.scope.trim() === 'all' ? [...SCOPES] : values.scope.split(/\s+/).filter(Boolean);
  const unknown = scopes.filter((s) => !isScope(s));
  if (unknown.length) throw new UsageError(`unknown scope(s): ${unknown.join(', ')}`);
  const ttlSeconds = Number(values.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 60 || ttlSeconds > 30 * 86_400)
    throw new UsageError(`--ttl must be 60..2592000, got "${values.ttl}"`);
  const channels = values.channels
    ?.split(',')
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);
  return { sub, scopes, channels: channels?.length ? channels : null, ttlSeconds };
}

async function main(argv: string[]): Promise<number> {
  let request: ReturnType<typeof readRequest>;
  try {
    request = readRequest(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!request) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  process.stdout.write(`${await mintLocalToken(request)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
