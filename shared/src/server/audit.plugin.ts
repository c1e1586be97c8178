import { AsyncResource } from 'node:async_hooks';
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { getNamedType } from 'graphql';
import type { Logger } from 'pino';
import {
  auditOutcome,
  type AuditContext,
  type AuditedField,
  type AuditedPiiRead,
  type RequestAudit,
} from '../access/audit';
import { auditDefaults } from '../access/audit-defaults';
import type { NewEvent } from '../events/event';
import { LaneBatcher } from '../events/lane-batcher';
import type { ServiceEvents } from '../events/transaction';
import { currentRequestScope } from './request-scope';

/**
 * Audit transactions in flight at once: one. Entries that arrive while it
 * commits queue and go together in the next, so under load a batch carries
 * the reads of several requests (two lanes halved the batches and doubled the
 * transactions for no gain in latency that a reader would notice).
 */
const LANES = 1;
/** Requests' entries one transaction takes at most. */
const MAX_BATCH = 200;

interface PendingWrite {
  key: string;
  events: NewEvent[];
  done(err?: unknown): void;
}

/**
 * Writes audit entries that have no change to travel with (a refused call, an
 * idempotent repeat, PII reads) to the outbox. Entries of concurrent requests
 * share a transaction (group commit): under load one INSERT carries many, so
 * auditing every read costs little more than one round trip per request.
 */
export class AuditWriter {
  private readonly enqueue: (write: PendingWrite) => void;

  /**
   * Build it outside any request: its transactions run in that context, never in the scope (deadline) of the
   * request that started them.
   */
  constructor(events: ServiceEvents) {
    const batcher = new LaneBatcher<PendingWrite>(
      LANES,
      MAX_BATCH,
      (w) => w.key,
      async (batch) => {
        try {
          await events.append(batch.flatMap((w) => w.events));
          for (const w of batch) w.done();
        } catch (err) {
          for (const w of batch) w.done(err);
        }
      },
    );
    // An entry of a request past its deadline is still written, and one request's deadline never stops
    // another's entries.
    this.enqueue = AsyncResource.bind((write: PendingWrite) => batcher.add(write));
  }

  /** Resolves once the entries are committed; rejects when they could not be. */
  write(events: NewEvent[], key: string): Promise<void> {
    if (!events.length) return Promise.resolve();
    return new Promise((resolve, reject) =>
      this.enqueue({ key, events, done: (err) => (err ? reject(err) : resolve()) }),
    );
  }
}

/**
 * The request context as the plugin reads it; `piiReads` is where the PII masking records reads, if it does so
 * itself.
 */
export interface AuditedRequestContext extends AuditContext {
  log: Logger;
  piiReads?: readonly AuditedPiiRead[];
}

/**
 * The audit trail of a subgraph's requests (shared/src/access/audit.ts):
 * - each root field of a mutation gets its action and default target and
 *   channel when it starts (audit-defaults.ts); its first committed
 *   transaction carries its entry (the request's `ctx.events` appends it);
 *   when it ends without one, failed (outcome: the error's code) or succeeded
 *   without changing anything (an idempotent repeat: ok), the entry is
 *   written in a transaction of its own before the answer goes out;
 * - a request that showed real PII values writes one `pii.read` per object
 *   before its answer goes out; if that cannot be written, the answer is
 *   withheld (SERVICE_UNAVAILABLE) rather than sent unrecorded. Its answer
 *   says `Cache-Control: no-store`, so no cache serves it unrecorded later.
 * Requests without `ctx.audit` (the platform's own) are not audited.
 */
export function auditTrail(writer: AuditWriter, service: string): ApolloServerPlugin<AuditedRequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const audit = contextValue.audit;
      if (!audit) return;
      const fieldWrites: Promise<void>[] = [];
      const settle = async (field: AuditedField, error: unknown) => {
        while (field.running.size) await Promise.allSettled([...field.running]);
        if (field.state === 'written') return;
        const event = audit.fieldEvent(field, error ? auditOutcome(error, service) : 'ok');
        // The field's own answer stands; a lost entry is logged with what it would have said.
        await writer
          .write([event], audit.requestId ?? '')
          .catch((err: unknown) =>
            contextValue.log.error({ err, audit: event.payload }, 'audit entry could not be written'),
          );
      };
      return {
        async executionDidStart({ operation }) {
          if (operation.operation !== 'mutation') return;
          return {
            willResolveField({ args, info }) {
              if (info.path.prev !== undefined) return;
              const field = audit.begin(info.fieldName, auditDefaults(args, getNamedType(info.returnType).name));
              // stopAtDeadline (which runs after this hook) refuses the field: no end hook will come.
              const signal = currentRequestScope()?.signal;
              if (signal?.aborted) {
                audit.end(field);
                fieldWrites.push(settle(field, signal.reason));
                return;
              }
              return (error) => {
                audit.end(field);
                fieldWrites.push(settle(field, error));
              };
            },
          };
        },
        async willSendResponse(requestContext) {
          await Promise.all(fieldWrites);
          await recordPiiReads(requestContext, audit, writer, service);
        },
      };
    },
  };
}

async function recordPiiReads(
  requestContext: GraphQLRequestContextWillSendResponse<AuditedRequestContext>,
  audit: RequestAudit,
  writer: AuditWriter,
  service: string,
): Promise<void> {
  for (const read of requestContext.contextValue.piiReads ?? []) audit.notePiiRead(read);
  const events = audit.piiReadEvents();
  if (!events.length) return;
  // Each showing of real PII is audited: the gateway must ask again next time, never answer from its cache.
  requestContext.response.http.headers.set('cache-control', 'no-store');
  try {
    await writer.write(events, audit.requestId ?? '');
  } catch (err) {
    requestContext.contextValue.log.error(
      { err, reads: events.length },
      'PII reads could not be audited: the answer is withheld',
    );
    const message =
      `The ${service} service could not record this read of personal data in the audit trail, ` +
      'so the answer is withheld; retry.';
    requestContext.response.body = {
      kind: 'single',
      singleResult: {
        data: null,
        errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: service, retryAfterSeconds: 1 } }],
      },
    };
  }
}
