import {
  AppError,
  callPeer,
  EventTypes,
  servicePrincipal,
  staticPeers,
  type EventBus,
  type InternalTokens,
  type Logger,
} from '@supply-graph/shared';
import type { ClientPolicy } from '../context';
import type { ClientLookup } from './identity';

const POLICIES =
  'query ApiClientPolicies { _apiClientPolicies { clientId disabled rateLimitPerMinute trustedDocumentsOnly } }';

interface PolicyRow extends ClientPolicy {
  disabled: boolean;
}

export interface DirectoryOptions {
  ordersUrl: () => string;
  tokens: InternalTokens;
  logger: Logger;
  /** How often the list is re-read whatever the bus says (the contract allows a disabled client 30 s). */
  refreshMs?: number;
}

/**
 * The gateway's copy of the API clients' state (kept by the orders
 * subgraph): re-read every 10 s and at once when the bus announces a change,
 * so a disabled client's tokens stop working within seconds, and at the
 * latest after one refresh period even if an announcement is lost. A token
 * naming a client this copy does not know yet (created a moment ago,
 * perhaps through another gateway) triggers one re-read, at most one a second.
 */
export class ApiClientDirectory implements ClientLookup {
  private clients = new Map<string, PolicyRow>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopTail: (() => Promise<void>) | null = null;
  private readonly disabledListeners: ((clientId: string) => void)[] = [];

  constructor(private readonly options: DirectoryOptions) {}

  async start(bus: EventBus | null): Promise<void> {
    await this.refresh().catch((err: unknown) =>
      this.options.logger.warn({ err }, 'API clients not loaded yet; retrying'),
    );
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), this.options.refreshMs ?? 10_000);
    this.timer.unref();
    if (bus)
      this.stopTail = await bus.tail([EventTypes.apiClientChanged], () => void this.refresh().catch(() => undefined));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.stopTail?.();
  }

  async policyOf(clientId: string): Promise<ClientPolicy> {
    let client = this.clients.get(clientId);
    if (!client && Date.now() - this.loadedAt > 1000) {
      await this.refresh().catch((err: unknown) => {
        if (!this.loadedAt)
          throw new AppError('SERVICE_UNAVAILABLE', 'API clients cannot be checked now', {
            serviceName: 'orders',
            retryAfterSeconds: 5,
          });
        this.options.logger.warn({ err }, 'API clients could not be re-read; using the last copy');
      });
      client = this.clients.get(clientId);
    }
    if (!client) throw new AppError('UNAUTHENTICATED', 'The token belongs to an API client that does not exist');
    if (client.disabled) throw new AppError('UNAUTHENTICATED', 'The token belongs to a disabled API client');
    return {
      clientId: client.clientId,
      rateLimitPerMinute: client.rateLimitPerMinute,
      trustedDocumentsOnly: client.trustedDocumentsOnly,
    };
  }

  /** Called with each client found disabled since the last read (live subscriptions of its tokens end). */
  onDisabled(listener: (clientId: string) => void): void {
    this.disabledListeners.push(listener);
  }

  /** One read at a time; callers arriving meanwhile share it. */
  refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  private async load(): Promise<void> {
    const token = await this.options.tokens.sign(servicePrincipal('gateway'));
    // staticPeers: the orders URL may list its replicas (asked in turn, the next when one refuses).
    const peers = {
      ...staticPeers({ orders: this.options.ordersUrl() }),
      authorization: async () => `Bearer ${token}`,
    };
    const data = await callPeer<{ _apiClientPolicies: PolicyRow[] }>(
      peers,
      'orders',
      'api-client-directory',
      POLICIES,
      {},
    );
    const previous = this.clients;
    this.clients = new Map(data._apiClientPolicies.map((c) => [c.clientId, c]));
    this.loadedAt = Date.now();
    for (const client of this.clients.values()) {
      if (client.disabled && previous.get(client.clientId)?.disabled === false)
        for (const listener of this.disabledListeners) listener(client.clientId);
    }
  }
}
