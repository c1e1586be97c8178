import type { Problem, Repair } from './normalized-order';
import { normalizeCountry } from './normalize/country';
import { normalizeCurrency } from './normalize/currency';
import { parseInstant, type InstantOptions } from './normalize/instant';
import { parseMoney, type MoneyUnit } from './normalize/money';
import { normalizePhone } from './normalize/phone';
import { cleanText, describeKind, describeValue, isEmail } from './normalize/text';

const MAX_QUANTITY = 2_147_483_647; // what a GraphQL Int holds; the order's own bound (order-bounds.ts) comes after

const isAbsent = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Reads one payload, field by field, collecting every problem and repair on the
 * way. Each reader returns a usable stand-in (0, "", {}) after recording a
 * problem, so an adapter reads the whole payload in one straight pass and every
 * problem gets listed; the stand-ins never leave, because a result with problems
 * carries no order. Problems under a path already reported missing ("trade"
 * then "trade.tid") are dropped as noise.
 */
export class IntakeRecorder {
  readonly problems: Problem[] = [];
  readonly repairs: Repair[] = [];
  private amountsBroken = false;

  problem(field: string, message: string): void {
    const covered = this.problems.some((p) => field.startsWith(`${p.field}.`) || field.startsWith(`${p.field}[`));
    if (!covered) this.problems.push({ field, message });
  }

  /** A problem that makes the order's amounts unknowable, so no total is checked against them. */
  amountProblem(field: string, message: string): void {
    this.amountsBroken = true;
    this.problem(field, message);
  }

  repair(field: string, from: string, to: string, rule: string): void {
    if (!this.repairs.some((r) => r.field === field && r.rule === rule)) this.repairs.push({ field, from, to, rule });
  }

  /** False once any amount or quantity failed to parse. */
  get amountsReliable(): boolean {
    return !this.amountsBroken;
  }

  /** A nested object; `{}` when absent (a problem only if `required`) or not an object. */
  object(field: string, value: unknown, required = true): Record<string, unknown> {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    if (isAbsent(value)) {
      if (required) this.problem(field, 'is required');
    } else {
      this.problem(field, `expected an object, got ${describeKind(value)}`);
    }
    return {};
  }

  /** The order's lines: a list with at least one entry. */
  lines(field: string, value: unknown): unknown[] {
    if (Array.isArray(value) && value.length > 0) return value;
    // Without lines no total can be computed, so none is checked.
    this.amountProblem(
      field,
      Array.isArray(value) || isAbsent(value)
        ? 'an order needs at least one line'
        : `expected a list, got ${describeKind(value)}`,
    );
    return [];
  }

  /** An optional list; absent reads as empty. */
  list(field: string, value: unknown): unknown[] {
    if (Array.isArray(value)) return value;
    if (!isAbsent(value)) this.problem(field, `expected a list, got ${describeKind(value)}`);
    return [];
  }

  /** An identifier: text, or a whole number that JSON carried without losing digits. */
  id(field: string, value: unknown): string {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      this.problem(field, `${value} arrived as a JSON number too large to keep every digit; send it as a string`);
      return '';
    }
    return this.requiredText(field, value);
  }

  requiredText(field: string, value: unknown): string {
    const text = cleanText(value);
    if (text === null)
      this.problem(field, isAbsent(value) ? 'is required' : `expected text, got ${describeValue(value)}`);
    return text ?? '';
  }

  text(field: string, value: unknown): string | null {
    if (!isAbsent(value) && cleanText(value) === null)
      this.problem(field, `expected text, got ${describeValue(value)}`);
    return cleanText(value);
  }

  email(field: string, value: unknown): string | null {
    const text = this.text(field, value);
    if (text !== null && !isEmail(text)) this.problem(field, 'is not an email address');
    return text;
  }

  quantity(field: string, value: unknown): number {
    const quantity = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof quantity === 'number' && Number.isInteger(quantity) && quantity > 0 && quantity <= MAX_QUANTITY)
      return quantity;
    this.amountProblem(
      field,
      isAbsent(value) ? 'is required' : `${describeValue(value)} is not a positive whole number`,
    );
    return 0;
  }

  /** A required amount in minor units. */
  money(field: string, value: unknown, unit: MoneyUnit = 'major'): number {
    if (isAbsent(value)) {
      this.amountProblem(field, 'is required');
      return 0;
    }
    return this.optionalMoney(field, value, unit) ?? 0;
  }

  /** An amount that may be absent (null then); a present but malformed one is a problem. */
  optionalMoney(field: string, value: unknown, unit: MoneyUnit = 'major'): number | null {
    if (isAbsent(value)) return null;
    const parsed = parseMoney(value, unit);
    if (parsed.ok) return parsed.minor;
    this.amountProblem(field, parsed.message);
    return 0;
  }

  currency(field: string, value: unknown): string {
    const parsed = normalizeCurrency(value);
    if (!parsed.ok) {
      this.problem(field, parsed.message);
      return '';
    }
    if (parsed.code !== value) this.repair(field, String(value), parsed.code, 'currency-case');
    return parsed.code;
  }

  country(field: string, value: unknown): string {
    const parsed = normalizeCountry(value);
    if (!parsed.ok) {
      this.problem(field, parsed.message);
      return '';
    }
    if (parsed.code !== value) this.repair(field, String(value), parsed.code, 'country-iso');
    return parsed.code;
  }

  /** E.164 or null; a masked number becomes null with a repair saying so, never a guess. */
  /**
   * Marketplaces mask the mobile but keep a landline the buyer typed in whole:
   * the mobile if usable, else the landline, each normalised (and recorded) as a phone.
   */
  mobileOrLandline(
    mobile: [field: string, value: unknown],
    landline: [field: string, value: unknown],
    region: string,
  ): string | null {
    const fromMobile = this.phone(mobile[0], mobile[1], region);
    if (fromMobile) return fromMobile;
    const given = firstGiven([landline]);
    return given ? this.phone(given[0], given[1], region) : null;
  }

  phone(field: string, value: unknown, region: string | null): string | null {
    const parsed = normalizePhone(value, region || null);
    switch (parsed.kind) {
      case 'empty':
        return null;
      case 'masked':
        this.repair(field, String(value), '', 'phone-masked');
        return null;
      case 'invalid':
        this.problem(field, parsed.message);
        return null;
      case 'ok':
        if (parsed.e164 !== value) this.repair(field, String(value), parsed.e164, 'phone-e164');
        return parsed.e164;
      default:
        return unreachable(parsed);
    }
  }

  instant(field: string, value: unknown, options: InstantOptions = {}): Date {
    const parsed = parseInstant(value, options);
    if (!parsed.ok) {
      this.problem(field, parsed.message);
      return new Date(0);
    }
    if (parsed.assumed) this.repair(field, String(value), parsed.assumed, 'timezone-applied');
    return parsed.date;
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}

/**
 * The rejection for a payload that is not a JSON object at all (a string, a
 * list): reading fields from it would only list every field as missing.
 */
export function rejectUnlessObject(
  payload: unknown,
  what: string,
): { ok: false; problems: Problem[]; repairs: Repair[] } | null {
  if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) return null;
  return {
    ok: false,
    problems: [{ field: 'payload', message: `expected ${what} as a JSON object, got ${describeKind(payload)}` }],
    repairs: [],
  };
}

/** The first of several payload fields that holds a value, with its path; for fields with fallbacks. */
export function firstGiven(candidates: [field: string, value: unknown][]): [field: string, value: unknown] | undefined {
  return candidates.find(([, value]) => !isAbsent(value));
}
