import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scryptAsync = (secret: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(secret, salt, length, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

/** scrypt's cost: N=2^14, r=8, p=1 (about 16 MiB and a few ms per check): the token endpoint is not a hot path. */
const PARAMS = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** A new client id (public) and secret (shown once): 24 random bytes each, URL-safe. */
export function newCredentials(): { clientId: string; clientSecret: string } {
  return {
    clientId: `sgc_${randomBytes(12).toString('hex')}`,
    clientSecret: `sgs_${randomBytes(24).toString('base64url')}`,
  };
}

/** `scrypt$N$r$p$salt$hash`: what is stored instead of the secret. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(secret, salt, KEY_LENGTH, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Compares in constant time; false for anything malformed. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(secret, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}
