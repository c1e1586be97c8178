import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadTrustedDocuments, trustedDocumentsFrom } from '../manifest';
import { DEFAULT_TRUSTED_DOCUMENTS_PATH } from '../trusted-documents.config';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const repoRoot = path.resolve(__dirname, '../../../..');

describe('the committed persisted-documents manifest', () => {
  const committed = JSON.parse(readFileSync(DEFAULT_TRUSTED_DOCUMENTS_PATH, 'utf8')) as Record<string, string>;

  it('is where the default TRUSTED_DOCUMENTS_PATH points: the file codegen writes', () => {
    expect(DEFAULT_TRUSTED_DOCUMENTS_PATH).toBe(path.join(repoRoot, 'e2e/generated/persisted-documents.json'));
    expect(Object.keys(committed).length).toBeGreaterThan(0);
  });

  it('keys every document by the sha256 of its text', () => {
    for (const [hash, text] of Object.entries(committed)) expect(hash).toBe(sha256(text));
  });

  it('holds the e2e operations, and knows their source text whatever its comments, spacing or field order', () => {
    const manifest = loadTrustedDocuments(DEFAULT_TRUSTED_DOCUMENTS_PATH);
    const source = readFileSync(path.join(repoRoot, 'e2e/operations/customer-360.graphql'), 'utf8');
    const hash = manifest.hashOfText(source);
    expect(hash).toBeDefined();
    expect(manifest.textOf(hash!)).toMatch(/^query Customer360\(/);
    // The generated client carries the same hash (what a frontend sends).
    const generated = readFileSync(path.join(repoRoot, 'e2e/generated/graphql.ts'), 'utf8');
    expect(generated).toContain(`export const Customer360Document = {"__meta__":{"hash":"${hash}"}`);
  });

  it("holds the frontends' operations only, not the probes the test suites write inline", () => {
    const operations = readdirSync(path.join(repoRoot, 'e2e/operations'))
      .flatMap((file) => readFileSync(path.join(repoRoot, 'e2e/operations', file), 'utf8').match(/^\w+ \w+/gm) ?? [])
      .sort();
    const documents = Object.values(committed).map((text) => text.match(/^\w+ \w+/)?.[0]);
    expect(documents.sort()).toEqual(operations);
    expect(documents).not.toContain('query LimitsFirstCustomer');
  });
});

describe('trustedDocumentsFrom', () => {
  const text = 'query Hello { hello }';
  const manifest = trustedDocumentsFrom({ [sha256(text)]: text });

  it('finds a document by bare and by sha256:-prefixed hash', () => {
    expect(manifest.textOf(sha256(text))).toBe(text);
    expect(manifest.textOf(`sha256:${sha256(text)}`)).toBe(text);
    expect(manifest.textOf(sha256('query Hello { secret }'))).toBeUndefined();
  });

  it('finds a document by its text, not by another or an unparseable one', () => {
    expect(manifest.hashOfText(text)).toBe(sha256(text));
    expect(manifest.hashOfText('# greeting\nquery Hello {\n  hello\n}\n')).toBe(sha256(text));
    expect(manifest.hashOfText('query Hello { hello secret }')).toBeUndefined();
    expect(manifest.hashOfText('query Other { hello }')).toBeUndefined();
    expect(manifest.hashOfText('query Hello { hello')).toBeUndefined();
  });

  it('refuses a manifest whose key is not the sha256 of its text', () => {
    expect(() => trustedDocumentsFrom({ [sha256(text)]: 'query Hello { secret }' })).toThrow(/not the sha256/);
    expect(() => trustedDocumentsFrom({ abc: text })).toThrow(/sha256/);
    expect(() => trustedDocumentsFrom(['query { hello }'])).toThrow(/not a persisted-documents manifest/);
  });

  it('refuses to start on a missing manifest file, naming the variable', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trusted-'));
    expect(() => loadTrustedDocuments(path.join(dir, 'missing.json'))).toThrow(/TRUSTED_DOCUMENTS_PATH/);
    writeFileSync(path.join(dir, 'ok.json'), JSON.stringify({ [sha256(text)]: text }));
    expect(loadTrustedDocuments(path.join(dir, 'ok.json')).size).toBe(1);
  });
});
