import { randomUUID } from 'node:crypto';
import {
  AppError,
  auditTarget,
  badUserInput,
  insertRow,
  isUuid,
  notFound,
  returnedRows,
  seesChannel,
  toPage,
  type InputProblem,
  type Page,
} from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import { namesInternalHost } from './webhook-target';
import { webhookSettingsOf } from '../../config';
import { webhookSecretBox } from './webhook-secrets';
import {
  checkSubscriptionDocument,
  type GatewayAccess,
  type SubscriptionDocument,
  type SubscriptionFilter,
} from './gateway-payloads';
import type { RegisterWebhookInput } from './webhook.input';
import { ownerAuthorization, ownerOf, type WebhookOwner } from './webhook-owner';
import { listCursor, listPageArgs, toWebhook, WEBHOOK_COLUMNS, type WebhookRow } from './webhook.row';
import type { Webhook } from './webhook.type';

/** The columns of `webhook` a registration sets (`active` and `created_at` keep their defaults). */
interface WebhookInsert {
  id: string;
  url: string;
  /** Sealed (webhook-secrets.ts). */
  secret: string;
  query: string;
  /** JSON text. */
  variables: string;
  operation_name: string | null;
  order_id: string | null;
  customer_id: string | null;
  channel: string | null;
  description: string | null;
  owner_sub: string;
  owner_kind: WebhookOwner['kind'];
  owner_scopes: string[];
  owner_channels: string[] | null;
  secret_last_four: string;
}

export const MIN_SECRET_LENGTH = 16;
const MAX_SECRET_LENGTH = 512;
const MAX_URL_LENGTH = 2048;
const MAX_DESCRIPTION_LENGTH = 500;

/**
 * What can be told about the input without asking the gateway: the URL (and,
 * unless allowed, that it names no internal host), the secret, the variables,
 * the description.
 */
export function webhookInputProblems(
  input: RegisterWebhookInput,
  { allowPrivateTargets = false } = {},
): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!isHttpUrl(input.url)) problems.push({ field: 'url', message: 'must be an absolute http(s) URL' });
  else if (input.url.length > MAX_URL_LENGTH)
    problems.push({ field: 'url', message: `must be at most ${MAX_URL_LENGTH} characters` });
  else if (!allowPrivateTargets && namesInternalHost(new URL(input.url))) {
    problems.push({ field: 'url', message: 'must not point to a loopback, private or link-local address' });
  }
  if (input.secret.length < MIN_SECRET_LENGTH)
    problems.push({ field: 'secret', message: `must be at least ${MIN_SECRET_LENGTH} characters` });
  else if (input.secret.length > MAX_SECRET_LENGTH)
    problems.push({ field: 'secret', message: `must be at most ${MAX_SECRET_LENGTH} characters` });
  const variables = input.variables;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) {
    problems.push({ field: 'variables', message: 'must be an object of variable values' });
  }
  if ((input.description?.length ?? 0) > MAX_DESCRIPTION_LENGTH) {
    problems.push({ field: 'description', message: `must be at most ${MAX_DESCRIPTION_LENGTH} characters` });
  }
  if (!input.query.trim())
    problems.push({ field: 'query', message: 'a subscription document on orderStatusChanged is required' });
  return problems;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The gateway's messages name their field ("variables: must be an object"); validation errors are the document's. */
function problemOfGateway(message: string): InputProblem {
  const named = /^(query|variables|operationName): (.*)$/s.exec(message);
  return named ? { field: named[1], message: named[2] } : { field: 'query', message };
}

// IDs are compared as the events carry them (UUIDs in lower case), channel codes in lower case.
const normalisedId = (id: string | null) =>
  id === null ? null : isUuid(id.trim()) ? id.trim().toLowerCase() : id.trim();

/** How this request reaches the gateway: as the caller, who will own the webhook. */
export function gatewayAccess(ctx: OrdersContext): GatewayAccess {
  const settings = webhookSettingsOf(ctx.config);
  const owner = ownerOf(ctx.principal);
  return {
    peers: ctx.peers,
    requestId: ctx.requestId,
    timeoutMs: settings.timeoutMs,
    authorization: () => ownerAuthorization(ctx.config.internalSecret, owner),
  };
}

/**
 * A channel-scoped caller may not ask for another channel's events: such a
 * webhook could never receive anything, so it is refused rather than stored.
 */
function checkChannelFilter(ctx: OrdersContext, channel: string | null): void {
  if (channel !== null && !seesChannel(ctx.principal, channel)) {
    throw new AppError('FORBIDDEN', `The webhook's channel filter "${channel}" is not a channel of this caller`, {
      channels: ctx.principal.channels,
    });
  }
}

/**
 * Registering, listing and deactivating partner webhooks. A webhook belongs to
 * the caller that registered it (its `sub`): nobody else sees, deactivates or
 * re-sends it, and its events are limited to its owner's channels.
 */
