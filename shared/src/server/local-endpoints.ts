/** A GraphQL service's answer to one POST, as a caller in the same process gets it. */
export interface LocalAnswer {
  statusCode: number;
  text: string;
}

/** One POST of a JSON body (text) with its headers (lower-case names), answered without a socket. */
export type LocalEndpoint = (headers: Record<string, string>, body: string) => Promise<LocalAnswer>;

/** Thrown by a local call that got no answer within the caller's budget (`x-request-timeout-ms`). */
export class LocalCallTimeout extends Error {
  override name = 'LocalCallTimeout';
  /** The code undici gives a call that got no answer in time, so callers word both alike. */
  readonly code = 'UND_ERR_HEADERS_TIMEOUT';
}

const endpoints = new Map<string, LocalEndpoint>();

/**
 * The GraphQL servers of this process, by the URLs other services of the
 * process call them at. Under `npm start` the gateway and the four subgraphs
 * share one process, yet every call between them went over loopback HTTP: a
 * socket write and read at each end, HTTP parsing and body parsing. Measured
 * on intake (two such calls per order), that was a fifth of the process's CPU.
 * A server registered here answers such a caller directly, through the same
 * steps as over HTTP (the token check, body limits, the request's deadline,
 * Apollo Server's pipeline), only without the socket.
 */
export const localEndpoints = {
  /** Serves `urls` in-process until the returned function is called. */
  register(urls: readonly string[], endpoint: LocalEndpoint): () => void {
    for (const url of urls) endpoints.set(url, endpoint);
    return () => {
      for (const url of urls) if (endpoints.get(url) === endpoint) endpoints.delete(url);
    };
  },
  /** The in-process server answering at `url`, if this process runs it. */
  find(url: string): LocalEndpoint | undefined {
    return endpoints.get(url);
  },
};

/** The URLs a server listening on `host`:`port` answers GraphQL at, as callers in the same process name it. */
export function loopbackUrls(host: string, port: number): string[] {
  const any = host === '0.0.0.0' || host === '::' || host === '';
  const names = any || host === '127.0.0.1' || host === 'localhost' ? ['127.0.0.1', 'localhost'] : [];
  if (any || host === '::1') names.push('[::1]');
  return names.flatMap((name) => [`http://${name}:${port}/graphql`, `http://${name}:${port}/`]);
}
