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
  /**
   * Every key a token of ours may carry, as published at /.well-known/jwks.json: this one first, then the
   * previous key during a rotation (tokens it signed verify until it is removed from the configuration).
   */
  publishedJwks: JWK[];
}

/** Where the key comes from: a JWK given in the environment (production, replicas), else a file kept with the data. */
export interface SigningKeySource {
  jwk?: string;
  file: string;
  /** The key being rotated out (AUTH_SIGNING_KEY_PREVIOUS): a JWK, private or public; only its public half is used. */
  previousJwk?: string;
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
  const publicJwk: JWK = { ...publicPart, kid, alg: OWN_ALGORITHM, use: 'sig' };
  const previous = source.previousJwk ? await previousPublicJwk(source.previousJwk, publicJwk) : null;
  return {
    kid,
    privateKey: await importJWK(jwk, OWN_ALGORITHM),
    publicJwk,
    publishedJwks: previous ? [publicJwk, previous] : [publicJwk],
  };
}

/**
 * The public half of the previous key. Imported here (not only in the config) because the current key may come
 * from a file, and because only jose can tell a JWK that merely looks right from a usable P-256 key.
 */
async function previousPublicJwk(text: string, current: JWK): Promise<JWK> {
  const problem = (why: string) => new Error(`AUTH_SIGNING_KEY_PREVIOUS ${why}`);
  let jwk: JWK;
  try {
    jwk = JSON.parse(text) as JWK;
    // jose imports any EC or RSA key under any algorithm name: the curve is checked here.
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') throw new Error('not kty EC, crv P-256');
    await importJWK(publicMembers(jwk), OWN_ALGORITHM);
  } catch (err) {
    throw problem(`is not a usable ES256 JWK (${(err as Error).message})`);
  }
  const publicPart = publicMembers(jwk);
  const thumbprint = await calculateJwkThumbprint(publicPart);
  if (thumbprint === (await calculateJwkThumbprint(current)))
    throw problem('is the current signing key: give the new key as AUTH_SIGNING_KEY and the old one here');
  const kid = jwk.kid ?? thumbprint;
  if (kid === current.kid) throw problem(`has the same kid as the current signing key ("${kid}")`);
  return { ...publicPart, kid, alg: OWN_ALGORITHM, use: 'sig' };
}

/** An EC key's public members only (a private JWK given as the previous key keeps its "d" out of the JWKS). */
const publicMembers = ({ kty, crv, x, y }: JWK): JWK => ({ kty, crv, x, y });

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
