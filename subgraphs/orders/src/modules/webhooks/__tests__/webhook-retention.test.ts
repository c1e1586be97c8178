import { randomUUID } from 'node:crypto';
import { insertRow } from '@supply-graph/shared';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import type { DataSource } from 'typeorm';
import { ordersSubgraph } from '../../../index';
import { pruneFinishedDeliveries } from '../webhook-retention.job';

/** The columns of `webhook_delivery` these deliveries set. */
interface DeliveryInsert {
  id: string;
  webhook_id: string;
  event_id: string;
  order_id: string;
  customer_id: string;
  channel: string;
  to_status: string;
  event_at: Date;
  status: string;
  created_at: Date;
  delivered_at: Date | null;
  dead_at: Date | null;
}

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
    const orderId = randomUUID();
    await insertRow<DeliveryInsert>(db, 'webhook_delivery', {
      id,
      webhook_id: webhookId,
      event_id: randomUUID(),
      order_id: orderId,
      customer_id: orderId,
      channel: 'webstore',
      to_status: 'PENDING',
      event_at: at,
      status,
      created_at: at,
      delivered_at: status === 'DELIVERED' ? at : null,
      dead_at: status === 'DEAD' ? at : null,
    });
    await db.query(
      'INSERT INTO webhook_attempt (delivery_id, at, status_code, duration_ms) VALUES ($1, $2, 500, 3), ($1, $2, ' +
        '200, 4)',
      [id, at],
    );
    return id;
  }

  it('deletes finished deliveries past the retention with their attempts, and keeps the rest', async () => {
    const webhookId = randomUUID();
    await db.query(
      "INSERT INTO webhook (id, url, secret, query) VALUES ($1, 'https://partner.example/hook', " +
        "'a-secret-of-16-chars', 'subscription { orderStatusChanged { eventId } }')",
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
