import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SUPPORTED_CHANNELS } from '@supply-graph/orders';
import { unknownChannelMessage } from './import/channel-choice';
import { importItems, progressLine, rejectionLine } from './import/import-client';
import { mintLocalToken } from './local-token';
import { readJsonLines, readPosCsv, type FileItem } from './import/payload-file';

const USAGE =
  'usage: node platform/dist/import-cli.js --channel CODE --file PATH [--gateway URL] [--batch N] [--token JWT]\n' +
  `  --channel  channel code (${SUPPORTED_CHANNELS.join(', ')})
  --file     JSON lines, one payload per line; for --channel pos a CSV export with one or more receipts
  --gateway  GraphQL endpoint (default http://localhost:4000/graphql)
  --batch    payloads per call, 1..500 (default 100)
  --token    a token with orders:write (default: one signed with this checkout's own key)
exit status: 0 when every payload was processed (rejections are listed), 1 when the file cannot be read
or the gateway fails, 2 on wrong arguments (an unknown channel among them: nothing is read or sent)`;

const MAX_BATCH = 500;

class UsageError extends Error {}

/** Said on its own: the usage text would bury the list of channels. */
class UnknownChannel extends UsageError {}

interface CliOptions {
  channel: string;
  file: string;
  gateway: string;
  batchSize: number;
  token: string | undefined;
}

function readOptions(argv: string[]): CliOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      channel: { type: 'string' },
      file: { type: 'string' },
      gateway: { type: 'string', default: 'http://localhost:4000/graphql' },
      batch: { type: 'string', default: '100' },
      token: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return null;
  if (!values.channel?.trim()) throw new UsageError('--channel is required');
  const channel = values.channel.trim().toLowerCase();
  // Before the file is read: a misspelt channel would otherwise fail every line of it, one by one.
  const unknown = unknownChannelMessage(channel, SUPPORTED_CHANNELS);
  if (unknown) throw new UnknownChannel(unknown);
  if (!values.file) throw new UsageError('--file is required');
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH) {
    throw new UsageError(`--batch must be a whole number from 1 to ${MAX_BATCH}, got "${values.batch}"`);
  }
  return {
    channel,
    file: values.file,
    gateway: values.gateway!,
    batchSize,
    token: values.token,
  };
}

async function readItems(options: CliOptions): Promise<FileItem[]> {
  const text = await readFile(options.file, 'utf8');
  return options.channel === 'pos' ? readPosCsv(text) : readJsonLines(text);
}

/**
 * Imports a file of channel orders through the gateway's
 * `importChannelOrders`, printing progress after each batch, every rejected
 * payload with its line and problems, and a summary.
 */
async function main(argv: string[]): Promise<number> {
  let options: CliOptions | null;
  try {
    options = readOptions(argv);
  } catch (err) {
    const usage = err instanceof UnknownChannel ? '' : `${USAGE}\n`;
    process.stderr.write(`${(err as Error).message}\n${usage}`);
    return 2;
  }
  if (!options) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let items: FileItem[];
  try {
    items = await readItems(options);
  } catch (err) {
    process.stderr.write(`cannot read ${options.file}: ${(err as Error).message}\n`);
    return 1;
  }
  const opts = options;
  try {
    const token =
      opts.token ?? (await mintLocalToken({ sub: 'import-cli', scopes: ['orders:write'], ttlSeconds: 3600 }));
    const tally = await importItems(items, {
      gateway: opts.gateway,
      token,
      channel: opts.channel,
      batchSize: opts.batchSize,
      onProgress: (t) => process.stdout.write(`${progressLine(t)}\n`),
    });
    for (const rejection of tally.rejections) process.stdout.write(`rejected ${rejectionLine(rejection)}\n`);
    process.stdout.write(
      `done: ${tally.total} payloads from ${opts.file} to ${opts.channel}: ` +
        `${tally.created} created, ${tally.duplicates} duplicates, ${tally.rejected} rejected\n`,
    );
    return 0;
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause?.message;
    process.stderr.write(`import failed: ${(err as Error).message}${cause ? ` (${cause})` : ''}\n`);
    process.stderr.write('importing the file again is safe: orders already stored answer as duplicates\n');
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
