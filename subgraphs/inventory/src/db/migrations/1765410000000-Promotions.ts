import { entityChangeTriggersSql } from '@supply-graph/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Planned promotions: a window of UTC days in which some SKUs (or the whole
 * catalogue, `skus` null) sell `uplift` times their usual rate through some
 * channels (or all, `channels` null). Planning multiplies the baseline
 * forecast by it (`plannedUplift`), the forecast engine divides it out of the
 * history it fits, and the actual uplift is measured against the demand
 * history once the window has started.
 *
 * A cancelled promotion keeps its row (who planned and who cancelled it stays
 * visible) and counts nowhere. The window is [starts_on, ends_on], both days
 * inclusive.
 */
export class Promotions1765410000000 implements MigrationInterface {
  name = 'Promotions1765410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE promotion (
        id uuid PRIMARY KEY,
        name text NOT NULL CONSTRAINT ck_promotion_name CHECK (length(btrim(name)) > 0),
        channels text[] CONSTRAINT ck_promotion_channels CHECK (cardinality(channels) > 0),
        skus text[] CONSTRAINT ck_promotion_skus CHECK (cardinality(skus) > 0),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        uplift double precision NOT NULL CONSTRAINT ck_promotion_uplift CHECK (uplift > 1 AND uplift <= 20),
        planned_by text NOT NULL,
        planned_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        cancelled_by text,
        CONSTRAINT ck_promotion_window CHECK (ends_on >= starts_on),
        CONSTRAINT ck_promotion_cancelled CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL))
      )`);
    // Planning asks which live promotions overlap a day range; products ask which promotions name their SKU.
    await q.query('CREATE INDEX ix_promotion_window ON promotion (ends_on, starts_on) WHERE cancelled_at IS NULL');
    await q.query('CREATE INDEX ix_promotion_skus ON promotion USING gin (skus)');
    for (const sql of entityChangeTriggersSql('promotion', 'inventory')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE promotion');
  }
}
