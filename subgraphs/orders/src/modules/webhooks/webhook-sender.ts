import { reasonOf } from './gateway-payloads';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature';
import { resolvesToInternal } from './webhook-target';

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
    const internal = allowPrivateTargets ? null : await resolvesToInternal(new URL(request.url));
    if (internal) return { signatureTimestamp, statusCode: null, error: `refused: the host resolves to the internal address ${internal}` };
    const response = await fetch(request.url, {
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
    const ok = response.status >= 200 && response.status < 300;
    return { signatureTimestamp, statusCode: response.status, error: ok ? null : `HTTP ${response.status}` };
  } catch (err) {
    return { signatureTimestamp, statusCode: null, error: `no answer: ${reasonOf(err)}` };
  }
}
