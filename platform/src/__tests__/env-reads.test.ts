import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');
const SOURCES = ['shared/src', 'gateway/src', 'platform/src', 'subgraphs'];

/** Config modules: a service's `config.ts`, a feature's `*.config.ts`, shared/src/config/ and the tests' settings. */
const isConfigModule = (file: string) =>
  /(^|\/)config\.ts$|\.config\.ts$|^shared\/src\/config\//.test(file) || file === 'shared/src/testing/config.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return ['node_modules', 'dist', '__tests__'].includes(entry.name) ? [] : sourceFiles(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

describe('settings come from the environment through config modules only', () => {
  it('no other source file reads process.env (STYLE.md, Config)', () => {
    const files = SOURCES.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const readers = files.filter((file) => !isConfigModule(file) && /process\.env\b/.test(readFile(file)));
    expect(readers).toEqual([]);
  });
});

const readFile = (file: string) =>
  readFileSync(path.join(REPO, file), 'utf8')
    .split('\n')
    // Comments may name it.
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .join('\n');
