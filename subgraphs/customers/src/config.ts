import { z } from 'zod';
import { loadConfig, subgraphEnv } from '@supply-graph/shared';

// An empty variable means "not set", as everywhere else in the project.
const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Four descending (or, for days, ascending) whole numbers, e.g. "30,90,180,365". */
const fourSteps = (fallback: string, order: 'ascending' | 'descending') =>
  z.preprocess(
    blankIsUnset,
    z
      .string()
      .default(fallback)
      .transform((text) => text.split(',').map((part) => Number(part.trim())))
      .refine((steps) => steps.length === 4 && steps.every((n) => Number.isInteger(n) && n >= 0), {
        message: 'must be four whole numbers separated by commas',
      })
      .refine(
        (steps) => steps.every((n, i) => i === 0 || (order === 'ascending' ? n > steps[i - 1] : n < steps[i - 1])),
        {
          message: `must be ${order}`,
        },
      ),
  );

/**
 * "USD=7.10,EUR=7.70": CNY per unit of each currency, at most six decimals,
 * read into integer millionths (never through a float). CNY is always 1.
 */
const ratesVar = (fallback: string) =>
  z.preprocess(
    blankIsUnset,
    z
      .string()
      .default(fallback)
      .transform((text, ctx) => {
        const rates: Record<string, bigint> = { CNY: 1_000_000n };
        for (const part of text.split(',')) {
          const match = /^\s*([A-Za-z]{3})\s*=\s*(\d{1,9})(?:\.(\d{1,6}))?\s*$/.exec(part);
          if (!match) {
            ctx.addIssue({ code: 'custom', message: `"${part}" is not CODE=rate (e.g. USD=7.10)` });
            return z.NEVER;
          }
          rates[match[1].toUpperCase()] = BigInt(match[2]) * 1_000_000n + BigInt((match[3] ?? '').padEnd(6, '0'));
        }
        return Object.freeze(rates);
      }),
  );

const valueEnv = z
  .object({
    CUSTOMERS_VALUE_RATES: ratesVar('USD=7.10,EUR=7.70,GBP=9.00,HKD=0.91,JPY=0.047,SGD=5.30,AUD=4.70,CAD=5.20'),
    CUSTOMERS_VALUE_RECENCY_DAYS: fourSteps('30,90,180,365', 'ascending'),
    CUSTOMERS_VALUE_FREQUENCY_ORDERS: fourSteps('10,6,3,2', 'descending'),
    CUSTOMERS_VALUE_MONETARY_CNY: fourSteps('10000,5000,2000,500', 'descending'),
    CUSTOMERS_VALUE_RESCORE_INTERVAL_MS: z.preprocess(
      blankIsUnset,
      z.coerce.number().int().min(0).max(86_400_000).default(600_000),
    ),
  })
  .transform((env) => ({
    value: Object.freeze({
      baseCurrency: 'CNY' as const,
      ratesMicro: env.CUSTOMERS_VALUE_RATES,
      recencyDays: Object.freeze(env.CUSTOMERS_VALUE_RECENCY_DAYS),
      frequencyOrders: Object.freeze(env.CUSTOMERS_VALUE_FREQUENCY_ORDERS),
      monetaryCny: Object.freeze(env.CUSTOMERS_VALUE_MONETARY_CNY),
      rescoreIntervalMs: env.CUSTOMERS_VALUE_RESCORE_INTERVAL_MS,
    }),
  }));

/** How customer value is scored (see `loadCustomersConfig` for the variables and their defaults). */
export type ValueSettings = z.output<typeof valueEnv>['value'];

/** The value settings with every default. */
export const DEFAULT_VALUE_SETTINGS: Readonly<ValueSettings> = loadConfig('customers', valueEnv, {}).value;

/** The value settings inside a started subgraph's config; the defaults when it carries none. */
export function valueSettingsOf(config: object): Readonly<ValueSettings> {
  return (config as { value?: ValueSettings }).value ?? DEFAULT_VALUE_SETTINGS;
}

/**
 * Customers subgraph settings.
 * - CUSTOMERS_PORT (default 4002), CUSTOMERS_HOST (default 0.0.0.0)
 * - DATABASE_URL: required when the service runs alone
 * - CUSTOMERS_DB_SCHEMA (default "customers"), DB_POOL_SIZE (default 10), LOG_LEVEL (default info)
 *
 * Customer value (RFM, `Customer.value`; the README's "Customer value tiers" documents the tier rule):
 * - CUSTOMERS_VALUE_RATES (default "USD=7.10,EUR=7.70,GBP=9.00,HKD=0.91,JPY=0.047,SGD=5.30,AUD=4.70,CAD=5.20"):
 *   fixed CNY per unit of each currency, used to sum order totals in CNY; an order in a currency not listed adds
 *   to the order count but nothing to the value
 * - CUSTOMERS_VALUE_RECENCY_DAYS (default "30,90,180,365"): last order at most this many days ago scores R 5, 4,
 *   3, 2; older scores 1
 * - CUSTOMERS_VALUE_FREQUENCY_ORDERS (default "10,6,3,2"): at least this many orders scores F 5, 4, 3, 2; one
 *   scores 1
 * - CUSTOMERS_VALUE_MONETARY_CNY (default "10000,5000,2000,500"): at least this much (CNY) scores M 5, 4, 3, 2;
 *   less scores 1
 * - CUSTOMERS_VALUE_RESCORE_INTERVAL_MS (default 600000, 10 min; 0 disables): how often stored tiers whose
 *   recency step has passed are scored again (recency changes with time, without any event)
 */
export const loadCustomersConfig = (env?: Record<string, string | undefined>) =>
  loadConfig('customers', z.intersection(subgraphEnv('customers', 4002), valueEnv), env);
