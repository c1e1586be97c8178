import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { importItems, progressLine, rejectionLine, type ImportTally } from '../import/import-client';
import { csvRecords, readJsonLines, readPosCsv } from '../import/payload-file';

const IMPORT_CLI = path.resolve(__dirname, '../../dist/import-cli.js');

describe('npm run import with a channel it does not know', () => {
  const run = (channel: string) =>
    spawnSync(process.execPath, [IMPORT_CLI, '--channel', channel, '--file', 'no-such-file.jsonl'], {
      encoding: 'utf8',
    });

  it('stops before reading the file, exit 2, naming the known channels and the nearest one', () => {
    const result = run('tmal');
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      'unknown channel "tmal". Did you mean "tmall"? Known channels: webstore, shopify, tmall, jd, douyin, amazon, pos',
    );
    expect(result.stdout).toBe('');
  });

  it('suggests nothing for a name close to none (and reads the channel case-insensitively)', () => {
    const result = run('eBay');
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      'unknown channel "ebay". Known channels: webstore, shopify, tmall, jd, douyin, amazon, pos',
    );
    expect(run('SHOPFIY').stderr).toContain('Did you mean "shopify"?');
    // A known channel gets past the check to the file, which is missing here.
    expect(run('TMALL')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('cannot read no-such-file.jsonl'),
    });
  });
});

describe('readJsonLines', () => {
  it('gives one payload per non-blank line with its line number, and a problem for a line that is not JSON', () => {
    const items = readJsonLines('\uFEFF{"a":1}\r\n\n{"b":\nnull\n  \n[1]\n');
    expect(items).toEqual([
      { line: 1, payload: { a: 1 } },
      { line: 3, problems: [{ field: 'payload', message: expect.stringMatching(/^not JSON: /) }] },
      { line: 4, problems: [{ field: 'payload', message: 'expected a JSON object, got null' }] },
      { line: 6, payload: [1] },
    ]);
  });
});

describe('POS CSV files', () => {
  const HEADER = 'store_code,receipt_no,sold_at,sku,qty,unit_price,currency,member_phone,member_name';

  it('splits records on line breaks outside quotes and keeps each record as written', () => {
    const records = csvRecords('a,b\r\n"x\ny",2\n\n3,"say ""hi"""\n');
    expect(records.map((r) => [r.line, r.raw, r.fields])).toEqual([
      [1, 'a,b', ['a', 'b']],
      [2, '"x\ny",2', ['x\ny', '2']],
      [5, '3,"say ""hi"""', ['3', 'say "hi"']],
    ]);
  });

  it('groups rows by store and receipt, each group under the header becoming one payload', () => {
    const text = [
      HEADER,
      'SH-01,R1,2026-11-23 10:00:00,SKU-0001,1,10.00,CNY,,Lin',
      'SH-01,R2,2026-11-23 10:05:00,SKU-0002,2,5.00,CNY,,Wu',
      'SH-01,R1,2026-11-23 10:00:00,SKU-0003,1,1.00,CNY,,Lin',
      'BJ-02,R1,2026-11-23 11:00:00,SKU-0001,1,10.00,CNY,,Zhao',
    ].join('\n');
    expect(readPosCsv(text)).toEqual([
      {
        line: 2,
        label: 'SH-01:R1',
        payload:
          `${HEADER}\nSH-01,R1,2026-11-23 10:00:00,SKU-0001,1,10.00,CNY,,Lin\n` +
          'SH-01,R1,2026-11-23 10:00:00,SKU-0003,1,1.00,CNY,,Lin\n',
      },
      { line: 3, label: 'SH-01:R2', payload: `${HEADER}\nSH-01,R2,2026-11-23 10:05:00,SKU-0002,2,5.00,CNY,,Wu\n` },
      { line: 5, label: 'BJ-02:R1', payload: `${HEADER}\nBJ-02,R1,2026-11-23 11:00:00,SKU-0001,1,10.00,CNY,,Zhao\n` },
    ]);
  });

  it('refuses a file whose receipts cannot be told apart, or with an unclosed quote', () => {
    expect(() => readPosCsv('sku,qty\nSKU-1,1\n')).toThrow('the CSV header has no store_code or receipt_no column');
    expect(() => readPosCsv('')).toThrow('the CSV file is empty');
    expect(() => readPosCsv(`${HEADER}\nSH-01,"R1\n`)).toThrow('line 2: a quoted field is never closed');
  });
});

describe('importItems', () => {
  let server: Server;
  let url: string;
  const calls: { channel: string; payloads: unknown[] }[] = [];

  // A stand-in gateway: payload {n} answers created when n is even, a duplicate when odd, rejected when n < 0.
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const { variables } = JSON.parse(body) as { variables: { channel: string; payloads: { n: number }[] } };
        calls.push(variables);
        const results = variables.payloads.map((p, index) => ({
          index,
          created: p.n >= 0 && p.n % 2 === 0,
          order: p.n < 0 ? null : { id: `o${p.n}` },
          errors: p.n < 0 ? [{ field: 'lines[0].qty', message: 'is required' }] : [],
        }));
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify(
            variables.channel === 'down'
              ? { errors: [{ message: 'boom', extensions: { code: 'INTERNAL' } }] }
              : { data: { importChannelOrders: results } },
          ),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends batches, tallies every item, and lists rejections by line, unreadable lines included', async () => {
    calls.length = 0;
    const items = readJsonLines(['{"n":0}', '{"n":1}', 'oops', '{"n":-1}', '{"n":2}'].join('\n'));
    const progress: string[] = [];
    const tally = await importItems(items, {
      gateway: url,
      token: 't',
      channel: 'tmall',
      batchSize: 2,
      onProgress: (t) => progress.push(progressLine(t)),
    });
    expect(calls.map((c) => c.payloads)).toEqual([[{ n: 0 }, { n: 1 }], [{ n: -1 }], [{ n: 2 }]]);
    expect(progress).toEqual([
      'imported 2/5: 1 created, 1 duplicates, 0 rejected',
      'imported 4/5: 1 created, 1 duplicates, 2 rejected',
      'imported 5/5: 2 created, 1 duplicates, 2 rejected',
    ]);
    expect(tally).toMatchObject<Partial<ImportTally>>({
      total: 5,
      processed: 5,
      created: 2,
      duplicates: 1,
      rejected: 2,
    });
    expect(tally.rejections.map(rejectionLine)).toEqual([
      expect.stringMatching(/^line 3: payload: not JSON/),
      'line 4: lines[0].qty: is required',
    ]);
  });

  it('throws when the gateway refuses a whole batch', async () => {
    await expect(
      importItems(readJsonLines('{"n":0}'), { gateway: url, token: 't', channel: 'down', batchSize: 10 }),
    ).rejects.toThrow('the gateway refused the batch: INTERNAL: boom');
  });
});
