import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The channel order samples (copied from the shared contract folder; keep in
 * line with it). The source tree holds them; `dist/` points back there.
 */
export const CHANNEL_FIXTURES_DIR = path.resolve(__dirname, '../../src/testing/fixtures/channels');

export function channelFixture(file: string): string {
  return readFileSync(path.join(CHANNEL_FIXTURES_DIR, file), 'utf8');
}
