import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';

/** The algorithm of the platform's own tokens: ES256 is what every JWT library and IdP verifies. */
export const OWN_ALGORITHM = 'ES256';

export interface SigningKey {
  kid: string;
  privateKey: KeyLike | Uint8Array;
  /** The public half as published at /.well-known/jwks.json. */
  publicJwk: JWK;
}

/** Where the key comes from: a JWK given in the environment (production, replicas), else a file kept with the data. */
export interface SigningKeySource {
  jwk?: string;
  file: string;
}

/**
 * The platform's own signing key. Given as a private JWK (AUTH_SIGNING_KEY,
 * what replicas share through a secret), or kept in a file beside the data
 * (`.data/auth/signing-key.json` under `npm start`): made on first start,
 * written once with mode 0600; a second process starting at the same moment
 * reads the first one's key rather than making its own.
 */
export async function loadSigningKey(source: SigningKeySource): Promise<SigningKey> {
  const jwk = source.jwk ? (JSON.parse(source.jwk) as JWK) : await keyFromFile(source.file);
  if (!jwk.d) throw new Error('the signing key must be a private JWK (it has no "d")');
  const kid = jwk.kid ?? (await calculateJwkThumbprint(jwk));
  const { d: _d, ...publicPart } = jwk;
  return {
    kid,
    privateKey: await importJWK(jwk, OWN_ALGORITHM),
    publicJwk: { ...publicPart, kid, alg: OWN_ALGORITHM, use: 'sig' },
  };
}

async function keyFromFile(file: string): Promise<JWK> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const { privateKey } = await generateKeyPair(OWN_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  jwk.kid = await calculateJwkThumbprint(jwk);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, JSON.stringify(jwk), { flag: 'wx', mode: 0o600 });
    return jwk;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return JSON.parse(readFileSync(file, 'utf8')) as JWK;
  }
}
