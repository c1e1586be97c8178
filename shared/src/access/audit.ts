import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { isErrorCode } from '../errors/codes';
import { infrastructureError } from '../errors/unavailable';
import { EventTypes, type AuditRecorded } from '../events/catalog';
import type { NewEvent } from '../events/event';
import type { EventTransaction, ServiceEvents } from '../events/transaction';
import type { Principal } from './principal';

/** The action of an unmasked PII read. */
export const PII_READ_ACTION = 'pii.read';

/** Longest text an audit entry keeps of a value it took from the request (a refused call may carry anything). */
export const AUDIT_TEXT_MAX = 256;

/** Where a mutation field's audit event stands: none yet, emitted in a transaction not committed yet, or committed. */
type WrittenState = 'none' | 'pending' | 'written';

/** The mutation root field being resolved, as its audit event will name it. */
export interface AuditedField {
  readonly action: string;
  target: string | null;
  channel: string | null;
  /**
   * A field acting on many objects (a list argument): it names no single target, and services' refinements are
   * ignored.
   */
  readonly batch: boolean;
  state: WrittenState;
  /**
   * The field's transactions still running, so its end can wait for them before deciding whether an event is
   * missing.
   */
  readonly running: Set<Promise<unknown>>;
}

/** What the argument mapping (audit-defaults.ts) says about a field when it starts. */
export interface AuditDefaults {
  target: string | null;
  channel: string | null;
  batch: boolean;
}

/** One unmasked PII value shown to the caller: the object it belongs to and the field. */
export interface AuditedPiiRead {
  type: string;
  id: string | null;
  field: string;
}

/**
 * The audit state of one request (`ctx.audit`): who is asking, the mutation
 * field being resolved (mutation fields run one after the other, so there is
 * at most one), and the PII reads to record when the answer is sent. Work
 * outside a request (consumers, jobs) has none, and so does the platform
 * acting for itself: what it does is audited where a caller asked for it.
 */
export class RequestAudit {
  current: AuditedField | null = null;
  readonly piiReads: AuditedPiiRead[] = [];
  private readonly readKeys = new Set<string>();

  constructor(
    readonly actor: string,
    readonly requestId: string | null,
  ) {}

  begin(action: string, defaults: AuditDefaults): AuditedField {
    const field: AuditedField = {
      action,
      ...defaults,
      target: defaults.batch ? null : defaults.target,
      state: 'none',
      running: new Set(),
    };
    this.current = field;
    return field;
  }

  end(field: AuditedField): void {
    if (this.current === field) this.current = null;
  }

  /** The field's `audit.recorded` event with this outcome. */
  fieldEvent(field: AuditedField, outcome: string): NewEvent<AuditRecorded> {
    return this.event(field.action, field.target, field.channel, outcome);
  }

  /** One `pii.read` event per object read (its fields together), in the order first read. */
  piiReadEvents(): NewEvent<AuditRecorded>[] {
    const targets = new Map<string, string | null>();
    for (const { type, id } of this.piiReads) {
      const target = id === null ? null : `${type}:${id}`;
      targets.set(target ?? `${type}\u0000`, target);
    }
    return [...targets.values()].map((target) => this.event(PII_READ_ACTION, target, null, 'ok'));
  }

  notePiiRead(read: AuditedPiiRead): void {
    const key = `${read.type}\u0000${read.id}\u0000${read.field}`;
    if (this.readKeys.has(key)) return;
    this.readKeys.add(key);
    this.piiReads.push({ ...read });
  }

  private event(
    action: string,
    target: string | null,
    channel: string | null,
    outcome: string,
  ): NewEvent<AuditRecorded> {
    const payload: AuditRecorded = {
      at: new Date().toISOString(),
      actor: clip(this.actor),
      action: clip(action),
      target: target === null ? null : clip(target),
      channel: channel === null ? null : clip(channel),
      requestId: this.requestId,
      outcome,
    };
    // Each entry its own aggregate: nothing orders them, and one a consumer fails on holds up no other.
    return {
      type: EventTypes.auditRecorded,
      aggregateType: 'audit',
      aggregateId: randomUUID(),
      aggregateVersion: 1,
      payload,
    };
  }
}

const clip = (text: string) => (text.length > AUDIT_TEXT_MAX ? text.slice(0, AUDIT_TEXT_MAX) : text);

/** The request's audit state; none for the platform's own calls (`servicePrincipal`). */
export function openRequestAudit(principal: Principal, requestId: string | null): RequestAudit | undefined {
  return principal.kind === 'service' ? undefined : new RequestAudit(principal.sub, requestId);
}

/** A request context as far as the audit trail is concerned; every subgraph context is one. */
export interface AuditContext {
  audit?: RequestAudit;
}

/**
 * Names the object the running mutation acts on, once the service knows it
 * (the order placed, the shipment a scan matched), and its channel when given
 * (`undefined` keeps what the arguments said). Call it inside the transaction
 * that changes the object: the field's event is appended when that
 * transaction's work is done. Does nothing outside a mutation field.
 */
export function auditTarget(ctx: AuditContext, type: string, id: string, channel?: string | null): void {
  const field = ctx.audit?.current;
  if (!field || field.batch) return;
  field.target = `${type}:${id}`;
  if (channel !== undefined) field.channel = channel;
}

/**
 * The request's `ctx.events`: a transaction run while a mutation field
 * resolves appends that field's `audit.recorded` (outcome ok) to the outbox
 * inside the same transaction, after the service's own work, so the change
 * and its audit entry commit or roll back together. The first transaction of
 * the field to commit carries it; a rolled-back one leaves it to the next, or
 * to the field's end (audit.plugin.ts).
 */
export function auditedEvents(events: ServiceEvents, audit: RequestAudit): ServiceEvents {
  return {
    service: events.service,
    committed: () => events.committed(),
    append: (entries) => events.append(entries),
    transaction<T>(fn: (tx: EventTransaction) => Promise<T>): Promise<T> {
      const field = audit.current;
      if (!field) return events.transaction(fn);
      let mine = false;
      const run = events
        .transaction(async (tx) => {
          const value = await fn(tx);
          // `mine` again on a retried attempt: the earlier attempt's event was rolled back with it.
          if (mine || field.state === 'none') {
            mine = true;
            field.state = 'pending';
            await tx.emit(audit.fieldEvent(field, 'ok'));
          }
          return value;
        })
        .then(
          (value) => {
            if (mine) field.state = 'written';
            return value;
          },
          (err: unknown) => {
            if (mine && field.state === 'pending') field.state = 'none';
            throw err;
          },
        );
      field.running.add(run);
      const forget = () => void field.running.delete(run);
      run.then(forget, forget);
      return run;
    },
  };
}

/**
 * What a failed field's entry says: the error's registered code (as the
 * client sees it), SERVICE_UNAVAILABLE / DEADLINE_EXCEEDED for infrastructure
 * failures, INTERNAL for anything else.
 */
export function auditOutcome(error: unknown, service: string): string {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  if (isErrorCode(code)) return code;
  return infrastructureError(error, service)?.code ?? 'INTERNAL';
}