export const webhookService = {
  /**
   * Stores a webhook once everything about it is valid: the URL, the secret
   * and the document (checked by the gateway against the public graph). Every
   * problem comes back at once as BAD_USER_INPUT, and nothing is stored.
   */
  async register(ctx: OrdersContext, input: RegisterWebhookInput): Promise<Webhook> {
    const problems = webhookInputProblems(input, webhookSettingsOf(ctx.config));
    const document: SubscriptionDocument = {
      query: input.query,
      variables: input.variables ?? {},
      operationName: input.operationName ?? null,
    };
    let filter: SubscriptionFilter | null = null;
    if (input.query.trim() && !problems.some((p) => p.field === 'variables')) {
      const checked = await checkSubscriptionDocument(gatewayAccess(ctx), document);
      if (checked.problems) problems.push(...checked.problems.map(problemOfGateway));
      else if (checked.filter.after !== null) {
        problems.push({
          field: 'query',
          message: '"after" cannot be used: a webhook receives the events from its registration on',
        });
      } else filter = checked.filter;
    }
    if (problems.length || !filter) {
      throw badUserInput(
        `The webhook was not registered: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
        problems,
      );
    }
    const id = randomUUID();
    const channel = filter.channel?.trim().toLowerCase() ?? null;
    checkChannelFilter(ctx, channel);
    const owner = ownerOf(ctx.principal);
    // A transaction of its own although it is one statement: the audit entry commits with the webhook.
    const [row] = await ctx.events.transaction(async ({ manager }) => {
      auditTarget(ctx, 'Webhook', id, channel);
      return insertRow<WebhookInsert, WebhookRow>(
        manager,
        'webhook AS w',
        {
          id,
          url: input.url,
          // Stored sealed: HMAC needs the secret itself, so it cannot be hashed.
          secret: webhookSecretBox(webhookSettingsOf(ctx.config)).seal(input.secret),
          query: input.query,
          variables: JSON.stringify(document.variables),
          operation_name: document.operationName,
          order_id: normalisedId(filter.orderId),
          customer_id: normalisedId(filter.customerId),
          channel,
          description: input.description ?? null,
          owner_sub: owner.sub,
          owner_kind: owner.kind,
          owner_scopes: owner.scopes,
          owner_channels: owner.channels,
          secret_last_four: input.secret.slice(-4),
        },
        { returning: WEBHOOK_COLUMNS },
      );
    });
    return toWebhook(row);
  },

  /**
   * No new deliveries, no re-sends; deliveries still pending become DEAD.
   * Repeat-safe. NOT_FOUND for an unknown id and for another caller's webhook.
   */
  async deactivate(ctx: OrdersContext, id: string): Promise<Webhook> {
    if (!isUuid(id)) throw notFound('Webhook', id);
    const row = await ctx.events.transaction(async ({ manager }) => {
      const rows = returnedRows<WebhookRow>(
        await manager.query(
          `UPDATE webhook AS w SET active = false WHERE w.id = $1 AND w.owner_sub = $2 RETURNING ${WEBHOOK_COLUMNS}`,
          [id, ctx.principal.sub],
        ),
      );
      if (!rows.length) throw notFound('Webhook', id);
      await manager.query(
        `UPDATE webhook_delivery SET status = 'DEAD', dead_at = now(), next_attempt_at = NULL, lease = NULL,
           last_error = 'the webhook was deactivated'
         WHERE webhook_id = $1 AND status = 'PENDING'`,
        [id],
      );
      return rows[0];
    });
    ctx.loaders.webhookById.clear(id);
    return toWebhook(row);
  },

  async findById(ctx: OrdersContext, id: string): Promise<Webhook | null> {
    const row = await ctx.loaders.webhookById.load(id);
    return row && toWebhook(row);
  },

  /** The caller's own webhooks, newest first. */
  async list(ctx: OrdersContext, first: number | null, after: string | null): Promise<Page<Webhook>> {
    const page = listPageArgs(first, after);
    const cursor = page.after ? 'AND (w.created_at, w.id) < ($3::timestamptz, $4::uuid)' : '';
    const [[{ n }], rows] = await Promise.all([
      ctx.db.query('SELECT count(*)::int AS n FROM webhook w WHERE w.owner_sub = $1', [ctx.principal.sub]) as Promise<
        { n: number }[]
      >,
      ctx.db.query(
        `SELECT ${WEBHOOK_COLUMNS} FROM webhook w WHERE w.owner_sub = $2 ${cursor}
          ORDER BY w.created_at DESC, w.id DESC LIMIT $1`,
        [page.first + 1, ctx.principal.sub, ...(page.after ? [page.after.createdAt, page.after.id] : [])],
      ) as Promise<WebhookRow[]>,
    ]);
    return toPage(rows.map(toWebhook), page.first, n, listCursor);
  },
};
