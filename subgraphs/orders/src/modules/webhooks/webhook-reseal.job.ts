import type { BackgroundJobDefinition } from '@supply-graph/shared';
import type { EntityManager } from 'typeorm';
import { webhookSettingsOf } from '../../config';
import type { SecretBox } from './webhook-secret-box';
import { webhookSecretBox } from './webhook-secrets';

const BATCH = 200;
const NO_ID = '00000000-0000-0000-0000-000000000000';

export interface ResealReport {
  resealed: number;
  /** Sealed under a key this box does not hold: left as they are (their webhooks cannot be signed). */
  unreadable: number;
}

/**
 * Seals again under the current key every webhook secret sealed under another (the previous key of a
 * rotation, or a `v1:` value, which names none), so the previous key can be removed without losing a
 * secret. A row is written only if it still holds what was read: a secret changed meanwhile, or re-sealed by
 * another replica, is left alone.
 */
export async function resealWebhookSecrets(db: Pick<EntityManager, 'query'>, box: SecretBox): Promise<ResealReport> {
  const report: ResealReport = { resealed: 0, unreadable: 0 };
  let after = NO_ID;
  for (;;) {
    const rows = (await db.query(
      `SELECT id, secret FROM webhook
       WHERE id > $1::uuid AND secret ~ '^v[12]:' AND NOT starts_with(secret, $2)
       ORDER BY id LIMIT ${BATCH}`,
      [after, `v2:${box.kid}:`],
    )) as { id: string; secret: string }[];
    for (const row of rows) await resealOne(db, box, row, report);
    if (rows.length < BATCH) return report;
    after = rows[rows.length - 1].id;
  }
}

async function resealOne(
  db: Pick<EntityManager, 'query'>,
  box: SecretBox,
  row: { id: string; secret: string },
  report: ResealReport,
): Promise<void> {
  if (!box.needsResealing(row.secret)) return;
  let secret: string;
  try {
    secret = box.open(row.secret);
  } catch {
    report.unreadable += 1;
    return;
  }
  await db.query('UPDATE webhook SET secret = $1 WHERE id = $2 AND secret = $3', [
    box.seal(secret),
    row.id,
    row.secret,
  ]);
  report.resealed += 1;
}

/**
 * Runs while ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS is set (every minute; off otherwise), and says when nothing is
 * left under another key: the operator's sign that the previous key can go. Said again after a run that had work
 * (during a rolling deployment a replica still on the old settings may re-seal values under its own key).
 */
export function webhookResealJob(): BackgroundJobDefinition {
  let announced = false;
  return {
    name: 'webhook secret re-seal',
    intervalMs: (config) => (webhookSettingsOf(config).previousSecretKey ? 60_000 : 0),
    async run({ db, config, log }) {
      const { resealed, unreadable } = await resealWebhookSecrets(db, webhookSecretBox(webhookSettingsOf(config)));
      if (resealed) log.info({ resealed }, 're-sealed webhook secrets under the current key');
      if (unreadable) log.warn({ unreadable }, 'webhook secrets sealed under a key neither current nor previous');
      if (unreadable || (announced && !resealed)) return;
      announced = true;
      log.info('every webhook secret is sealed under the current key: ORDERS_WEBHOOK_SECRET_KEY_PREVIOUS can go');
    },
  };
}
