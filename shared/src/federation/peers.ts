import { AppError } from '../errors/app-error';
import { isErrorCode } from '../errors/codes';
import { REQUEST_ID_HEADER } from '../logging/logger';
import { REQUEST_TIMEOUT_HEADER } from '../server/request-scope';
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

export const staticPeers = (urls: Partial<Record<PeerName, string>>): Peers => ({
  url: (name) => {
    const url = urls[name];
    if (url === undefined) throw new Error(`no URL is configured for ${name}`);
    return url;
  },
});

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
    const response = await fetch(peers.url(name), {
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
    });
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
