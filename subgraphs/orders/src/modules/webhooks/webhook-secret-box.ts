import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

interface BoxKey {
  /** Names the key in sealed values: a short hash of it, which reveals nothing of the key. */
  kid: string;
  key: Buffer;
}

/**
 * Webhook secrets at rest. HMAC signing needs the secret itself (a hash would
 * not do), so it is stored encrypted: AES-256-GCM under a key derived (HKDF)
 * from ORDERS_WEBHOOK_SECRET_KEY, `v2:<kid>:<iv>:<tag>:<ciphertext>` in
 * base64url, the kid naming the key it was sealed under. A database dump or a
 * replica read alone reveals no secret; the key lives outside the database
 * (the environment, or `DATA_DIR/auth` under `npm start`).
 *
 * Rotation: given the previous key too (ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS),
 * the box seals with the current key and opens values sealed under either.
 * `v1:<iv>:<tag>:<ciphertext>` values (sealed before kids) name no key: the
 * current one is tried, then the previous (GCM's tag tells a wrong key).
 * A stored value without a prefix is a secret from before encryption (such
 * webhooks were deactivated when owners came, so none is sent): read as it is.
 */
export class SecretBox {
  private readonly current: BoxKey;
  private readonly previous: BoxKey | null;

  constructor(keyMaterial: string, previousKeyMaterial?: string | null) {
    this.current = boxKey(keyMaterial, 'the webhook secret key');
    this.previous = previousKeyMaterial ? boxKey(previousKeyMaterial, 'the previous webhook secret key') : null;
    if (this.previous?.kid === this.current.kid) throw new Error('the previous webhook secret key is the current one');
  }

  /** The kid of the key new values are sealed under. */
  get kid(): string {
    return this.current.kid;
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url'));
    return ['v2', this.current.kid, ...parts].join(':');
  }

  /** The secret; throws when the value was sealed under a key this box does not hold, or altered. */
  open(stored: string): string {
    if (!SecretBox.isSealed(stored)) return stored;
    const parts = stored.split(':');
    if (parts[0] === 'v1') return this.openV1(parts.slice(1));
    const key = [this.current, this.previous].find((k) => k?.kid === parts[1]);
    if (!key) throw new Error(`the webhook secret was sealed under a key not configured here (kid ${parts[1]})`);
    return decrypt(key.key, parts.slice(2));
  }

  /** Whether a stored value was sealed under another key than the current one (it is re-sealed in a rotation). */
  needsResealing(stored: string): boolean {
    return SecretBox.isSealed(stored) && !stored.startsWith(`v2:${this.current.kid}:`);
  }

  static isSealed(stored: string): boolean {
    const parts = stored.split(':');
    return (parts[0] === 'v1' && parts.length === 4) || (parts[0] === 'v2' && parts.length === 5);
  }

  private openV1(parts: string[]): string {
    try {
      return decrypt(this.current.key, parts);
    } catch (err) {
      if (!this.previous) throw err;
      return decrypt(this.previous.key, parts);
    }
  }
}

function boxKey(keyMaterial: string, what: string): BoxKey {
  if (keyMaterial.length < 32) throw new Error(`${what} must be at least 32 characters`);
  const kid = createHash('sha256').update('supply-graph/webhook-secrets/kid\n').update(keyMaterial).digest('base64url');
  return {
    kid: kid.slice(0, 12),
    key: Buffer.from(hkdfSync('sha256', keyMaterial, 'supply-graph', 'webhook-secrets/v1', 32)),
  };
}

function decrypt(key: Buffer, [iv, tag, sealed]: string[]): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
}
