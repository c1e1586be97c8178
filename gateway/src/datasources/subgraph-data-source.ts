import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLRequest, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import {
  REQUEST_ID_HEADER,
  REQUEST_TIMEOUT_HEADER,
  isConnectionBroken,
  isConnectionRefused,
  replicaUrls,
  traceSubgraphFetch,
} from '@supply-graph/shared';
import type { GatewayContext } from '../context';
import { isMergeableEntityFetch, mergeEntityFetches, splitEntityAnswer, type EntityFetch } from './entity-fetch-batch';
import { isStorable, markUnstorable } from '../execution/entity-cache';
import { fetchFailure } from './fetch-failure';
import { ReplicaPools } from './replica-pools';
import { InFlightFetches, type RawAnswer } from './in-flight-fetches';
import { requestMetrics } from '../metrics';

/** An entity fetch waiting for the others of its step. */
interface BatchPart {
  options: GraphQLDataSourceProcessOptions<GatewayContext>;
  headers: Record<string, string>;
  fetch: EntityFetch;
  resolve(answer: GatewayGraphQLResponse): void;
}

/**
 * HTTP to one subgraph over a keep-alive undici pool of its own. Passes the
 * request id and its time budget on (the subgraph stops working when the
 * gateway stops waiting), bounds each call with that timeout, and turns a
 * failed call into errors placed where the missing data belongs, each naming
 * the subgraph, so clients see which part of the graph is missing while the
 * rest still arrives.
 *
 * Not @apollo/gateway's RemoteGraphQLDataSource over `fetch`: under load that
 * path (a node-fetch Request and Headers, a WHATWG fetch, its web streams and
 * an AbortSignal timer per call) took 35-46 % of the gateway's CPU. The pool's
 * own header and body timeouts bound a call without a timer per call.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  /** A keep-alive pool per replica (one, or several from a comma-separated URL), taken in turn. */
  private readonly replicas: ReplicaPools;
  private readonly path: string;
  /** Identical fetches in flight share one call (SUBGRAPH_DEDUP); null: every fetch is sent. */
  private readonly inFlight: InFlightFetches | null;
  /** Parallel entity fetches of one request go as one call (SUBGRAPH_BATCH). */
  private readonly batching: boolean;
  private readonly batches = new Map<string, BatchPart[]>();
  /** This subgraph's fetch metrics, bound once (prom-client hashes a label object on every call it is given). */
  private readonly fetchSeconds: { observe(seconds: number): void };
  private readonly fetchErrors: Record<'timeout' | 'connection' | 'http' | 'graphql', { inc(): void }>;

  constructor(
    readonly name: string,
    readonly url: string,
    private readonly timeoutMs: number,
    { dedup = true, batch = true }: { dedup?: boolean; batch?: boolean } = {},
  ) {
    this.inFlight = dedup ? new InFlightFetches() : null;
    this.fetchSeconds = requestMetrics.subgraphFetch.labels({ subgraph: name });
    const errors = (reason: string) => requestMetrics.subgraphErrors.labels({ subgraph: name, reason });
    this.fetchErrors = {
      timeout: errors('timeout'),
      connection: errors('connection'),
      http: errors('http'),
      graphql: errors('graphql'),
    };
    this.batching = batch;
    const replicas = replicaUrls(url).map((u) => new URL(u));
    const target = replicas[0];
    this.path = `${target.pathname}${target.search}`;
    const options = { headersTimeout: timeoutMs, bodyTimeout: timeoutMs, keepAliveTimeout: 30_000 };
    this.replicas = new ReplicaPools(
      replicas.map((r) => r.origin),
      options,
    );
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const { requestId, internalToken } = (context ?? {}) as Partial<GatewayContext>;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [REQUEST_TIMEOUT_HEADER]: String(this.timeoutMs),
    };
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    // The caller's verified claims: without them a (sealed) subgraph answers nothing.
    if (internalToken) headers.authorization = `Bearer ${internalToken}`;
    const { query, variables, operationName, extensions } = request;
    // Entity fetches of one request that the plan runs side by side go as one call (entity-fetch-batch.ts).
    if (this.batching && requestId && query && isMergeableEntityFetch(query))
      return this.enqueue(`${requestId}\n${internalToken ?? ''}`, { options, headers, fetch: { query, variables } });
    const outcome = await this.outcome(headers, internalToken, { query, variables, operationName, extensions });
    return 'body' in outcome ? outcome.body : this.failure(options, outcome.cause);
  }

  /** Joins the batch of entity fetches for `key`, sent once the plan has started every fetch it runs now. */
  private enqueue(key: string, part: Omit<BatchPart, 'resolve'>): Promise<GatewayGraphQLResponse> {
    let batch = this.batches.get(key);
    if (!batch) {
      const parts: BatchPart[] = [];
      batch = parts;
      this.batches.set(key, parts);
      // As DataLoader waits: past the promise jobs of this turn, so every fetch of a parallel step has joined.
      void Promise.resolve().then(() =>
        process.nextTick(() => {
          this.batches.delete(key);
          void this.sendBatch(parts);
        }),
      );
    }
    return new Promise((resolve) => batch.push({ ...part, resolve }));
  }

  private async sendBatch(parts: BatchPart[]): Promise<void> {
    const [first] = parts;
    const token = (first.options.context as Partial<GatewayContext> | undefined)?.internalToken;
    if (parts.length === 1) {
      const outcome = await this.outcome(first.headers, token, first.fetch);
      first.resolve('body' in outcome ? outcome.body : this.failure(first.options, outcome.cause));
      return;
    }
    const outcome = await this.outcome(first.headers, token, mergeEntityFetches(parts.map((p) => p.fetch)));
    if ('cause' in outcome) {
      for (const part of parts) part.resolve(this.failure(part.options, outcome.cause));
      return;
    }
    const answers = splitEntityAnswer(outcome.body, parts.length);
    const storable = isStorable(outcome.body);
    for (const [i, part] of parts.entries()) {
      if (!storable) markUnstorable(answers[i]);
      part.resolve(answers[i]);
    }
  }

  /** The subgraph's answer to one call (shared with identical calls in flight), or why there is none. */
  private async outcome(
    headers: Record<string, string>,
    access: string | undefined,
    { query, variables, operationName, extensions }: GatewayGraphQLRequest,
  ): Promise<{ body: GatewayGraphQLResponse } | { cause: string }> {
    try {
      const text = JSON.stringify({ query, variables, operationName, extensions });
      // A read cut mid-answer may be asked again of another replica; a mutation only if it never left.
      const retryable = !/^\s*mutation\b/.test(query ?? '');
      const send = () =>
        traceSubgraphFetch(this.name, this.url, headers, (traced) => this.send(traced, text, retryable));
      const answer =
        this.inFlight && access && query ? await this.inFlight.share(access, query, text, send) : await send();
      const body = parseAnswer(answer.text);
      if (body && answer.noStore) markUnstorable(body);
      if (answer.statusCode >= 400 || !body) this.fetchErrors.http.inc();
      else if (body.errors?.length) this.fetchErrors.graphql.inc();
      if (answer.statusCode < 400 && body) return { body };
      // A subgraph that answered with an HTTP error and GraphQL errors (503 SERVICE_UNAVAILABLE): its own words.
      if (body?.errors?.length) return { body: { errors: body.errors } };
      return { cause: body ? `HTTP ${answer.statusCode}` : `HTTP ${answer.statusCode}, not a GraphQL answer` };
    } catch (error) {
      const cause = this.reason(error);
      (cause.startsWith('no answer within') ? this.fetchErrors.timeout : this.fetchErrors.connection).inc();
      return { cause };
    }
  }

  /**
   * One POST through the pool's low-level dispatch: the status and the body's bytes, no parsed headers and no body
   * stream (undici's `request` parses every header into an object and streams the body through a Readable; under
   * the 360 load that was a tenth of the gateway's CPU, for headers the gateway never reads).
   */
  private send(headers: Record<string, string>, body: string, readOnly: boolean): Promise<RawAnswer> {
    const started = process.hrtime.bigint();
    const timed = (answer: RawAnswer) => {
      this.fetchSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
      return answer;
    };
    return this.dispatchToReplica(headers, body, readOnly, new Set()).then(timed);
  }

  /**
   * Another try on another replica when this one refused the connection (nothing was sent), or, for a read, when
   * the connection broke before the answer (a replica killed mid-request), as Apollo Router retries idempotent
   * subgraph requests. Each replica is tried at most once per call.
   */
  private async dispatchToReplica(
    headers: Record<string, string>,
    body: string,
    readOnly: boolean,
    tried: Set<number>,
  ): Promise<RawAnswer> {
    const replica = this.replicas.pick(tried);
    try {
      return await this.dispatch(replica, headers, body);
    } catch (err) {
      const retryable = isConnectionRefused(err) || (readOnly && isConnectionBroken(err));
      if (retryable) this.replicas.markDown(replica);
      tried.add(replica);
      if (!retryable || tried.size >= this.replicas.size) throw err;
      return this.dispatchToReplica(headers, body, readOnly, tried);
    }
  }

  private dispatch(replica: number, headers: Record<string, string>, body: string): Promise<RawAnswer> {
    return new Promise((resolve, reject) => {
      let statusCode = 0;
      let noStore = false;
      const chunks: Buffer[] = [];
      this.replicas.pool(replica).dispatch(
        { path: this.path, method: 'POST', headers, body },
        {
          onConnect: () => {},
          onHeaders: (status: number, rawHeaders: Buffer[]) => {
            statusCode = status;
            noStore = saysNoStore(rawHeaders);
            return true;
          },
          onData: (chunk: Buffer) => {
            chunks.push(chunk);
            return true;
          },
          onComplete: () =>
            resolve({
              statusCode,
              noStore,
              text: chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'),
            }),
          onError: reject,
        },
      );
    });
  }

  /**
   * Closes the pool's connections. The gateway does not call it when it stops: an operation still running may
   * need one more fetch, and idle keep-alive sockets hold no process open (undici unrefs them).
   */
  close(): Promise<void> {
    return this.replicas.close();
  }

  private failure(options: GraphQLDataSourceProcessOptions<GatewayContext>, cause: string): GatewayGraphQLResponse {
    const document = 'document' in options ? options.document : undefined;
    const isEntityFetch = /\b_entities\s*\(/.test(options.request.query ?? '');
    return fetchFailure(document, options.request.query, isEntityFetch, {
      message: `The ${this.name} subgraph is unavailable: ${cause}`,
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.name },
    });
  }

  private reason(error: unknown): string {
    const e = error as { code?: string; message?: string; cause?: { code?: string } };
    if (e.code === 'UND_ERR_HEADERS_TIMEOUT' || e.code === 'UND_ERR_BODY_TIMEOUT')
      return `no answer within ${this.timeoutMs} ms`;
    return e.code ?? e.cause?.code ?? e.message ?? 'request failed';
  }
}

/** `Cache-Control: no-store` among raw headers (name, value, name, value...), read without parsing the others. */
function saysNoStore(rawHeaders: Buffer[]): boolean {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    if (name.length === 13 && name.toString('latin1').toLowerCase() === 'cache-control')
      return rawHeaders[i + 1].toString('latin1').toLowerCase().includes('no-store');
  }
  return false;
}

/** The subgraph's JSON answer, or null when the body is not a GraphQL answer (a proxy's HTML page, say). */
function parseAnswer(text: string): GatewayGraphQLResponse | null {
  try {
    const body = JSON.parse(text) as unknown;
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as GatewayGraphQLResponse) : null;
  } catch {
    return null;
  }
}
