import { rmSync } from 'node:fs';
import { dropTemplateDatabases, SERVER_SUITES_NOTE, testConfig } from '@supply-graph/shared/testing';
import { E2E_BACKENDS_NOTE } from './backends';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { __embeddedPg?: { stop(): Promise<void> }; __embeddedDir?: string };
  await state.__embeddedPg?.stop();
  // The embedded cluster goes with its folder; the server keeps what is not dropped.
  const server = testConfig.serverDatabaseUrl();
  if (server) await dropTemplateDatabases(server);
  if (state.__embeddedDir) rmSync(state.__embeddedDir, { recursive: true, force: true });
  // Said again at the end, where a reader of the summary looks.
  if (!testConfig.serverDatabaseUrl()) process.stdout.write(`\n${SERVER_SUITES_NOTE}\n`);
  else if (testConfig.e2eBackends() === 'one') process.stdout.write(`\n${E2E_BACKENDS_NOTE}\n`);
}
