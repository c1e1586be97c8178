import { z } from 'zod';
import { optionalString } from './load-config';

/**
 * The internal secret a service falls back to outside production, so a
 * subgraph started on its own (`node dist/main.js`) in development still
 * talks to its peers. It is public (it is in this file): `npm start` makes a
 * random one per run instead, and with NODE_ENV=production a service refuses
 * to start on it, on a missing secret or on one shorter than 32 characters.
 */
export const DEV_INTERNAL_SECRET = 'supply-graph-development-internal-secret-do-not-use-in-production';

/**
 * INTERNAL_TOKEN_SECRET and NODE_ENV, parsed the same way by the gateway and
 * every subgraph (a function: load-config.ts and this module import each other).
 */
export const secretEnv = () => ({
  INTERNAL_TOKEN_SECRET: optionalString,
  NODE_ENV: optionalString,
});

/** Refuses production configs on missing or default secrets; adds one issue per problem. */
export function checkProductionSecrets(
  env: { [name: string]: unknown },
  ctx: z.RefinementCtx,
  names: string[],
  defaults: Record<string, string> = { INTERNAL_TOKEN_SECRET: DEV_INTERNAL_SECRET },
): void {
  if (env.NODE_ENV !== 'production') return;
  for (const name of names) {
    const value = env[name];
    if (typeof value !== 'string' || value === '')
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: 'is required with NODE_ENV=production' });
    else if (value === defaults[name])
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [name],
        message: 'is the public development default: set a secret of your own',
      });
    else if (value.length < 32)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: 'must be at least 32 characters' });
  }
}

/** The internal secret in effect: the configured one, else the development default. */
export const internalSecretOf = (value: string | undefined): string => value ?? DEV_INTERNAL_SECRET;
