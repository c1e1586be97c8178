import { Agent, fetch } from 'undici';
import { reasonOf } from './gateway-payloads';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature';
import { checkTarget, type CheckedTarget } from './webhook-target';

export interface WebhookRequest {
  url: string;
  secret: string;
  eventId: string;
  deliveryId: string;
  body: string;
}

export interface SendResult {
  signatureTimestamp: number;
  statusCode: number | null;
  /** null: the partner answered 2xx. */
  error: string | null;
}

/**
 * POSTs one signed delivery. Only a 2xx answer counts: redirects are not
 * followed (a moved endpoint must be registered again, not chased), and any
 * other status, a timeout or a refused connection is a failed attempt.
 */
export async function sendWebhook(
  request: WebhookRequest,
  timeoutMs: number,
  { allowPrivateTargets = false, now = Date.now }: { allowPrivateTargets?: boolean; now?: () => number } = {},
): Promise<SendResult> {
  const signatureTimestamp = Math.floor(now() / 1000);
  try {
    // Checked before every attempt: a host name can be pointed inside our network after registration.
    const checked = await checkTarget(new URL(request.url), allowPrivateTargets);
    if ('internal' in checked)
      return {
        signatureTimestamp,
        statusCode: null,
        error: `refused: the host resolves to the internal address ${checked.internal}`,
      };
    const statusCode = await post(request, checked.target, signatureTimestamp, timeoutMs);
    const ok = statusCode >= 200 && statusCode < 300;
    return { signatureTimestamp, statusCode, error: ok ? null : `HTTP ${statusCode}` };
  } catch (err) {
    return { signatureTimestamp, statusCode: null, error: `no answer: ${reasonOf(err)}` };
  }
}

/** One signed POST to the checked address; the answer's status. */
async function post(
  request: WebhookRequest,
  target: CheckedTarget,
  signatureTimestamp: number,
  timeoutMs: number,
): Promise<number> {
  const dispatcher = pinnedTo(target);
  try {
    const response = await fetch(request.url, {
      dispatcher,
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'supply-graph-webhooks/1',
        [WEBHOOK_HEADERS.eventId]: request.eventId,
        [WEBHOOK_HEADERS.deliveryId]: request.deliveryId,
        [WEBHOOK_HEADERS.timestamp]: String(signatureTimestamp),
        [WEBHOOK_HEADERS.signature]: signWebhook(request.secret, signatureTimestamp, request.body),
      },
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The answer's body is of no use; dropping it frees the connection.
    await response.body?.cancel().catch(() => undefined);
    return response.status;
  } finally {
    void dispatcher.close().catch(() => undefined);
  }
}

/**
 * A connection pool whose every lookup answers the checked address: the
 * request goes where the check looked (TLS still names, and verifies, the
 * host), whatever the name resolves to a moment later.
 */
function pinnedTo(target: CheckedTarget): Agent {
  return new Agent({
    connect: {
      lookup: (_hostname, options, callback) => {
        if ((options as { all?: boolean }).all)
          (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
        else callback(null, target.address, target.family);
      },
    },
  });
}
