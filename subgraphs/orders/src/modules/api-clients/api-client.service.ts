import { randomUUID } from 'node:crypto';
import {
  AppError,
  EventTypes,
  badUserInput,
  insertRow,
  isScope,
  notFound,
  returnedRows,
  type ApiClientChanged,
  type EventTransaction,
  type InputProblem,
} from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import type { CreateApiClientInput } from './api-client.input';
import type { ApiClient, ApiClientCredentials } from './api-client.type';
import { hashSecret, newCredentials, verifySecret } from './client-secret';

interface ApiClientRow {
  id: string;
  name: string;
  client_id: string;
  secret_hash: string;
  scopes: string[];
  channels: string[] | null;
  rate_limit_per_minute: number | null;
  trusted_documents_only: boolean;
  created_at: Date;
  disabled_at: Date | null;
  version: number;
}

/** The columns a new client is created with (the rest have defaults). */
type ApiClientInsert = Omit<ApiClientRow, 'created_at' | 'disabled_at' | 'version'> & { created_by: string };

const COLUMNS =
  'id, name, client_id, secret_hash, scopes, channels, rate_limit_per_minute, trusted_documents_only, created_at, ' +
  'disabled_at, version';

const toClient = (row: ApiClientRow): ApiClient => ({
  id: row.id,
  name: row.name,
  clientId: row.client_id,
  scopes: row.scopes,
  channels: row.channels,
  rateLimitPerMinute: row.rate_limit_per_minute,
  trustedDocumentsOnly: row.trusted_documents_only,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
});

/**
 * API clients: created with a secret shown once (stored as a scrypt hash),
 * never granted more than their creator holds, disabled rather than deleted
 * (the audit trail keeps naming them). Every change is announced on the bus so
 * the gateways cut a disabled client's tokens off at once.
 */
export const apiClientService = {
  async list(ctx: OrdersContext): Promise<ApiClient[]> {
    const rows: ApiClientRow[] = await ctx.db.query(
      `SELECT ${COLUMNS} FROM api_client ORDER BY created_at DESC, id DESC`,
    );
    return rows.map(toClient);
  },

  async create(ctx: OrdersContext, input: CreateApiClientInput): Promise<ApiClientCredentials> {
    const channels = input.channels ? [...new Set(input.channels.map((c) => c.trim().toLowerCase()))] : null;
    const scopes = [...new Set(input.scopes)];
    await checkGrant(ctx, input.name, scopes, channels);
    const { clientId, clientSecret } = newCredentials();
    const secretHash = await hashSecret(clientSecret);
    const row = await ctx.events.transaction(async (tx) => {
      const [created] = await insertRow<ApiClientInsert, ApiClientRow>(
        tx.manager,
        'api_client',
        {
          id: randomUUID(),
          name: input.name.trim(),
          client_id: clientId,
          secret_hash: secretHash,
          scopes,
          channels,
          rate_limit_per_minute: input.rateLimitPerMinute ?? null,
          trusted_documents_only: input.trustedDocumentsOnly ?? false,
          created_by: ctx.principal.sub,
        },
        { returning: COLUMNS },
      );
      await announce(tx, created);
      return created;
    });
    return { client: toClient(row), clientSecret };
  },

  /** Idempotent: disabling a disabled client keeps its first disabledAt. */
  async disable(ctx: OrdersContext, id: string): Promise<ApiClient> {
    const row = await ctx.events.transaction(async (tx) => {
      const [found] = returnedRows<ApiClientRow>(
        await tx.manager.query(
          `UPDATE api_client SET disabled_at = coalesce(disabled_at, now()), version = version + 1, updated_at = now()
           WHERE id::text = $1 RETURNING ${COLUMNS}`,
          [id],
        ),
      );
      if (!found) throw notFound('API client', id);
      await announce(tx, found);
      return found;
    });
    return toClient(row);
  },

  /**
   * For the gateway's token endpoint: the enabled client whose secret this is, else null (same answer for every
   * failure).
   */
  async authenticate(ctx: OrdersContext, clientId: string, secret: string): Promise<ApiClient | null> {
    const [row]: ApiClientRow[] = await ctx.db.query(`SELECT ${COLUMNS} FROM api_client WHERE client_id = $1`, [
      clientId,
    ]);
    // A missing client costs the same hash as a wrong secret, so timing tells nothing about which client ids exist.
    const ok = await verifySecret(secret, row?.secret_hash ?? DUMMY_HASH);
    return row && ok && !row.disabled_at ? toClient(row) : null;
  },
};

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

async function announce(tx: EventTransaction, row: ApiClientRow): Promise<void> {
  const payload: ApiClientChanged = { id: row.id, clientId: row.client_id, disabled: row.disabled_at !== null };
  await tx.emit({
    type: EventTypes.apiClientChanged,
    aggregateType: 'ApiClient',
    aggregateId: row.id,
    aggregateVersion: row.version,
    payload,
  });
}

/** A creator grants at most what it holds: its scopes, and (when it is channel-scoped) its channels. */
async function checkGrant(
  ctx: OrdersContext,
  name: string,
  scopes: string[],
  channels: string[] | null,
): Promise<void> {
  const problems: InputProblem[] = [];
  if (!name.trim()) problems.push({ field: 'name', message: 'must not be empty' });
  if (!scopes.length) problems.push({ field: 'scopes', message: 'must name at least one scope' });
  for (const scope of scopes)
    if (!isScope(scope)) problems.push({ field: 'scopes', message: `"${scope}" is not a scope` });
  if (channels) {
    if (!channels.length)
      problems.push({ field: 'channels', message: 'must name at least one channel, or be null for every channel' });
    const known: { code: string }[] = await ctx.db.query('SELECT code FROM channel WHERE code = ANY($1)', [channels]);
    for (const code of channels)
      if (!known.some((k) => k.code === code))
        problems.push({ field: 'channels', message: `"${code}" is not a channel` });
  }
  if (problems.length)
    throw badUserInput(`Invalid input: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, problems);
  const beyond = scopes.filter((scope) => !ctx.principal.scopes.has(scope));
  if (beyond.length)
    throw new AppError('FORBIDDEN', `A client may not get scopes its creator lacks: ${beyond.join(', ')}`, {
      scopes: beyond,
    });
  const own = ctx.principal.channels;
  if (own && (!channels || channels.some((c) => !own.includes(c)))) {
    throw new AppError('FORBIDDEN', 'A channel-scoped caller may create clients only for its own channels', {
      channels: own,
    });
  }
}
