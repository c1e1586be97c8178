import { optionalString } from '@supply-graph/shared';
import { z } from 'zod';

/**
 * Zod shape fragment of the gateway config:
 * - AUTH_SIGNING_KEY_PREVIOUS: the signing key being rotated out, as a JWK (private or public: only its public
 *   half is used). It is published at /.well-known/jwks.json after the current key and the tokens it signed
 *   still verify; nothing new is signed with it. Remove it once its last token has expired (AUTH_TOKEN_TTL_S).
 */
export const signingKeyConfig = {
  AUTH_SIGNING_KEY_PREVIOUS: optionalString,
};

/**
 * Refuses, at start-up, a previous key that is no ES256 JWK or that is the current key (the usual slip: the
 * same value pasted into both). The key itself is imported by jose in signing-key.ts, which also catches a
 * current key kept in a file.
 */
export function checkPreviousSigningKey(
  env: { AUTH_SIGNING_KEY?: string; AUTH_SIGNING_KEY_PREVIOUS?: string },
  ctx: z.RefinementCtx,
): void {
  if (!env.AUTH_SIGNING_KEY_PREVIOUS) return;
  const issue = (message: string) =>
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['AUTH_SIGNING_KEY_PREVIOUS'], message });
  const previous = ecKeyOf(env.AUTH_SIGNING_KEY_PREVIOUS);
  if (!previous) {
    issue('must be an ES256 JWK: JSON with kty "EC", crv "P-256", x and y (private or public)');
    return;
  }
  const current = env.AUTH_SIGNING_KEY ? ecKeyOf(env.AUTH_SIGNING_KEY) : null;
  if (current && current.x === previous.x && current.y === previous.y)
    issue('is the same key as AUTH_SIGNING_KEY: give the new key as AUTH_SIGNING_KEY and the old one here');
}

function ecKeyOf(text: string): { x: string; y: string } | null {
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch {
    return null;
  }
  const { kty, crv, x, y } = (jwk ?? {}) as Record<string, unknown>;
  return kty === 'EC' && crv === 'P-256' && typeof x === 'string' && typeof y === 'string' ? { x, y } : null;
}
