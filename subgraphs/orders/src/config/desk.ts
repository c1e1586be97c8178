import { z } from 'zod';
import { configSection, deepFreeze, numberVar } from './env-vars';

/** One work item type's defaults: how urgent, how soon, who handles it and what they check. */
export interface WorkItemKindSettings {
  /** 1 (most urgent) .. 5. */
  priority: number;
  /** Minutes from opening (or from an escalation) until the item is overdue. */
  slaMinutes: number;
  /** The operator skill the item needs. */
  skill: string;
  /** The standard checklist for the type. */
  checklist: readonly string[];
}

/**
 * The work item types the desk knows; any other kind raised gets `OTHER`'s
 * defaults. Checklist steps name no person, only what to look at.
 */
export const DEFAULT_WORK_ITEM_KINDS: Readonly<Record<string, WorkItemKindSettings>> = {
  RISK_HOLD: {
    priority: 2,
    slaMinutes: 60,
    skill: 'risk',
    checklist: [
      'Read the risk flags and the order history',
      'Compare the shipping address with earlier orders',
      'Contact the buyer through the channel if unsure',
      'Resolve LEGITIMATE (release) or FRAUD (cancel)',
    ],
  },
  LOGISTICS_EXCEPTION: {
    priority: 2,
    slaMinutes: 240,
    skill: 'logistics',
    checklist: [
      "Read the shipment's tracking events",
      'Ask the carrier for the parcel status',
      'Decide: wait for delivery, reship or return',
      'Record the cause',
    ],
  },
  LOW_STOCK: {
    priority: 3,
    slaMinutes: 1440,
    skill: 'inventory',
    checklist: ['Check open purchase orders and transfers', 'Replenish or transfer stock', 'Review the safety stock'],
  },
  OVERSELL_RISK: {
    priority: 2,
    slaMinutes: 240,
    skill: 'inventory',
    checklist: ['Check the backordered orders', 'Expedite supply or transfer stock', 'Tell the channel if needed'],
  },
  RETURN_REVIEW: {
    priority: 3,
    slaMinutes: 1440,
    skill: 'returns',
    checklist: ['Read the return reason', 'Decide whether to authorise it'],
  },
  OTHER: { priority: 3, slaMinutes: 1440, skill: 'general', checklist: ['Read the alert', 'Handle it'] },
};

/** "RISK_HOLD=30,LOW_STOCK=720": SLA minutes per kind, over the defaults. */
const slaOverrides = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z
    .string()
    .regex(
      /^\s*[A-Z_]+=\d{1,6}\s*(,\s*[A-Z_]+=\d{1,6}\s*)*$/,
      'must be KIND=minutes pairs, e.g. RISK_HOLD=30,LOW_STOCK=720',
    )
    .optional(),
);

/**
 * Operations desk (work items; per-kind priority, skill and checklist in DEFAULT_WORK_ITEM_KINDS):
 * - ORDERS_DESK_ESCALATION_INTERVAL_MS (default 60000; 0 disables): how often overdue work items are escalated
 * - ORDERS_DESK_SLA_MINUTES (default none): SLA minutes per kind over the defaults (RISK_HOLD 60,
 *   LOGISTICS_EXCEPTION 240, LOW_STOCK 1440, OVERSELL_RISK 240, RETURN_REVIEW 1440, OTHER 1440),
 *   e.g. "RISK_HOLD=30,LOW_STOCK=720"
 * - ORDERS_DESK_ESCALATION_SKILL (default escalation): an escalated item goes to an operator with this skill
 *   (below capacity) when there is one, else stays with its assignee
 * - ORDERS_DESK_RISK_PRIOR_FRAUD (default 16), ORDERS_DESK_RISK_PRIOR_LEGITIMATE (default 4): the prior of a
 *   rule's precision; its weight is scaled by ((fraud + F) / (held + F + L)) / (F / (F + L)), at most 1
 * - ORDERS_DESK_RISK_MIN_FACTOR (default 0.1): the scale never goes below this (0: a rule can be silenced)
 * - ORDERS_DESK_TRUSTED_FACTOR (default 0.5): a trusted customer's later orders score the rules that held
 *   the order found legitimate at this fraction
 */
export const deskEnv = z
  .object({
    ORDERS_DESK_ESCALATION_INTERVAL_MS: numberVar(z.number().int().min(0).max(3_600_000), 60_000),
    ORDERS_DESK_SLA_MINUTES: slaOverrides,
    ORDERS_DESK_ESCALATION_SKILL: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z
        .string()
        .regex(/^[a-z][a-z0-9_-]{0,31}$/)
        .default('escalation'),
    ),
    ORDERS_DESK_RISK_PRIOR_FRAUD: numberVar(z.number().min(0.01).max(10_000), 16),
    ORDERS_DESK_RISK_PRIOR_LEGITIMATE: numberVar(z.number().min(0).max(10_000), 4),
    ORDERS_DESK_RISK_MIN_FACTOR: numberVar(z.number().min(0).max(1), 0.1),
    ORDERS_DESK_TRUSTED_FACTOR: numberVar(z.number().min(0).max(1), 0.5),
  })
  .transform((env) => {
    const kinds: Record<string, WorkItemKindSettings> = {};
    for (const [kind, settings] of Object.entries(DEFAULT_WORK_ITEM_KINDS)) kinds[kind] = { ...settings };
    for (const pair of (env.ORDERS_DESK_SLA_MINUTES ?? '').split(',').filter((p) => p.trim())) {
      const [kind, minutes] = pair.split('=').map((p) => p.trim());
      kinds[kind] = { ...(kinds[kind] ?? DEFAULT_WORK_ITEM_KINDS.OTHER), slaMinutes: Math.max(1, Number(minutes)) };
    }
    return {
      desk: deepFreeze({
        escalationIntervalMs: env.ORDERS_DESK_ESCALATION_INTERVAL_MS,
        escalationSkill: env.ORDERS_DESK_ESCALATION_SKILL,
        kinds,
        riskFeedback: {
          priorFraud: env.ORDERS_DESK_RISK_PRIOR_FRAUD,
          priorLegitimate: env.ORDERS_DESK_RISK_PRIOR_LEGITIMATE,
          minFactor: env.ORDERS_DESK_RISK_MIN_FACTOR,
          trustedFactor: env.ORDERS_DESK_TRUSTED_FACTOR,
        },
      }),
    };
  });

/** The operations desk's settings (see `deskEnv` for the variables and their defaults). */
export type DeskSettings = z.output<typeof deskEnv>['desk'];
const deskSection = configSection(deskEnv, 'desk');

/** The documented defaults, for code that runs without an environment (unit tests, tools). */
export const DEFAULT_DESK_SETTINGS: Readonly<DeskSettings> = deskSection.defaults;

/** The desk settings inside a started subgraph's config; the defaults when it carries none. */
export const deskSettingsOf: (config: object) => Readonly<DeskSettings> = deskSection.settingsOf;
