import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher } from '@apollo/utils.fetcher';
import { AppError, REQUEST_ID_HEADER } from '@supply-graph/shared';
import type { GatewayContext } from '../context';

/**
 * HTTP to one subgraph over Node's keep-alive fetch. Passes the request id on,
 * bounds each call with a timeout, and turns a network failure into
 * SUBGRAPH_UNAVAILABLE naming the subgraph, so clients see which part of the
 * graph is missing while the rest of the answer still arrives.
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
    const requestId = (context as Partial<GatewayContext> | undefined)?.requestId;
    if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof AppError) throw error;
      // A subgraph that answered with an HTTP error keeps the gateway's own error shape.
      if ((error as { extensions?: { response?: unknown } }).extensions?.response) throw error;
      throw new AppError('SUBGRAPH_UNAVAILABLE', `The ${this.name} subgraph is unavailable: ${this.reason(error)}`, {
        serviceName: this.name,
      });
    }
  }

  private reason(error: unknown): string {
    const e = error as { name?: string; code?: string; cause?: { code?: string; name?: string }; message?: string };
    if (e.name === 'TimeoutError' || e.cause?.name === 'TimeoutError') return `no answer within ${this.timeoutMs} ms`;
    return e.cause?.code ?? e.code ?? e.message ?? 'request failed';
  }
}
