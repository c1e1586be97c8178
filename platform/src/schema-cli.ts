import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './config';
import { SUPERGRAPH_FILE, buildSubgraphSdls, composeSupergraph, readCommitted, subgraphSdlFile } from './compose';
import { checkContract, readContract } from './contract-check';
import { SUBGRAPHS } from './subgraphs';

/**
 * `npm run schema`: writes each subgraph's SDL to `subgraphs/<name>/schema.graphql`
 * and composes `supergraph.graphql`. With `--check` it writes nothing and
 * fails when a committed file differs from what the code produces.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const sdls = await buildSubgraphSdls();
  const composition = composeSupergraph(sdls);
  for (const hint of composition.hints) process.stdout.write(`hint: ${hint}\n`);
  if (!composition.supergraphSdl) {
    for (const error of composition.errors) process.stderr.write(`composition error: ${error}\n`);
    process.exit(1);
  }
  const contractProblems = checkContract(readContract(REPO_ROOT), composition.supergraphSdl);
  for (const problem of contractProblems) {
    process.stderr.write(`${check ? 'contract' : 'warning: contract'}: ${problem}\n`);
  }
  const files: [string, string][] = [
    ...SUBGRAPHS.map(({ name }) => [subgraphSdlFile(name), sdls[name]] as [string, string]),
    [SUPERGRAPH_FILE, composition.supergraphSdl],
  ];
  let drift = false;
  for (const [file, content] of files) {
    const rel = path.relative(REPO_ROOT, file);
    if (readCommitted(file) === content) continue;
    if (check) {
      drift = true;
      process.stderr.write(`${rel} is out of date: run \`npm run schema\`\n`);
    } else {
      writeFileSync(file, content);
      process.stdout.write(`wrote ${rel}\n`);
    }
  }
  if (drift || (check && contractProblems.length)) process.exit(1);
  if (composition.hints.length && check) process.exit(1);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
