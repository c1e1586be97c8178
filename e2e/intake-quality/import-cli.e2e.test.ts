import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { channelFixture } from '@supply-graph/shared/testing';
import { describePlatformSuite } from '../support/backends';
import { usePlatform } from '../support/use-platform';

const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'platform/dist/import-cli.js');

/** Runs the real command line, as an operator would. */
function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: REPO, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const tmallTrade = (tid: string, mutate: (trade: Record<string, any>) => void = () => undefined) => {
  const payload = JSON.parse(channelFixture('tmall-trade.json'));
  payload.trade.tid = tid;
  mutate(payload.trade);
  return JSON.stringify(payload);
};

describePlatformSuite('import-cli: files of channel orders through the gateway', (backend) => {
  const { platform, db } = usePlatform(backend, { customers: 30, orders: 60 });
  let dir: string;
  const stamp = String(Date.now());

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a JSON-lines file in batches, with progress, rejected lines and a summary', async () => {
    const file = path.join(dir, 'tmall.jsonl');
    const tids = [`${stamp}1`, `${stamp}2`, `${stamp}3`];
    writeFileSync(
      file,
      `${[
        tmallTrade(tids[0]),
        tmallTrade(tids[0]),
        '{"trade": ',
        tmallTrade(tids[1], (t) => (t.orders.order[0].num = 0)),
        '',
        tmallTrade(tids[2]),
      ].join('\n')}\n`,
    );
    const run = await runCli(['--channel', 'tmall', '--file', file, '--gateway', platform.gatewayUrl, '--batch', '2']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      'imported 2/5: 1 created, 1 duplicates, 0 rejected',
      'imported 4/5: 1 created, 1 duplicates, 2 rejected',
      'imported 5/5: 2 created, 1 duplicates, 2 rejected',
      expect.stringMatching(/^rejected line 3: payload: not JSON: /),
      'rejected line 4: trade.orders.order[0].num: number 0 is not a positive whole number',
      `done: 5 payloads from ${file} to tmall: 2 created, 1 duplicates, 2 rejected`,
    ]);
    const stored = await db.rows<{ external_id: string }>(
      `SELECT external_id FROM orders.sales_order
       WHERE channel_code = 'tmall' AND external_id = ANY($1) ORDER BY external_id`,
      [tids],
    );
    expect(stored.map((r) => r.external_id)).toEqual([tids[0], tids[2]]);
  });

  it('imports a POS export with several receipts, one order per receipt', async () => {
    const header = 'store_code,receipt_no,sold_at,member_phone,member_name,sku,qty,unit_price,currency';
    const receipt = (no: string) => `R${stamp}-${no}`;
    const file = path.join(dir, 'pos.csv');
    writeFileSync(
      file,
      `${[
        header,
        `SH-JINGAN-01,${receipt('1')},2026-11-23T14:02:11+08:00,13911112222,陈思远,SKU-0015,1,199.00,CNY`,
        `BJ-CHAOYANG-02,${receipt('2')},2026-11-23 15:00:00,13911113333,"Wang, Fang",SKU-0002,2,299.00,CNY`,
        `SH-JINGAN-01,${receipt('1')},2026-11-23T14:02:11+08:00,13911112222,陈思远,SKU-0210,3,39.90,CNY`,
        `SH-JINGAN-01,${receipt('3')},2026-11-23T16:00:00+08:00,,,SKU-0015,two,199.00,CNY`,
        `SH-JINGAN-01,${receipt('1')},2026-11-23T14:02:11+08:00,13911112222,陈思远,SKU-0299,1,0.00,CNY`,
      ].join('\r\n')}\r\n`,
    );
    const run = await runCli(['--channel', 'pos', '--file', file, '--gateway', platform.gatewayUrl]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('imported 3/3: 2 created, 0 duplicates, 1 rejected');
    expect(lines[1]).toMatch(new RegExp(`^rejected line 5 \\(SH-JINGAN-01:${receipt('3')}\\): .*rows\\[0\\]\\.qty: `));
    expect(lines[2]).toBe(`done: 3 payloads from ${file} to pos: 2 created, 0 duplicates, 1 rejected`);
    const orders = await db.rows<{ external_id: string; lines: number; total: string }>(
      `SELECT o.external_id, count(l.*)::int AS lines, o.total::text AS total
       FROM orders.sales_order o JOIN orders.order_line l ON l.order_id = o.id
       WHERE o.channel_code = 'pos' AND o.external_id LIKE $1 GROUP BY o.id ORDER BY o.external_id`,
      [`%R${stamp}-%`],
    );
    expect(orders).toEqual([
      { external_id: `BJ-CHAOYANG-02:${receipt('2')}`, lines: 1, total: '598.00' },
      { external_id: `SH-JINGAN-01:${receipt('1')}`, lines: 3, total: '318.70' },
    ]);

    // The same file again only finds duplicates: importing twice is safe.
    const again = await runCli(['--channel', 'pos', '--file', file, '--gateway', platform.gatewayUrl]);
    expect(again.stdout).toContain('imported 3/3: 0 created, 2 duplicates, 1 rejected');
  });

  it('exits non-zero when the file cannot be read, the arguments are wrong or the gateway is down', async () => {
    const missing = await runCli([
      '--channel',
      'tmall',
      '--file',
      path.join(dir, 'nope.jsonl'),
      '--gateway',
      platform.gatewayUrl,
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^cannot read .*nope\.jsonl: ENOENT/);
    const noHeader = path.join(dir, 'bad.csv');
    writeFileSync(noHeader, 'sku,qty\nSKU-0001,1\n');
    const ungroupable = await runCli(['--channel', 'pos', '--file', noHeader, '--gateway', platform.gatewayUrl]);
    expect(ungroupable.code).toBe(1);
    expect(ungroupable.stderr).toMatch(/no store_code or receipt_no column/);
    const usage = await runCli(['--channel', 'tmall', '--file', noHeader, '--batch', '501']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--batch must be a whole number from 1 to 500/);
    const down = path.join(dir, 'one.jsonl');
    writeFileSync(down, `${tmallTrade(`${stamp}9`)}\n`);
    const unreachable = await runCli(['--channel', 'tmall', '--file', down, '--gateway', 'http://127.0.0.1:9/graphql']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/^import failed: /);
  });
});
