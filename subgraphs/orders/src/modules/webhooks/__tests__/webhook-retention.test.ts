import { randomUUID } from 'node:crypto';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import type { DataSource } from 'typeorm';
import { ordersSubgraph } from '../../../index';
import { pruneFinishedDeliveries } from '../webhook-retention.job';

describeEachBackend('webhook delivery retention', (backend) => {
  let database: MigratedDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'webhook_retention', ordersSubgraph);
    ({ db } = database);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A delivery in the given state, finished (or created) `hoursAgo`, with two attempts. */
  async function delivery(
    webhookId: string,
    status: 'PENDING' | 'DELIVERED' | 'DEAD',
    hoursAgo: number,
  ): Promise<string> {
    const id = randomUUID();
    const at = new Date(Date.now() - hoursAgo * 3_600_000);
    await db.query(
      `INSERT INTO webhook_delivery (id, webhook_id, event_id, order_id, customer_id, channel, to_status, event_at, status, created_at, delivered_at, dead_at)
       VALUES ($1, $2, $3, $4, $4, 'webstore', 'PENDING', $5, $6, $5, $7, $8)`,
      [
        id,
        webhookId,
        randomUUID(),
        randomUUID(),
        at,
        status,
        status === 'DELIVERED' ? at : null,
        status === 'DEAD' ? at : null,
      ],
    );
    await db.query(
      'INSERT INTO webhook_attempt (delivery_id, at, status_code, duration_ms) VALUES ($1, $2, 500, 3), ($1, $2, 200, 4)',
      [id, at],
    );
    return id;
  }

  it('deletes finished deliveries past the retention with their attempts, and keeps the rest', async () => {
    const webhookId = randomUUID();
    await db.query(
      "INSERT INTO webhook (id, url, secret, query) VALUES ($1, 'https://partner.example/hook', 'a-secret-of-16-chars', 'subscription { orderStatusChanged { eventId } }')",
      [webhookId],
    );
    const oldDelivered = await delivery(webhookId, 'DELIVERED', 200);
    const oldDead = await delivery(webhookId, 'DEAD', 170);
    const recentDelivered = await delivery(webhookId, 'DELIVERED', 10);
    const recentDead = await delivery(webhookId, 'DEAD', 100);
    const oldPending = await delivery(webhookId, 'PENDING', 500);

    expect(await pruneFinishedDeliveries(db, 168)).toBe(2);

    const left = (await db.query('SELECT id FROM webhook_delivery ORDER BY id')) as { id: string }[];
    expect(left.map((r) => r.id).sort()).toEqual([recentDelivered, recentDead, oldPending].sort());
    const attempts = (await db.query('SELECT DISTINCT delivery_id FROM webhook_attempt')) as { delivery_id: string }[];
    expect(attempts.map((r) => r.delivery_id).sort()).toEqual([recentDelivered, recentDead, oldPending].sort());
    expect([oldDelivered, oldDead].some((id) => left.some((r) => r.id === id))).toBe(false);
    // Nothing more is due: a second run deletes nothing.
    expect(await pruneFinishedDeliveries(db, 168)).toBe(0);
  });
});
