import { AppError } from '../errors/app-error';
import { isErrorCode } from '../errors/codes';
import { REQUEST_ID_HEADER } from '../logging/logger';
import { REQUEST_TIMEOUT_HEADER } from '../server/request-scope';
import { isConnectionRefused, replicaUrls } from './replicas';
import { traceHeaders } from '../telemetry/spans';

/** The subgraphs, and the gateway (the orders subgraph has it resolve webhook payloads). */
export type PeerName = 'orders' | 'customers' | 'inventory' | 'logistics' | 'gateway';

/** Where the other services answer; resolved when called, so ports chosen at start-up work. */
export interface Peers {
  /** Throws when the peer's URL is not known (yet). */
  url(name: PeerName): string;
  /** The `authorization` header value proving the caller is a platform service (the peers are sealed). */
  authorization?(): Promise<string>;
}

/**
 * Peers at fixed addresses. A peer given as several replicas' URLs
 * (replicas.ts) is asked in turn: each `url` call returns the next.
 */
export const staticPeers = (urls: Partial<Record<PeerName, string>>): Peers => {
  const turns = new Map<PeerName, number>();
  return {
    url: (name) => {
      const configured = urls[name];
      if (configured === undefined) throw new Error(`no URL is configured for ${name}`);
      const replicas = replicaUrls(configured);
      if (replicas.length === 1) return replicas[0];
      const turn = turns.get(name) ?? 0;
      turns.set(name, turn + 1);
      return replicas[turn % replicas.length];
    },
  };
};

/** Tries on another replica when one refuses the connection (nothing was sent): at most this many tries. */
const CONNECTION_TRIES = 3;

interface PeerResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/**
 * A direct GraphQL call to another subgraph, for the few synchronous
 * questions intake must answer before it stores anything (who is the buyer,
 * do these SKUs exist). Everything else between subgraphs travels as events.
 * Registered error codes from the peer are passed through; transport
 * failures become SUBGRAPH_UNAVAILABLE naming the peer.
 */
export async function callPeer<T>(
  peers: Peers,
  name: PeerName,
  requestId: string,
  query: string,
  variables: Record<string, unknown>,
  timeoutMs = 5000,
): Promise<T> {
  let body: PeerResponse<T>;
  try {
    const response = await fetchFromReplica(peers, name, async (url) => ({
      url,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [REQUEST_ID_HEADER]: requestId,
        [REQUEST_TIMEOUT_HEADER]: String(timeoutMs),
        ...(peers.authorization ? { authorization: await peers.authorization() } : {}),
        ...traceHeaders(),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    }));
    body = (await response.json()) as PeerResponse<T>;
  } catch (err) {
    const reason = (err as { cause?: { code?: string }; message?: string }).cause?.code ?? (err as Error).message;
    throw new AppError('SUBGRAPH_UNAVAILABLE', `The ${name} subgraph is unavailable: ${reason}`, { serviceName: name });
  }
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code;
    if (isErrorCode(code) && code !== 'INTERNAL') {
      // The peer's own words (problems, serviceName, retryable ...), so SERVICE_UNAVAILABLE still names the
      // service that is down.
      const { code: _code, ...extensions } = error.extensions ?? {};
      throw new AppError(code, error.message, extensions);
    }
    throw new AppError('INTERNAL', `The ${name} subgraph failed: ${error.message}`, { serviceName: name });
  }
  return body.data as T;
}

/** A fetch to the peer, on the next replica when one refuses the connection. */
async function fetchFromReplica(
  peers: Peers,
  name: PeerName,
  request: (url: string) => Promise<RequestInit & { url: string }>,
): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    const { url, ...init } = await request(peers.url(name));
    try {
      return await fetch(url, init);
    } catch (err) {
      if (attempt >= CONNECTION_TRIES || !isConnectionRefused(err)) throw err;
    }
  }
}
