import type { BackgroundJobDefinition, JobDeps } from '@supply-graph/shared';
import { webhookSettingsOf, type WebhookSettings } from '../../config';
import { countWebhookBacklogWith, webhookAttemptDuration, webhookAttempts } from '../../metrics';
import { PayloadError, resolvePayload } from './gateway-payloads';
import {
  abandonDelivery,
  claimDueDeliveries,
  countPendingDeliveries,
  recordAttempt,
  type AttemptOutcome,
  type ClaimedDelivery,
} from './webhook-dispatch.store';
import { ownerAuthorization, type WebhookOwner } from './webhook-owner';
import { sendWebhook } from './webhook-sender';
import { webhookSecretBox } from './webhook-secrets';

const CLAIM_BUDGET_MS = 5_000;

type Deps = Pick<JobDeps, 'db' | 'peers' | 'log' | 'config'>;

/**
 * Sends due webhook deliveries (every ORDERS_WEBHOOK_DISPATCH_INTERVAL_MS; 0
 * disables it). Every replica may run one: claims skip rows another holds.
 */
export const webhookDispatchJob: BackgroundJobDefinition = {
  name: 'webhook dispatch',
  intervalMs: (config) => webhookSettingsOf(config).dispatchIntervalMs,
  async run(deps) {
    // Counted only when metrics are scraped; the job that owns the deliveries says where they are.
    countWebhookBacklogWith(() => countPendingDeliveries(deps.db));
    await dispatchDue(deps, webhookSettingsOf(deps.config));
  },
};

/**
 * Sends everything due now, at most `concurrency` at once: free slots are
 * refilled by new claims as attempts finish, so one slow partner holds one
 * slot, not the whole run. Returns how many attempts were made.
 */
export async function dispatchDue(deps: Deps, settings: Readonly<WebhookSettings>): Promise<number> {
  try {
    deps.peers.url('gateway');
  } catch {
    // The platform starts the gateway last: until it is up, nothing could be resolved (and no attempt is spent).
    return 0;
  }
  // Longer than an attempt can take (payload, then the POST, each with its timeout).
  const leaseMs = 2 * settings.timeoutMs + 30_000;
  const running = new Set<Promise<void>>();
  // New claims stop after this, so a large backlog cannot keep a stopping process waiting for long.
  const claimUntil = Date.now() + CLAIM_BUDGET_MS;
  let attempts = 0;
  while (Date.now() < claimUntil) {
    const free = settings.concurrency - running.size;
    if (free > 0) {
      const claimed = await claimDueDeliveries(deps.db, free, leaseMs);
      for (const delivery of claimed) {
        const task: Promise<void> = attempt(deps, settings, delivery)
          .catch((err: unknown) =>
            deps.log.error(
              { err, deliveryId: delivery.id },
              'webhook attempt could not be recorded; it is retried after its lease',
            ),
          )
          .finally(() => running.delete(task));
        running.add(task);
      }
      attempts += claimed.length;
      // Fewer due than there was room for: nothing else is due now.
      if (claimed.length < free) break;
    }
    await Promise.race(running);
  }
  await Promise.all(running);
  return attempts;
}

/** Whose access the payload is resolved with, or why the delivery must not be sent at all. */
function ownerOrRefusal(delivery: ClaimedDelivery): WebhookOwner | string {
  if (!delivery.webhookActive) return 'the webhook was deactivated';
  if (delivery.ownerSub === null || delivery.ownerKind === null) return 'the webhook has no owner: register it again';
  if (delivery.ownerDisabled) return "the webhook's owner, an API client, was disabled";
  return {
    sub: delivery.ownerSub,
    kind: delivery.ownerKind,
    scopes: delivery.ownerScopes,
    channels: delivery.ownerChannels,
  };
}

async function attempt(deps: Deps, settings: Readonly<WebhookSettings>, delivery: ClaimedDelivery): Promise<void> {
  const owner = ownerOrRefusal(delivery);
  if (typeof owner === 'string') {
    await abandonDelivery(deps.db, delivery, owner);
    return;
  }
  const startedAt = new Date();
  const outcome = await send(deps, settings, delivery, owner, startedAt);
  const recorded = await recordAttempt(deps.db, delivery, outcome, settings.retry);
  webhookAttempts.inc({ outcome: recorded === 'superseded' ? (outcome.error ? 'failed' : 'delivered') : recorded });
  webhookAttemptDuration.observe((outcome.finishedAt.getTime() - startedAt.getTime()) / 1000);
  if (recorded === 'dead')
    deps.log.warn(
      { deliveryId: delivery.id, eventId: delivery.eventId, url: delivery.url, error: outcome.error },
      'webhook delivery dead-lettered',
    );
}

/** Resolves the payload now (the order as it is at or after the event) with its owner's access, then POSTs it. */
async function send(
  deps: Pick<Deps, 'peers' | 'config'>,
  settings: Readonly<WebhookSettings>,
  delivery: ClaimedDelivery,
  owner: WebhookOwner,
  startedAt: Date,
): Promise<AttemptOutcome> {
  let body: string;
  try {
    const payload = await resolvePayload(
      {
        peers: deps.peers,
        requestId: `webhook-${delivery.id}`,
        timeoutMs: settings.timeoutMs,
        authorization: () => ownerAuthorization(deps.config.internalSecret, owner),
      },
      { query: delivery.query, variables: delivery.variables, operationName: delivery.operationName },
      {
        eventId: delivery.eventId,
        orderId: delivery.orderId,
        from: delivery.fromStatus,
        to: delivery.toStatus,
        at: delivery.eventAt.toISOString(),
      },
    );
    body = JSON.stringify(payload);
  } catch (err) {
    const error =
      err instanceof PayloadError ? err.message : `the payload could not be resolved: ${(err as Error).message}`;
    return { startedAt, finishedAt: new Date(), signatureTimestamp: null, statusCode: null, error };
  }
  const sent = await sendWebhook(
    {
      url: delivery.url,
      secret: webhookSecretBox(settings).open(delivery.secret),
      eventId: delivery.eventId,
      deliveryId: delivery.id,
      body,
    },
    settings.timeoutMs,
    { allowPrivateTargets: settings.allowPrivateTargets },
  );
  return { startedAt, finishedAt: new Date(), ...sent };
}
