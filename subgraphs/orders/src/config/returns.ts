import { z } from 'zod';
import { configSection, deepFreeze, numberVar } from './env-vars';

/** Every reason a return may give; `ReturnReason` in the schema. */
export const RETURN_REASONS = [
  'DAMAGED',
  'DEFECTIVE',
  'WRONG_ITEM',
  'NOT_AS_DESCRIBED',
  'SIZE_FIT',
  'CHANGED_MIND',
  'OTHER',
] as const;

const reasonList = (fallback: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .default(fallback)
      .transform((text) =>
        text
          .split(',')
          .map((r) => r.trim().toUpperCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(RETURN_REASONS))),
  );

/**
 * Returns:
 * - ORDERS_RETURN_WINDOW_DAYS (default 30, 0..3650): a return requested within this many days of the order's
 *   delivery (of its placement while it is not delivered) may be authorised at once; a later one waits for review
 * - ORDERS_RETURN_AUTO_APPROVE_REASONS (default DAMAGED,DEFECTIVE,WRONG_ITEM,NOT_AS_DESCRIBED,SIZE_FIT,CHANGED_MIND):
 *   comma-separated reasons authorised at once inside the window; any other (by default OTHER) waits for review
 */
export const returnsEnv = z
  .object({
    ORDERS_RETURN_WINDOW_DAYS: numberVar(z.number().int().min(0).max(3_650), 30),
    ORDERS_RETURN_AUTO_APPROVE_REASONS: reasonList(
      'DAMAGED,DEFECTIVE,WRONG_ITEM,NOT_AS_DESCRIBED,SIZE_FIT,CHANGED_MIND',
    ),
  })
  .transform((env) => ({
    returns: deepFreeze({
      windowDays: env.ORDERS_RETURN_WINDOW_DAYS,
      autoApproveReasons: env.ORDERS_RETURN_AUTO_APPROVE_REASONS as readonly string[],
    }),
  }));

/** How returns are authorised (see `returnsEnv` for the variables and their defaults). */
export type ReturnSettings = z.output<typeof returnsEnv>['returns'];
const returnSection = configSection(returnsEnv, 'returns');

/** The documented defaults, for code that runs without an environment (unit tests, tools). */
export const DEFAULT_RETURN_SETTINGS: Readonly<ReturnSettings> = returnSection.defaults;

/** The return settings inside a started subgraph's config; the defaults when it carries none. */
export const returnSettingsOf: (config: object) => Readonly<ReturnSettings> = returnSection.settingsOf;
