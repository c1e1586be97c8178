import { channelFixture } from '@supply-graph/shared/testing';
import type { IntakeResult, NormalizedOrder, Problem, Repair } from '../normalized-order';

/** When the platform received the payloads in these tests. */
export const receivedAt = new Date('2026-11-25T08:00:00.000Z');

/** A fresh, mutable copy of a JSON channel sample. */
export function sample(file: string): any {
  return JSON.parse(channelFixture(file));
}

/** The order of a result that must have succeeded; fails with its problems otherwise. */
export function orderOf(result: IntakeResult): NormalizedOrder {
  if (!result.ok) throw new Error(`expected an order, got problems: ${JSON.stringify(result.problems)}`);
  return result.order;
}

export function repairsOf(result: IntakeResult): Repair[] {
  return result.repairs;
}

/** The problems of a result that must have failed. */
export function problemsOf(result: IntakeResult): Problem[] {
  if (result.ok) throw new Error(`expected problems, got an order: ${JSON.stringify(result.order)}`);
  return result.problems;
}

/** The fields of every problem, sorted, to compare as a set. */
export function problemFields(result: IntakeResult): string[] {
  return problemsOf(result)
    .map((p) => p.field)
    .sort();
}

export function messageFor(result: IntakeResult, field: string): string | undefined {
  return problemsOf(result).find((p) => p.field === field)?.message;
}

/** Just the rules of the repairs, by field: compact to assert. */
export function repairRules(result: IntakeResult): Record<string, string> {
  return Object.fromEntries(result.repairs.map((r) => [r.field, r.rule]));
}
