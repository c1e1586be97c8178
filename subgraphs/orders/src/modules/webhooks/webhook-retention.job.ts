import type { BackgroundJobDefinition } from '@supply-graph/shared';
import type { EntityManager } from 'typeorm';
import { webhookSettingsOf } from '../../config';

/**
 * Deletes finished deliveries (DELIVERED, DEAD) and their attempts once they
 * are older than the retention, so the delivery log does not grow forever.
 * Pending deliveries stay, however old. One statement, so a crash leaves no
 * delivery without its attempts or the other way round.
 */
export async function pruneFinishedDeliveries(
  db: Pick<EntityManager, 'query'>,
  retentionHours: number,
): Promise<number> {
  const rows = (await db.query(
    `WITH old AS (
       SELECT id FROM webhook_delivery
       WHERE status IN ('DELIVERED', 'DEAD')
         AND coalesce(delivered_at, dead_at, created_at) < now() - make_interval(secs => $1::double precision * 3600)
       LIMIT 10000
     ), attempts AS (
       DELETE FROM webhook_attempt WHERE delivery_id IN (SELECT id FROM old)
     ), gone AS (
       DELETE FROM webhook_delivery WHERE id IN (SELECT id FROM old) RETURNING id
     )
     SELECT count(*)::int AS n FROM gone`,
    [retentionHours],
  )) as { n: number }[];
  return rows[0].n;
}

/** Hourly; a backlog larger than one run's 10,000 rows goes in the following runs. */
export const webhookRetentionJob: BackgroundJobDefinition = {
  name: 'webhook retention',
  intervalMs: () => 60 * 60_000,
  async run({ db, config, log }) {
    const { retentionHours } = webhookSettingsOf(config);
    const pruned = await pruneFinishedDeliveries(db, retentionHours);
    if (pruned) log.info({ pruned, retentionHours }, 'pruned finished webhook deliveries past retention');
  },
};
