import type { ApolloServer } from '@apollo/server';
import { AppError, type Logger } from '@supply-graph/shared';
import {
  GraphQLError,
  Kind,
  print,
  type OperationDefinitionNode,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { subscriptionMetrics } from '../metrics';
import type { Caller } from '../auth/identity';
import type { GatewayContext } from '../context';
import type { RateLimitCaller } from '../rate-limit';
import { checkOperationSource, type OperationLimits } from '../limits';
import type { DeliveryWriter, Subscriber } from './subscriber';
import type { SubscriptionHub } from './subscription-hub';
import type { WorkItemHub } from './work-item-hub';
import { WriteScheduler } from './write-scheduler';

/** What each transport puts in graphql-ws's or graphql-sse's context for the operations below. */
export interface TransportContext {
  requestId: string;
  /** Who subscribed, verified when the connection opened (WebSocket) or with the request (SSE). */
  caller: Caller;
  /** Ends the connection of a subscriber that is too slow: closes the WebSocket, or ends the SSE response. */
  cutOff(reason: string, error: GraphQLError): void;
  /** Resolves when the connection can take the next event (SSE; graphql-ws waits for each send itself). */
  ready?: () => Promise<void>;
  /** Writes the subscription's events itself (WebSocket), instead of handing them to the transport one by one. */
  writer?: DeliveryWriter;
}

export interface LiveOperationOptions {
  hub: SubscriptionHub;
  /** Serves `workItemChanged`; every other subscription goes to `hub`. */
  workItemHub: WorkItemHub;
  schema: GraphQLSchema;
  /** Queries and mutations sent over a live connection run through Apollo like any HTTP request. */
  apollo: ApolloServer<GatewayContext>;
  /** Takes one request from the subscriber's rate limit; throws RATE_LIMITED past it. */
  limitSubscribe: (caller: RateLimitCaller) => Promise<void>;
  limits: OperationLimits;
  logger: Logger;
}

/** The operation hooks both transports hand their library: the same rules whichever way a client connects. */
export interface LiveOperations {
  /** The operation limits, before graphql-ws or graphql-sse parse and validate the document. */
  overLimit(
    query: string | DocumentNode,
    variables?: Record<string, unknown> | null,
    operationName?: string | null,
  ): AppError | null;
  subscribe(args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult>;
  execute(args: ExecutionArgs): Promise<ExecutionResult>;
}

export function liveOperations(options: LiveOperationOptions): LiveOperations {
  const { hub, workItemHub, schema, apollo, limitSubscribe, limits, logger } = options;
  // One for the process: it batches the WebSocket writes of every subscription.
  const scheduler = new WriteScheduler();
  return {
    overLimit: (query, variables, operationName) =>
      checkOperationSource(query, { schema, variables, operationName }, limits),
    async subscribe(args) {
      const context = args.contextValue as TransportContext;
      try {
        // Each subscribe is one request of the caller's budget (queries and mutations sent here count in Apollo's
        // plugin).
        await limitSubscribe(context.caller);
        const subscriber = await (rootFieldName(args) === 'workItemChanged' ? workItemHub : hub).subscribe({
          document: args.document,
          operationName: args.operationName ?? undefined,
          variables: (args.variableValues ?? {}) as Record<string, unknown>,
          context: {
            requestId: context.requestId,
            principal: context.caller.principal,
            internalToken: context.caller.internalToken,
          },
        });
        if (context.writer) subscriber.writeWith(context.writer, scheduler);
        return guarded(subscriber, context);
      } catch (err) {
        return { errors: [asGraphQLError(err, logger)] };
      }
    },
    async execute(args) {
      const { requestId, caller } = args.contextValue as TransportContext;
      const response = await apollo.executeOperation(
        {
          query: print(args.document),
          variables: (args.variableValues ?? {}) as Record<string, unknown>,
          operationName: args.operationName ?? undefined,
        },
        { contextValue: { requestId, log: logger.child({ requestId }), ...caller } },
      );
      return response.body.kind === 'single'
        ? (response.body.singleResult as ExecutionResult)
        : { errors: [new GraphQLError('Incremental delivery is not supported here')] };
    },
  };
}

/** The subscribed root field of a validated subscription (exactly one, as graphql-js checks). */
function rootFieldName(args: ExecutionArgs): string | null {
  const operation = args.document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
  );
  const [field] = operation?.selectionSet.selections ?? [];
  return field?.kind === Kind.FIELD ? field.name.value : null;
}

/**
 * Passes the subscriber's events on. A subscriber that is cut off as too slow
 * gets its connection ended at once with the reason (the transport may be
 * stuck writing to it and would never pull the error). A hand-made generator
 * rather than an `async function*`: one waiting for the next event would not
 * run `return()` (client unsubscribed) until one came; graphql-ws and
 * graphql-sse only call `return()` on objects that also have `throw()`.
 */
function guarded(subscriber: Subscriber<unknown>, context: TransportContext): AsyncGenerator<ExecutionResult> {
  subscriber.onFailure = (err) => {
    if (!(err instanceof AppError) || err.code !== 'SUBSCRIBER_TOO_SLOW') return;
    subscriptionMetrics.disconnects.inc({ reason: 'too-slow' });
    context.cutOff(
      `SUBSCRIBER_TOO_SLOW: resume with after=${String(err.extensions.lastEventId ?? '')}`.slice(0, 123),
      err,
    );
  };
  return new Guarded(subscriber, context);
}

/** A class rather than an object of closures: one lives as long as each subscription, thousands at a time. */
class Guarded implements AsyncGenerator<ExecutionResult> {
  private finished = false;

  constructor(
    private readonly subscriber: Subscriber<unknown>,
    private readonly context: TransportContext,
  ) {}

  async next(): Promise<IteratorResult<ExecutionResult>> {
    if (this.finished) return { value: undefined, done: true };
    try {
      await this.context.ready?.();
      return await this.subscriber.next();
    } catch (err) {
      this.finished = true;
      if (err instanceof AppError && err.code === 'SUBSCRIBER_TOO_SLOW') return { value: undefined, done: true };
      throw err;
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.finished = true;
    return this.subscriber.return();
  }

  async throw(): Promise<IteratorResult<ExecutionResult>> {
    this.finished = true;
    return this.subscriber.return();
  }

  [Symbol.asyncIterator](): AsyncGenerator<ExecutionResult> {
    return this;
  }
}

function asGraphQLError(err: unknown, logger: Logger): GraphQLError {
  // AppError is a GraphQLError carrying its registered code.
  if (err instanceof GraphQLError) return err;
  logger.error({ err }, 'subscription failed to start');
  return new GraphQLError('The subscription could not start', { extensions: { code: 'INTERNAL' } });
}
