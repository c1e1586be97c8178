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
 * INTERNAL_TOKEN_SECRET, INTERNAL_TOKEN_SECRET_PREVIOUS (the secret being rotated out: tokens signed with it are
 * still accepted, none is signed with it) and NODE_ENV, parsed the same way by the gateway and every subgraph
 * (a function: load-config.ts and this module import each other).
 */
export const secretEnv = () => ({
  INTERNAL_TOKEN_SECRET: optionalString,
  INTERNAL_TOKEN_SECRET_PREVIOUS: optionalString,
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

/**
 * `<name>_PREVIOUS`, the secret being rotated out, when set: it needs the new one beside it and must differ
 * from it (the usual slip: the same value pasted into both), and is held to what the current one is held to:
 * 32+ characters (it signed once), and in production not the public default.
 */
export function checkPreviousSecret(
  env: { [name: string]: unknown },
  ctx: z.RefinementCtx,
  name: string,
  defaults: Record<string, string> = { INTERNAL_TOKEN_SECRET: DEV_INTERNAL_SECRET },
): void {
  const previousName = `${name}_PREVIOUS`;
  const previous = env[previousName];
  if (typeof previous !== 'string' || previous === '') return;
  const issue = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [previousName], message });
  if (typeof env[name] !== 'string' || env[name] === '')
    issue(`needs ${name}: set the new secret there and keep the old one here until it is no longer used`);
  else if (previous === env[name]) issue(`is the same as ${name}: set the new secret there and the old one here`);
  else if (previous.length < 32) issue('must be at least 32 characters');
  else checkProductionSecrets(env, ctx, [previousName], { [previousName]: defaults[name] });
}

/** The internal secret in effect: the configured one, else the development default. */
export const internalSecretOf = (value: string | undefined): string => value ?? DEV_INTERNAL_SECRET;
