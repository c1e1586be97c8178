import DataLoader from 'dataloader';
import { isUuid, toPage, type Page } from '@supply-graph/shared';
import type { DataSource } from 'typeorm';
import type { WebhookAttempt, WebhookDelivery, WebhookDeliveryStatus } from './webhook.type';
import {
  ATTEMPT_COLUMNS,
  DELIVERY_COLUMNS,
  listCursor,
  toDelivery,
  WEBHOOK_COLUMNS,
  type AttemptRow,
  type DeliveryRow,
  type WebhookRow,
} from './webhook.row';

/** Validated arguments of `Webhook.deliveries`. */
export interface DeliveryPageArgs {
  status: WebhookDeliveryStatus | null;
  first: number;
  after: { createdAt: string; id: string } | null;
}

export interface DeliveriesKey {
  webhookId: string;
  args: DeliveryPageArgs;
}

/**
 * Per-request loaders of the webhooks module: one statement per relation per
 * request. `ownerSub` is the caller's `sub`: a webhook is its owner's alone,
 * anyone else's loads as null (null: the caller owns none). Deliveries and
 * attempts are keyed by webhooks and deliveries already reached through it.
 */
export function createWebhookLoaders(db: DataSource, ownerSub: string | null) {
  return {
    webhookById: new DataLoader<string, WebhookRow | null>(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
      const rows =
        valid.length && ownerSub !== null
          ? ((await db.query(
              `SELECT ${WEBHOOK_COLUMNS} FROM webhook w WHERE w.id = ANY($1::uuid[]) AND w.owner_sub = $2`,
              [valid, ownerSub],
            )) as WebhookRow[])
          : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),

    attemptsByDeliveryId: new DataLoader<string, WebhookAttempt[]>(async (ids) => {
      const rows = (await db.query(
        `SELECT ${ATTEMPT_COLUMNS} FROM webhook_attempt a WHERE a.delivery_id = ANY($1::uuid[]) ORDER BY a.id`,
        [[...new Set(ids)]],
      )) as AttemptRow[];
      const grouped = new Map<string, WebhookAttempt[]>();
      for (const { deliveryId, ...attempt } of rows) {
        const list = grouped.get(deliveryId);
        if (list) list.push(attempt);
        else grouped.set(deliveryId, [attempt]);
      }
      return ids.map((id) => grouped.get(id) ?? []);
    }),

    // Keys with the same arguments are answered together: a windowed page and a grouped count.
    deliveriesByWebhook: new DataLoader<DeliveriesKey, Page<WebhookDelivery>, string>(
      async (keys) => {
        const groups = new Map<string, { args: DeliveryPageArgs; indexes: number[] }>();
        keys.forEach((key, index) => {
          const group = groups.get(JSON.stringify(key.args)) ?? { args: key.args, indexes: [] };
          group.indexes.push(index);
          groups.set(JSON.stringify(key.args), group);
        });
        const results = new Array<Page<WebhookDelivery>>(keys.length);
        await Promise.all(
          [...groups.values()].map(async ({ args, indexes }) => {
            const pages = await deliveryPages(
              db,
              indexes.map((i) => keys[i].webhookId),
              args,
            );
            indexes.forEach((keyIndex, i) => {
              results[keyIndex] = pages[i];
            });
          }),
        );
        return results;
      },
      { cacheKeyFn: (key) => JSON.stringify([key.webhookId, key.args]) },
    ),
  };
}

export type WebhookLoaders = ReturnType<typeof createWebhookLoaders>;

async function deliveryPages(
  db: DataSource,
  webhookIds: string[],
  args: DeliveryPageArgs,
): Promise<Page<WebhookDelivery>[]> {
  const ids = [...new Set(webhookIds)];
  const after = args.after ? `AND (d.created_at, d.id) < ($4::timestamptz, $5::uuid)` : '';
  const pageParams: unknown[] = [
    ids,
    args.status,
    args.first + 1,
    ...(args.after ? [args.after.createdAt, args.after.id] : []),
  ];
  const [counts, rows] = await Promise.all([
    db.query(
      `SELECT d.webhook_id AS "webhookId", count(*)::int AS n FROM webhook_delivery d
       WHERE d.webhook_id = ANY($1::uuid[]) AND ($2::text IS NULL OR d.status = $2) GROUP BY d.webhook_id`,
      [ids, args.status],
    ) as Promise<{ webhookId: string; n: number }[]>,
    db.query(
      `SELECT * FROM (
         SELECT ${DELIVERY_COLUMNS},
         row_number() OVER (PARTITION BY d.webhook_id ORDER BY d.created_at DESC, d.id DESC) AS rn
         FROM webhook_delivery d
         WHERE d.webhook_id = ANY($1::uuid[]) AND ($2::text IS NULL OR d.status = $2) ${after}
       ) p WHERE p.rn <= $3 ORDER BY p."webhookId", p.rn`,
      pageParams,
    ) as Promise<DeliveryRow[]>,
  ]);
  const countOf = new Map(counts.map((c) => [c.webhookId, c.n]));
  const rowsOf = new Map<string, WebhookDelivery[]>();
  for (const row of rows) {
    const list = rowsOf.get(row.webhookId);
    if (list) list.push(toDelivery(row));
    else rowsOf.set(row.webhookId, [toDelivery(row)]);
  }
  return webhookIds.map((id) => toPage(rowsOf.get(id) ?? [], args.first, countOf.get(id) ?? 0, listCursor));
}
