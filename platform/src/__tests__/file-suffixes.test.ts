import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const HEADING = '### File names: one suffix per role';

/** The role suffixes the README declares: the bullets "- `.<role>.ts`: ..." under its heading. */
function declaredSuffixes(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(HEADING);
  if (start < 0) throw new Error(`README.md has no "${HEADING}" section`);
  const section = readme.slice(start + HEADING.length).split(/\n#{2,3} /)[0];
  return [...section.matchAll(/^- `\.([a-z]+)\.ts`: \S/gm)].map((m) => m[1]);
}

/** Every .ts file of the source trees, relative to the repository root. */
function sourceFiles(): string[] {
  const roots = [
    ...readdirSync(path.join(ROOT, 'subgraphs')).map((name) => `subgraphs/${name}/src`),
    'shared/src',
    'gateway/src',
    'platform/src',
  ];
  const walk = (dir: string): string[] =>
    readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : walk(rel);
      return entry.name.endsWith('.ts') ? [rel] : [];
    });
  return roots.flatMap(walk);
}

/**
 * The role suffixes a file name carries: `<name>.<role>.ts`, or `<unit>.test.ts` in `__tests__/`
 * where the unit is itself `<name>` or `<name>.<role>`. Names themselves hold no dots.
 */
function suffixesOf(file: string): { suffixes: string[]; problem?: string } {
  const parts = path.basename(file).split('.').slice(0, -1);
  const isTest = parts.at(-1) === 'test';
  if (isTest && !file.includes('/__tests__/')) return { suffixes: ['test'], problem: 'a test outside __tests__/' };
  const unit = isTest ? parts.slice(0, -1) : parts;
  const suffixes = [...unit.slice(1), ...(isTest ? ['test'] : [])];
  return unit.length > 2 ? { suffixes, problem: 'more than one role suffix' } : { suffixes };
}

describe('file names: one suffix per role, as the README lists them', () => {
  const declared = declaredSuffixes();
  const files = sourceFiles();

  it('the README lists each suffix once', () => {
    expect(declared.length).toBeGreaterThan(10);
    expect(declared.filter((s, i) => declared.indexOf(s) !== i)).toEqual([]);
  });

  it('every source file uses only listed suffixes, at most one role each, tests in __tests__/', () => {
    const problems = files.flatMap((file) => {
      const { suffixes, problem } = suffixesOf(file);
      const unknown = suffixes.filter((s) => !declared.includes(s)).map((s) => `${file}: .${s}.ts is not in README.md`);
      return problem ? [...unknown, `${file}: ${problem}`] : unknown;
    });
    expect(problems).toEqual([]);
  });

  it('every listed suffix is in use', () => {
    const used = new Set(files.flatMap((file) => suffixesOf(file).suffixes));
    expect(declared.filter((s) => !used.has(s))).toEqual([]);
  });

  it('reads a file name as its role suffixes', () => {
    expect(suffixesOf('subgraphs/orders/src/modules/order/order.service.ts')).toEqual({ suffixes: ['service'] });
    expect(suffixesOf('shared/src/events/outbox.ts')).toEqual({ suffixes: [] });
    expect(suffixesOf('gateway/src/x/__tests__/rate-limit.plugin.test.ts')).toEqual({ suffixes: ['plugin', 'test'] });
    expect(suffixesOf('gateway/src/x/__tests__/outbox.test.ts')).toEqual({ suffixes: ['test'] });
    expect(suffixesOf('shared/src/a.b.service.ts').problem).toBe('more than one role suffix');
    expect(suffixesOf('shared/src/events/outbox.test.ts').problem).toBe('a test outside __tests__/');
  });
});
