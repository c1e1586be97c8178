import { ApolloGateway, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { makeFormatError, type Principal } from '@supply-graph/shared';
import {
  execute,
  getNamedType,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isScalarType,
  parse,
  responsePathAsArray,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import pino from 'pino';
import type { EntityCache } from '../entity-cache';
import { OwnExecutorGateway } from '../own-executor-gateway';

/**
 * One supergraph served twice, over the same data sources: once through
 * @apollo/gateway's executor, once through the own executor. `run` answers
 * an operation from both as the client would get it (JSON text, key order
 * included) so a test compares the two.
 */

const logger = pino({ level: 'silent' });

export interface Answers {
  apollo: string;
  own: string;
  /** The subgraph calls each executor made (documents and variables), in order. */
  apolloCalls: string[];
  ownCalls: string[];
}

export interface TwoExecutors {
  /** Operations the own executor left to @apollo/gateway's (its debug log), by operation name. */
  fallbacks: string[];
  run(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<Answers>;
  stop(): Promise<void>;
}

async function server(
  supergraphSdl: string,
  services: ServiceMap,
  ownLogger: pino.Logger | null,
  cache: EntityCache | null = null,
): Promise<ApolloServer> {
  const gateway = new ApolloGateway({ supergraphSdl, buildService: ({ name }) => services[name] });
  const apollo = new ApolloServer({
    gateway: ownLogger ? new OwnExecutorGateway(gateway, () => services, ownLogger, cache) : gateway,
    formatError: makeFormatError(logger),
    includeStacktraceInErrorResponses: false,
    logger,
  });
  await apollo.start();
  return apollo;
}

/** The caller both servers see (the entity cache keys answers by it). */
const CALLER: Principal = { sub: 'tester', kind: 'user', scopes: new Set(['orders:read']), channels: null };

/** `cache`: the own executor keeps entity answers there (its calls then differ; its answers must not). */
export async function twoExecutors(
  supergraphSdl: string,
  services: ServiceMap,
  { cache = null }: { cache?: EntityCache | null } = {},
): Promise<TwoExecutors> {
  const log: string[] = [];
  const calls = () => log;
  const recorded: ServiceMap = Object.fromEntries(
    Object.entries(services).map(([name, source]) => [
      name,
      {
        process(options) {
          log.push(`${name}: ${options.request.query}\n${JSON.stringify(options.request.variables)}`);
          return source.process(options);
        },
      } satisfies GraphQLDataSource,
    ]),
  );
  services = recorded;
  const fallbacks: string[] = [];
  const debug = pino(
    { level: 'debug' },
    {
      write: (line: string) => {
        const entry = JSON.parse(line) as { operationName?: string; reason?: string };
        if (entry.reason) fallbacks.push(`${entry.operationName ?? ''}: ${entry.reason}`);
      },
    },
  );
  const apollo = await server(supergraphSdl, services, null);
  const own = await server(supergraphSdl, services, debug, cache);
  const answer = async (
    s: ApolloServer,
    query: string,
    variables?: Record<string, unknown>,
    operationName?: string,
  ) => {
    const response = await s.executeOperation(
      { query, variables, operationName },
      { contextValue: { requestId: undefined, principal: CALLER } },
    );
    if (response.body.kind !== 'single') throw new Error('not a single result');
    return JSON.stringify(response.body.singleResult);
  };
  return {
    fallbacks,
    async run(query, variables, operationName) {
      // One after the other: the data sources see the same calls in the same order.
      const before = calls().length;
      const a = await answer(apollo, query, variables, operationName);
      const middle = calls().length;
      const o = await answer(own, query, variables, operationName);
      const all = calls();
      return { apollo: a, own: o, apolloCalls: all.slice(before, middle), ownCalls: all.slice(middle) };
    },
    async stop() {
      await apollo.stop();
      await own.stop();
    },
  };
}

/** A subgraph executed in process, answering as it would over HTTP (errors formatted, JSON round trip). */
export function localSubgraph(
  schema: GraphQLSchema,
  fieldResolver?: GraphQLFieldResolver<unknown, unknown>,
  raw?: (query: string, variables: Record<string, unknown> | undefined) => GatewayGraphQLResponse | undefined,
): GraphQLDataSource {
  return {
    async process({ request }) {
      const given = raw?.(request.query!, request.variables);
      if (given) return JSON.parse(JSON.stringify(given));
      const result = await execute({
        schema,
        document: parse(request.query!),
        variableValues: request.variables,
        fieldResolver,
      });
      return JSON.parse(JSON.stringify(result));
    },
  };
}

export function subgraphSchema(sdl: string, resolvers?: GraphQLResolverMap<unknown>): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Made-up but repeatable data for any field: what the source already has
 * (an entity's representation), else a value derived from the path and the
 * seed; a nullable field is null now and then, a list has 0 to 3 elements.
 */
export function mockResolver(seed: () => string): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, _context, info) => {
    const own = source as Record<string, unknown> | null;
    if (own && Object.hasOwn(own, info.fieldName)) return own[info.fieldName];
    const key = `${seed()}:${String((own as Record<symbol, unknown> | null)?.[PARENT] ?? '')}:${responsePathAsArray(info.path).join('.')}:${JSON.stringify(own?.id ?? '')}:${JSON.stringify(args)}`;
    return mockValue(info.returnType, key, info.schema);
  };
}

/** Where a made-up object came from: its fields' values depend on it. */
const PARENT = Symbol('parent');

function mockValue(type: GraphQLOutputType, key: string, schema: GraphQLSchema, nullable = true): unknown {
  const h = hash(key);
  if (isNonNullType(type)) return mockValue(type.ofType, key, schema, false);
  if (nullable && h % 9 === 0) return null;
  if (isListType(type))
    return Array.from({ length: h % 11 === 0 ? 0 : 1 + (h % 3) }, (_, i) =>
      mockValue(type.ofType, `${key}.${i}`, schema),
    );
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[h % named.getValues().length].name;
  if (isAbstractType(named)) {
    const possible = schema.getPossibleTypes(named);
    return { __typename: possible[h % possible.length].name, [PARENT]: key };
  }
  if (!isScalarType(named)) return { [PARENT]: key };
  switch (named.name) {
    case 'Int':
      return h % 1000;
    case 'Float':
      return (h % 10000) / 100;
    case 'Boolean':
      return h % 2 === 0;
    case 'DateTime':
      return new Date(1_700_000_000_000 + (h % 1_000_000) * 1000).toISOString();
    case 'JSON':
      return { n: h % 10 };
    default:
      return `${named.name.toLowerCase()}-${h.toString(36)}`;
  }
}
