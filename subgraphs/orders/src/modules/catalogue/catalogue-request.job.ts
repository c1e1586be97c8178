import {
  EventTypes,
  type BackgroundJobDefinition,
  type ProductCatalogueRequested,
  type Queryable,
  type ServiceEvents,
} from '@supply-graph/shared';

/** How long a request is given to be answered before the next one is sent. */
export const CATALOGUE_REQUEST_EVERY_MS = 60_000;

/**
 * Asks inventory to announce its whole catalogue while orders' copy is empty
 * and no request went out in the last minute. The copy fills from events as
 * products are created and changed; this covers a copy that missed them: a
 * new orders database beside an existing inventory, or (on the in-process
 * bus) announcements published at start-up before orders was listening.
 * Returns whether a request was sent.
 */
export async function requestCatalogueIfEmpty(db: Queryable, events: ServiceEvents): Promise<boolean> {
  const [{ known }] = (await db.query('SELECT EXISTS (SELECT 1 FROM catalog_product) AS known')) as {
    known: boolean;
  }[];
  if (known) return false;
  return events.transaction(async (tx) => {
    // Replicas of orders run this job each: the look and the request are one step, or both would ask at once.
    await tx.manager.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.catalogue-request'))");
    // Only while the copy is empty: the outbox has no index for this look.
    const [{ asked }] = (await tx.manager.query(
      'SELECT EXISTS (SELECT 1 FROM outbox WHERE type = $1 AND occurred_at > now() - make_interval(secs => ' +
        '$2::double precision / 1000)) AS asked',
      [EventTypes.productCatalogueRequested, CATALOGUE_REQUEST_EVERY_MS],
    )) as { asked: boolean }[];
    if (asked) return false;
    const payload: ProductCatalogueRequested = { requestedBy: 'orders' };
    await tx.emit({
      type: EventTypes.productCatalogueRequested,
      aggregateType: 'catalogue',
      aggregateId: 'orders',
      aggregateVersion: 1,
      payload,
    });
    return true;
  });
}

/** Every 5 s: one cheap look while the copy holds anything, which is nearly always. */
export const catalogueRequestJob: BackgroundJobDefinition = {
  name: 'catalogue request',
  intervalMs: () => 5000,
  async run({ db, events, log }) {
    if (await requestCatalogueIfEmpty(db, events))
      log.info('the product catalogue copy is empty: asked inventory to announce it');
  },
};
