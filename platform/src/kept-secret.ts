import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A random secret kept in a file beside the data (`DATA_DIR/auth/<name>`),
 * made on first start with mode 0600, the same on every later start: what
 * `npm start` uses where a deployment would give its own (e.g. the key webhook
 * secrets are sealed with). A second process starting at the same moment
 * reads the first one's.
 */
export function keptSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, 'auth', name);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return readFileSync(file, 'utf8').trim();
  }
}
