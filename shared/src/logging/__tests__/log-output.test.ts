import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { z } from 'zod';
import { loadConfig, logFormat } from '@supply-graph/shared';

const REPO = path.resolve(__dirname, '../../../..');

/**
 * What a process prints on stdout when its services log (LOG_FORMAT given, as
 * the entry points apply it) and it then prints a banner: the platform's
 * three loggers, many lines each, interleaved, then an error with its stack.
 */
function output(format: 'json' | 'pretty'): string {
  const script = `
    const { createLogger, setLogFormat, writeConsole } = require('@supply-graph/shared');
    setLogFormat(${JSON.stringify(format)});
    const services = ['platform', 'orders', 'gateway'].map((name) => createLogger(name, 'info'));
    for (let i = 0; i < 300; i++) services[i % 3].info({ i, email: 'zhou.min@example.com' }, 'step ' + i);
    services[0].error({ err: new Error('boom') }, 'it failed');
    writeConsole('\\nsupply-graph is up\\n  gateway     http://localhost:4000/graphql\\n\\n');
    services[2].info('after the banner');`;
  return execFileSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8' });
}

const steps = (lines: string[]) =>
  lines
    .map((line) => /step (\d+)/.exec(line)?.[1])
    .filter(Boolean)
    .map(Number);

describe('the log output of a process', () => {
  it('json: one object per line, in the order the services wrote them, the banner after them', () => {
    const lines = output('json').split('\n');
    const banner = lines.indexOf('supply-graph is up');
    const logged = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
    expect(logged.slice(0, 300).map((line) => [line.service, line.i])).toEqual(
      Array.from({ length: 300 }, (_, i) => [['platform', 'orders', 'gateway'][i % 3], i]),
    );
    expect(logged[300]).toMatchObject({ level: 'error', msg: 'it failed', err: { message: 'boom' } });
    expect(logged[0].email).toBe('[redacted]');
    // Every line logged before the banner is above it, the next one below.
    expect(lines.slice(0, banner).filter((line) => line.startsWith('{'))).toHaveLength(301);
    expect(JSON.parse(lines.at(-2)!)).toMatchObject({ service: 'gateway', msg: 'after the banner' });
  });

  it('pretty: a readable line per event naming its service, stacks below, in order, the banner after them', () => {
    const lines = output('pretty').split('\n');
    const banner = lines.indexOf('supply-graph is up');
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: platform: step 0 \{"i":0,"email":"\[redacted\]"\}$/);
    expect(steps(lines.slice(0, banner))).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
    const failed = lines.findIndex((line) => /ERROR: platform: it failed/.test(line));
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(banner);
    expect(lines.slice(failed, banner).join('\n')).toMatch(/Error: boom\n\s+at /);
    expect(lines.at(-2)).toMatch(/INFO: gateway: after the banner$/);
  });
});

describe('LOG_FORMAT', () => {
  const tty = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
  afterEach(() => {
    if (tty) Object.defineProperty(process.stdout, 'isTTY', tty);
    else delete (process.stdout as { isTTY?: boolean }).isTTY;
  });
  const formatWhen = (isTTY: boolean, env: Record<string, string>) => {
    Object.defineProperty(process.stdout, 'isTTY', { value: isTTY, configurable: true });
    return loadConfig('test', z.object({ LOG_FORMAT: logFormat }), env).LOG_FORMAT;
  };

  it('is pretty on a terminal and json otherwise, unless set; anything else is refused', () => {
    expect(formatWhen(true, {})).toBe('pretty');
    expect(formatWhen(false, {})).toBe('json');
    expect(formatWhen(true, { LOG_FORMAT: 'json' })).toBe('json');
    expect(formatWhen(false, { LOG_FORMAT: 'Pretty' })).toBe('pretty');
    expect(() => formatWhen(true, { LOG_FORMAT: 'yaml' })).toThrow(/LOG_FORMAT/);
  });
});
