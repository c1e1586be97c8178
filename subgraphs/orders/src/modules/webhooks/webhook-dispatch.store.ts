import { randomUUID } from 'node:crypto';
import { affectedRows, backgroundWork, returnedRows } from '@supply-graph/shared';
import type { DataSource } from 'typeorm';
import { afterFailure, type RetryPolicy } from './retry-schedule';
import type { WebhookOwner } from './webhook-owner';

/** A due delivery taken by one dispatcher, with what sending it needs. */
export interface ClaimedDelivery {
  id: string;
  eventId: string;
  orderId: string;
  fromStatus: string | null;
  toStatus: string;
  eventAt: Date;
  firstAttemptAt: Date | null;
  windowAttempts: number;
  /** Proves, when the outcome is recorded, that nobody re-sent or re-claimed the delivery meanwhile. */
  lease: string;
  webhookActive: boolean;
  url: string;
  secret: string;
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
  /** Whose access the payload is resolved with; null sub: a webhook from before owners (never sent). */
  ownerSub: string | null;
  ownerKind: WebhookOwner['kind'] | null;
  ownerScopes: string[];
  ownerChannels: string[] | null;
  /** The owner is an API client that was disabled since: nothing more is sent for it. */
  ownerDisabled: boolean;
}

/** What one attempt came to. */
export interface AttemptOutcome {
  startedAt: Date;
  finishedAt: Date;
  /** Unix seconds the request was signed with; null when no request was sent (payload failed). */
  signatureTimestamp: number | null;
  statusCode: number | null;
  /** null: delivered (2xx). */
  error: string | null;
}

/**
 * Takes up to `limit` due deliveries. The rows are locked only for this one
 * statement (SKIP LOCKED: replicas take different rows); what keeps another
 * dispatcher away while the HTTP call runs, outside any transaction, is the
 * lease: `next_attempt_at` moves past the longest an attempt can take, so a
 * dispatcher that dies mid-attempt leaves the delivery due again afterwards.
 */
export async function claimDueDeliveries(db: DataSource, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  // Background work: its statements are counted apart from those of GraphQL requests.
  return returnedRows<ClaimedDelivery>(
    await backgroundWork(db, (manager) => manager.query(CLAIM_SQL, [limit, leaseMs, randomUUID()]), {
      transaction: false,
    }),
  );
}

/** Deliveries not yet delivered nor given up (due now or waiting for their next try): the webhook backlog. */
export async function countPendingDeliveries(db: DataSource): Promise<number> {
  const rows = (await backgroundWork(
    db,
    (manager) => manager.query("SELECT count(*)::int AS pending FROM webhook_delivery WHERE status = 'PENDING'"),
    { transaction: false },
  )) as { pending: number }[];
  return rows[0]?.pending ?? 0;
}

const CLAIM_SQL = `
  WITH due AS (
    SELECT id FROM webhook_delivery
    WHERE status = 'PENDING' AND next_attempt_at <= now()
    ORDER BY next_attempt_at LIMIT $1
    FOR UPDATE SKIP LOCKED
  )
  UPDATE webhook_delivery d
  SET next_attempt_at = now() + make_interval(secs => $2::double precision / 1000), lease = $3
  FROM due, webhook w
  WHERE d.id = due.id AND w.id = d.webhook_id
  RETURNING d.id, d.event_id AS "eventId", d.order_id AS "orderId", d.from_status AS "fromStatus",
    d.to_status AS "toStatus", d.event_at AS "eventAt", d.first_attempt_at AS "firstAttemptAt",
    d.window_attempts AS "windowAttempts", d.lease, w.active AS "webhookActive", w.url, w.secret, w.query,
    w.variables, w.operation_name AS "operationName", w.owner_sub AS "ownerSub", w.owner_kind AS "ownerKind",
    w.owner_scopes AS "ownerScopes", w.owner_channels AS "ownerChannels",
    EXISTS (SELECT 1 FROM api_client c WHERE w.owner_kind = 'client' AND c.client_id = w.owner_sub AND
      c.disabled_at IS NOT NULL) AS "ownerDisabled"`;

/** How a recorded attempt left the delivery. */
export type RecordedStatus = 'delivered' | 'failed' | 'dead' | 'superseded';

/**
 * Records an attempt and what follows from it, in one short transaction:
 * DELIVERED on success; otherwise a retry after the backoff, or DEAD once the
 * retry would fall past the give-up period. The attempt row is kept even when
 * the lease was lost (a re-send, a deactivation or another dispatcher took
 * over): it happened, but the delivery's state is no longer this attempt's to set.
 */
export async function recordAttempt(
  db: DataSource,
  claimed: ClaimedDelivery,
  outcome: AttemptOutcome,
  policy: RetryPolicy,
): Promise<RecordedStatus> {
  return backgroundWork(
    db,
    async (manager) => {
      await manager.query(
        `INSERT INTO webhook_attempt (delivery_id, at, status_code, error, duration_ms, signature_timestamp)
          VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          claimed.id,
          outcome.startedAt,
          outcome.statusCode,
          outcome.error,
          durationMs(outcome),
          outcome.signatureTimestamp,
        ],
      );
      await manager.query('UPDATE webhook_delivery SET attempts = attempts + 1 WHERE id = $1', [claimed.id]);
      const firstAttemptAt = claimed.firstAttemptAt ?? outcome.startedAt;
      const common = [claimed.id, claimed.lease, firstAttemptAt, outcome.statusCode];
      let status: RecordedStatus;
      let result: unknown;
      if (outcome.error === null) {
        status = 'delivered';
        result = await manager.query(
          `UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = $5, first_attempt_at = $3,
            window_attempts = window_attempts + 1,
           last_status_code = $4, last_error = NULL, next_attempt_at = NULL, lease = NULL
         WHERE id = $1 AND lease = $2`,
          [...common, outcome.finishedAt],
        );
      } else {
        const failures = claimed.windowAttempts + 1;
        const next = afterFailure(policy, { firstAttemptAt, failures, now: outcome.finishedAt });
        status = next.dead ? 'dead' : 'failed';
        const error = next.dead
          ? `given up after ${failures} failed attempts since ${firstAttemptAt.toISOString()}; ` +
            `the last: ${outcome.error}`
          : outcome.error;
        result = await manager.query(
          `UPDATE webhook_delivery SET status = $5, next_attempt_at = $6, dead_at = $7, first_attempt_at = $3,
           window_attempts = window_attempts + 1, last_status_code = $4, last_error = $8, lease = NULL
         WHERE id = $1 AND lease = $2`,
          [
            ...common,
            next.dead ? 'DEAD' : 'PENDING',
            next.retryAt ?? null,
            next.dead ? outcome.finishedAt : null,
            error,
          ],
        );
      }
      return affectedRows(result) ? status : 'superseded';
    },
    { transaction: true },
  );
}

/**
 * A delivery found in a claim that must not be sent (its webhook deactivated while its event fanned out, its
 * owner's client disabled, no owner at all): DEAD, unsent.
 */
export async function abandonDelivery(db: DataSource, claimed: ClaimedDelivery, reason: string): Promise<void> {
  await backgroundWork(
    db,
    (manager) =>
      manager.query(
        `UPDATE webhook_delivery SET status = 'DEAD', dead_at = now(), next_attempt_at = NULL,
          last_error = $3, lease = NULL
         WHERE id = $1 AND lease = $2`,
        [claimed.id, claimed.lease, reason],
      ),
    { transaction: false },
  );
}

const durationMs = (o: AttemptOutcome) => Math.max(0, o.finishedAt.getTime() - o.startedAt.getTime());
