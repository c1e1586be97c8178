import { randomUUID } from 'node:crypto';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import { WebhookOwners1765100000000 } from '../../../db/migrations/1765100000000-WebhookOwners';
import { ordersSubgraph } from '../../../index';

describeEachBackend('webhooks registered before owners existed', (backend) => {
  let database: MigratedDatabase;

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'webhook_owner_migration', ordersSubgraph);
  });
  afterAll(() => database?.close());

  it(
    'are deactivated by the migration, ' + 'their pending deliveries dead-lettered and the finished ones kept',
    async () => {
      const { db } = database;
      const migration = new WebhookOwners1765100000000();
      const runner = db.createQueryRunner();
      try {
        // Back to the schema as it was, with a webhook registered then.
        await migration.down(runner);
        const webhookId = randomUUID();
        await db.query(
          "INSERT INTO webhook (id, url, secret, query) VALUES ($1, 'https://partner.example/hook', " +
            "'a-secret-of-16-chars', 'subscription { orderStatusChanged { eventId } }')",
          [webhookId],
        );
        for (const [eventId, status] of [
          ['0000000000000001', 'DELIVERED'],
          ['0000000000000002', 'PENDING'],
        ]) {
          await db.query(
            `INSERT INTO webhook_delivery (id, webhook_id, event_id, order_id, customer_id, channel, to_status,
              event_at, status, next_attempt_at)
           VALUES ($1, $2, $3, $4, $4, 'tmall', 'PENDING', now(), $5, now())`,
            [randomUUID(), webhookId, eventId, randomUUID(), status],
          );
        }
        await migration.up(runner);

        expect(
          await db.query('SELECT active, owner_sub, owner_channels FROM webhook WHERE id = $1', [webhookId]),
        ).toEqual([{ active: false, owner_sub: null, owner_channels: null }]);
        const deliveries = await db.query(
          'SELECT event_id, status, last_error FROM webhook_delivery WHERE webhook_id = $1 ORDER BY event_id',
          [webhookId],
        );
        expect(deliveries).toEqual([
          { event_id: '0000000000000001', status: 'DELIVERED', last_error: null },
          { event_id: '0000000000000002', status: 'DEAD', last_error: expect.stringContaining('no owner') },
        ]);
      } finally {
        await runner.release();
      }
    },
  );
});
