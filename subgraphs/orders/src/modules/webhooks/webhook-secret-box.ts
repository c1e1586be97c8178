import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Webhook secrets at rest. HMAC signing needs the secret itself (a hash would
 * not do), so it is stored encrypted: AES-256-GCM under a key derived (HKDF)
 * from ORDERS_WEBHOOK_SECRET_KEY, `v1:<iv>:<tag>:<ciphertext>` in base64url.
 * A database dump or a replica read alone reveals no secret; the key lives
 * outside the database (the environment, or `DATA_DIR/auth` under `npm start`).
 * A stored value without the prefix is a secret from before encryption (such
 * webhooks were deactivated when owners came, so none is sent): read as it is.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(keyMaterial: string) {
    if (keyMaterial.length < 32) throw new Error('the webhook secret key must be at least 32 characters');
    this.key = Buffer.from(hkdfSync('sha256', keyMaterial, 'supply-graph', 'webhook-secrets/v1', 32));
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [
      VERSION,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      sealed.toString('base64url'),
    ].join(':');
  }

  /** The secret; throws when the value was sealed under another key or altered. */
  open(stored: string): string {
    if (!SecretBox.isSealed(stored)) return stored;
    const [, iv, tag, sealed] = stored.split(':');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
  }

  static isSealed(stored: string): boolean {
    return stored.startsWith(`${VERSION}:`) && stored.split(':').length === 4;
  }
}
