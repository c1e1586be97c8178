import { z } from 'zod';
import { configSection, deepFreeze, numberVar } from './env-vars';

const weight = (fallback: number) => numberVar(z.number().min(0).max(1), fallback);

/** A decimal amount with at most two decimals, read into integer minor units (never through a float). */
const amountVar = (fallback: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .regex(/^\d{1,12}(\.\d{1,2})?$/, 'must be a decimal amount with at most 2 decimals, e.g. 5000.00')
      .default(fallback)
      .transform((text) => {
        const [whole, fraction = ''] = text.split('.');
        return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
      }),
  );

/**
 * Risk (a rule that fires scores its weight; the order scores 1 - Π(1 - weight), 0..1):
 * - ORDERS_RISK_HOLD_THRESHOLD (default 0.8): an order scoring this or more is placed ON_HOLD
 * - ORDERS_RISK_VELOCITY_MAX_ORDERS (default 5), ORDERS_RISK_VELOCITY_WINDOW_MINUTES (default 60),
 *   ORDERS_RISK_VELOCITY_WEIGHT (default 0.9): VELOCITY fires when more than MAX orders went to one
 *   shipping phone, or to one full shipping address, within the window
 * - ORDERS_RISK_HIGH_VALUE_AMOUNT (default 5000.00, in the order's currency, at most 2 decimals),
 *   ORDERS_RISK_HIGH_VALUE_WEIGHT (default 0.85): HIGH_VALUE_NEW_CUSTOMER fires when the total is
 *   above the amount and the customer has no earlier order
 * - ORDERS_RISK_UNUSUAL_COUNTRY_MIN_ORDERS (default 3), ORDERS_RISK_UNUSUAL_COUNTRY_WEIGHT (default 0.5):
 *   UNUSUAL_COUNTRY fires when a customer with at least MIN earlier orders ships to a country they never shipped to
 * - ORDERS_RISK_SHARED_ADDRESS_MAX_CUSTOMERS (default 3), ORDERS_RISK_SHARED_ADDRESS_WINDOW_DAYS (default 90),
 *   ORDERS_RISK_SHARED_ADDRESS_WEIGHT (default 0.6): SHARED_ADDRESS fires when, with this order, more than MAX
 *   distinct customers shipped to one full address within the window
 * A weight of 0 switches a rule off. With the defaults VELOCITY or HIGH_VALUE_NEW_CUSTOMER alone holds
 * an order; UNUSUAL_COUNTRY and SHARED_ADDRESS hold it only together (1 - 0.5 x 0.4 = 0.8).
 */
export const riskEnv = z
  .object({
    ORDERS_RISK_HOLD_THRESHOLD: numberVar(z.number().gt(0).max(1), 0.8),
    ORDERS_RISK_VELOCITY_MAX_ORDERS: numberVar(z.number().int().min(1).max(10_000), 5),
    ORDERS_RISK_VELOCITY_WINDOW_MINUTES: numberVar(
      z
        .number()
        .int()
        .min(1)
        .max(60 * 24 * 30),
      60,
    ),
    ORDERS_RISK_VELOCITY_WEIGHT: weight(0.9),
    ORDERS_RISK_HIGH_VALUE_AMOUNT: amountVar('5000.00'),
    ORDERS_RISK_HIGH_VALUE_WEIGHT: weight(0.85),
    ORDERS_RISK_UNUSUAL_COUNTRY_MIN_ORDERS: numberVar(z.number().int().min(1).max(10_000), 3),
    ORDERS_RISK_UNUSUAL_COUNTRY_WEIGHT: weight(0.5),
    ORDERS_RISK_SHARED_ADDRESS_MAX_CUSTOMERS: numberVar(z.number().int().min(1).max(10_000), 3),
    ORDERS_RISK_SHARED_ADDRESS_WINDOW_DAYS: numberVar(z.number().int().min(1).max(3_650), 90),
    ORDERS_RISK_SHARED_ADDRESS_WEIGHT: weight(0.6),
  })
  .transform((env) => ({
    risk: deepFreeze({
      holdThreshold: env.ORDERS_RISK_HOLD_THRESHOLD,
      velocity: {
        maxOrders: env.ORDERS_RISK_VELOCITY_MAX_ORDERS,
        windowMinutes: env.ORDERS_RISK_VELOCITY_WINDOW_MINUTES,
        weight: env.ORDERS_RISK_VELOCITY_WEIGHT,
      },
      highValueNewCustomer: {
        amountMinor: env.ORDERS_RISK_HIGH_VALUE_AMOUNT,
        weight: env.ORDERS_RISK_HIGH_VALUE_WEIGHT,
      },
      unusualCountry: {
        minOrders: env.ORDERS_RISK_UNUSUAL_COUNTRY_MIN_ORDERS,
        weight: env.ORDERS_RISK_UNUSUAL_COUNTRY_WEIGHT,
      },
      sharedAddress: {
        maxCustomers: env.ORDERS_RISK_SHARED_ADDRESS_MAX_CUSTOMERS,
        windowDays: env.ORDERS_RISK_SHARED_ADDRESS_WINDOW_DAYS,
        weight: env.ORDERS_RISK_SHARED_ADDRESS_WEIGHT,
      },
    }),
  }));

/**
 * Intake:
 * - ORDERS_BUYER_IDENTIFY_TIMEOUT_MS (default 1000, 50..30000): how long intake waits for customers to
 *   identify the buyer; past it (or when customers is down or fails) the order is accepted without a
 *   customer and identified through the bus (`buyer.identification-requested` -> `buyer.identified`)
 */
export const intakeEnv = z
  .object({
    ORDERS_BUYER_IDENTIFY_TIMEOUT_MS: numberVar(z.number().int().min(50).max(30_000), 1000),
  })
  .transform((env) => ({
    intake: deepFreeze({ buyerIdentifyTimeoutMs: env.ORDERS_BUYER_IDENTIFY_TIMEOUT_MS }),
  }));

/** The risk engine's settings (see `riskEnv` for the variables and their defaults). */
export type RiskSettings = z.output<typeof riskEnv>['risk'];
const riskSection = configSection(riskEnv, 'risk');

/** The documented defaults, for code that runs without an environment (unit tests, tools). */
export const DEFAULT_RISK_SETTINGS: Readonly<RiskSettings> = riskSection.defaults;

/** The risk settings inside a started subgraph's config; the defaults when it carries none (schema builds, tools). */
export const riskSettingsOf: (config: object) => Readonly<RiskSettings> = riskSection.settingsOf;

/** How intake depends on its peers (see `intakeEnv` for the variables and their defaults). */
export type IntakeSettings = z.output<typeof intakeEnv>['intake'];
const intakeSection = configSection(intakeEnv, 'intake');

/** The documented defaults, for code that runs without an environment (unit tests, tools). */
export const DEFAULT_INTAKE_SETTINGS: Readonly<IntakeSettings> = intakeSection.defaults;

/** The intake settings inside a started subgraph's config; the defaults when it carries none. */
export const intakeSettingsOf: (config: object) => Readonly<IntakeSettings> = intakeSection.settingsOf;
