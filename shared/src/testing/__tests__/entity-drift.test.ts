import 'reflect-metadata';
import { Column, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { entityDrift, migratedTestDatabase, testBackends, type MigratedDatabase } from '@supply-graph/shared/testing';

class CreateParcel1700000000000 implements MigrationInterface {
  name = 'CreateParcel1700000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE parcel (
      id uuid PRIMARY KEY, label char(8) NOT NULL, weight numeric(10,3) NOT NULL, sent_at timestamptz(3),
      tags text[] NOT NULL, note text, added_later int NOT NULL DEFAULT 0)`);
    await q.query('CREATE TABLE parcel_log (id bigint PRIMARY KEY)');
  }
  async down(): Promise<void> {}
}

/** Matches `parcel` except where a comment says otherwise. */
@Entity({ name: 'parcel' })
class ParcelEntity {
  @PrimaryColumn('uuid')
  id: string;

  // Length 12, not 8.
  @Column('char', { length: 12 })
  label: string;

  // Scale 2, not 3.
  @Column('numeric', { precision: 10, scale: 2 })
  weight: string;

  @Column({ type: 'timestamptz', name: 'sent_at', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column('text', { array: true })
  tags: string[];

  // NOT NULL here, nullable in the table.
  @Column('text')
  note: string;

  // The table has no such column; `added_later` has no property.
  @Column('int', { name: 'removed_since' })
  removedSince: number;
}

@Entity({ name: 'lost_table' })
class LostEntity {
  // uuid here, no such table at all.
  @PrimaryColumn('uuid')
  id: string;
}

@Entity({ name: 'parcel_log' })
class ParcelLogEntity {
  // text here, bigint in the table.
  @PrimaryColumn('text')
  id: string;
}

describe('entityDrift: what it reports between entities and migrated tables', () => {
  let database: MigratedDatabase;
  beforeAll(async () => {
    const [{ backend }] = testBackends();
    database = await migratedTestDatabase(backend.adminUrl, 'entity_drift', {
      name: 'drift',
      entities: [ParcelEntity, LostEntity, ParcelLogEntity],
      migrations: [CreateParcel1700000000000],
    });
    await database.db.query('CREATE TABLE drift.side_table (id int)');
  });
  afterAll(() => database?.close());

  it('names each differing length, scale, type, nullability, column and table, and each undeclared table', async () => {
    expect(await entityDrift(database.db, 'drift', ['ghost_table'])).toEqual([
      'LostEntity: table drift.lost_table does not exist',
      'ParcelEntity.label (parcel.label): the entity says length 12, the table has 8',
      'ParcelEntity.note (parcel.note): the entity says NOT NULL, the table has nullable',
      'ParcelEntity.removedSince (parcel.removed_since): the table has no such column',
      'ParcelEntity.weight (parcel.weight): the entity says scale 2, the table has 3',
      'ParcelEntity: column parcel.added_later has no property in the entity',
      'ParcelLogEntity.id (parcel_log.id): the entity says text, the table has bigint',
      'table ghost_table is declared SQL-only but does not exist',
      'table side_table has no entity and is not declared SQL-only',
    ]);
  });

  it('reports nothing once the tables are declared as they are', async () => {
    const matching = await migratedTestDatabase(testBackends()[0].backend.adminUrl, 'entity_drift_ok', {
      name: 'drift',
      entities: [ParcelLogEntity],
      migrations: [
        class CreateLog1700000000000 implements MigrationInterface {
          name = 'CreateLog1700000000000';
          async up(q: QueryRunner): Promise<void> {
            await q.query('CREATE TABLE parcel_log (id text PRIMARY KEY)');
            await q.query('CREATE TABLE parcel_note (id int)');
          }
          async down(): Promise<void> {}
        },
      ],
    });
    try {
      expect(await entityDrift(matching.db, 'drift', ['parcel_note'])).toEqual([]);
      expect(await entityDrift(matching.db, 'drift', ['parcel_note', 'parcel_log'])).toEqual([
        'table parcel_log is declared SQL-only but an entity maps it',
      ]);
    } finally {
      await matching.close();
    }
  });
});
