import type { WorkItemStatus } from './work-item-status';

/** A work_item row as the desk reads it. */
export interface WorkItemRow {
  id: string;
  alert_key: string;
  source: string;
  kind: string;
  skill: string;
  priority: number;
  status: WorkItemStatus;
  subject_type: string;
  subject_id: string;
  order_id: string | null;
  channel: string | null;
  carrier: string | null;
  summary: string;
  detail: Record<string, string | number | boolean | string[] | null>;
  checklist: string[];
  assignee: string | null;
  due_at: Date;
  escalation_level: number;
  outcome: string | null;
  cause: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** The SQL condition of a caller's channel scope on work items (`$n` null: every channel; no channel: staff only). */
export const inChannels = (alias: string, param: string) =>
  `(${param}::text[] IS NULL OR ${alias}.channel = ANY(${param}))`;
