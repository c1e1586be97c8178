import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher } from '@apollo/utils.fetcher';
import { REQUEST_ID_HEADER, REQUEST_TIMEOUT_HEADER } from '@supply-graph/shared';
import type { GatewayContext } from '../context';
import { fetchFailure } from './fetch-failure';

interface HttpFailure {
  extensions?: { response?: { status?: number; body?: unknown } };
}

/**
 * HTTP to one subgraph over Node's keep-alive fetch. Passes the request id and
 * its time budget on (the subgraph stops working when the gateway stops
 * waiting), bounds each call with that timeout, and turns a failed fetch into
 * errors placed where the missing data belongs, each naming the subgraph, so
 * clients see which part of the graph is missing while the rest still arrives.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    url: string,
    private readonly timeoutMs: number,
  ) {
    super({
      url,
      fetcher: ((input: string, init: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher,
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { requestId, internalToken } = (context ?? {}) as Partial<GatewayContext>;
    if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
    // The caller's verified claims: without them a (sealed) subgraph answers nothing.
    if (internalToken) request.http?.headers.set('authorization', `Bearer ${internalToken}`);
    request.http?.headers.set(REQUEST_TIMEOUT_HEADER, String(this.timeoutMs));
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      const answered = (error as HttpFailure).extensions?.response;
      const body = answered?.body as GatewayGraphQLResponse | undefined;
      // A subgraph that answered with an HTTP error and GraphQL errors (503 SERVICE_UNAVAILABLE): its own words.
      if (body && typeof body === 'object' && Array.isArray(body.errors) && body.errors.length)
        return { errors: body.errors };
      const document = 'document' in options ? options.document : undefined;
      const isEntityFetch = /\b_entities\s*\(/.test(options.request.query ?? '');
      const cause = answered ? `HTTP ${answered.status}` : this.reason(error);
      return fetchFailure(document, options.request.query, isEntityFetch, {
        message: `The ${this.name} subgraph is unavailable: ${cause}`,
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.name },
      });
    }
  }

  private reason(error: unknown): string {
    const e = error as { name?: string; code?: string; cause?: { code?: string; name?: string }; message?: string };
    if (e.name === 'TimeoutError' || e.cause?.name === 'TimeoutError') return `no answer within ${this.timeoutMs} ms`;
    return e.cause?.code ?? e.code ?? e.message ?? 'request failed';
  }
}
