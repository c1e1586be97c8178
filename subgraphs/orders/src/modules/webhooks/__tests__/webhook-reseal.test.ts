import { randomUUID } from 'node:crypto';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import type { DataSource } from 'typeorm';
import { ordersSubgraph } from '../../../index';
import { resealWebhookSecrets } from '../webhook-reseal.job';
import { SecretBox } from '../webhook-secret-box';

const OLD_KEY = 'the-webhook-secret-key-being-rotated-out-0123456789';
const NEW_KEY = 'the-webhook-secret-key-that-replaces-it-0123456789';

describeEachBackend('re-sealing webhook secrets under the new key during a rotation', (backend) => {
  let database: MigratedDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'webhook_reseal', ordersSubgraph);
    ({ db } = database);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function webhook(secret: string): Promise<string> {
    const id = randomUUID();
    await db.query(
      "INSERT INTO webhook (id, url, secret, query) VALUES ($1, 'https://partner.example/hook', $2, " +
        "'subscription { orderStatusChanged { order { id } } }')",
      [id, secret],
    );
    return id;
  }
  const stored = async (id: string) =>
    ((await db.query('SELECT secret FROM webhook WHERE id = $1', [id])) as { secret: string }[])[0].secret;

  it('moves every secret sealed under the old key to the new one, after which the old key can go', async () => {
    const old = new SecretBox(OLD_KEY);
    const ids = await Promise.all(['whsec_one', 'whsec_two'].map((s) => webhook(old.seal(s))));
    const stranger = await webhook(new SecretBox('a-key-nobody-here-holds-any-more-0123456789').seal('x'));
    const plain = await webhook('legacy-plain-secret-16+');
    const rotated = new SecretBox(NEW_KEY, OLD_KEY);

    expect(await resealWebhookSecrets(db, rotated)).toEqual({ resealed: 2, unreadable: 1 });
    const afterRemoval = new SecretBox(NEW_KEY);
    expect(await Promise.all(ids.map(async (id) => afterRemoval.open(await stored(id))))).toEqual([
      'whsec_one',
      'whsec_two',
    ]);
    expect(await stored(plain)).toBe('legacy-plain-secret-16+');
    expect(rotated.needsResealing(await stored(stranger))).toBe(true);
    // A second pass has nothing left to do but the value no configured key opens.
    expect(await resealWebhookSecrets(db, rotated)).toEqual({ resealed: 0, unreadable: 1 });
  });
});
