import { entityChangeTriggersSql } from '@supply-graph/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channel priority: which channel's waiting orders get stock first when it is
 * short. A channel without a row has the default priority, 0 (see
 * modules/quota/channel-priority.rule.ts). The backorder queue is read by the
 * channel of each waiting order, so that expression gets an index; the
 * planning KPIs get theirs too.
 */
export class ChannelPriority1765430000000 implements MigrationInterface {
  name = 'ChannelPriority1765430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE channel_priority (
        channel text PRIMARY KEY,
        priority int NOT NULL CONSTRAINT ck_channel_priority_range CHECK (priority BETWEEN -1000 AND 1000),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query("CREATE INDEX ix_backorder_channel ON backorder ((request->>'channel'))");
    // The planning KPIs read shipments and the ledger by time range.
    await q.query('CREATE INDEX ix_allocation_shipped ON allocation (shipped_at) WHERE shipped_at IS NOT NULL');
    await q.query('CREATE INDEX ix_stock_movement_at ON stock_movement (at)');
    for (const sql of entityChangeTriggersSql('channel_priority', 'inventory')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_stock_movement_at');
    await q.query('DROP INDEX ix_allocation_shipped');
    await q.query('DROP INDEX ix_backorder_channel');
    await q.query('DROP TABLE channel_priority');
  }
}
