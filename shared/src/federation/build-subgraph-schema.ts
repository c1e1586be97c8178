import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { enforceAccess } from '../access/enforce-access';
import { PII_DIRECTIVE_SDL, PII_SCHEMA_LINK } from '../access/pii';
import { badUserInput } from '../errors/app-error';
import { checkListSize } from '../validation/checks';
import { ListLimits } from '../validation/limits';

/**
 * Federation directives the subgraphs may use in `@Directive(...)`, and the
 * platform's own `@pii` (access/pii.ts), composed into the supergraph.
 */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@authenticated", ' +
  '"@requiresScopes", "@composeDirective"]) ' +
  `${PII_SCHEMA_LINK}\n\n${PII_DIRECTIVE_SDL}`;

/**
 * Reference resolvers by entity type name. Each one must go through the
 * request's DataLoaders so the gateway's `_entities` batches stay one query.
 */
export type ReferenceResolvers = Record<
  string,
  // Each resolver types its own reference and context; `unknown` would refuse them (parameters are contravariant).
  // biome-ignore lint/suspicious/noExplicitAny: see the line above
  { __resolveReference: (reference: any, context: any, info: any) => unknown }
>;

/**
 * Builds a Federation 2 subgraph schema from type-graphql resolvers: type-graphql
 * writes the schema, which is printed with its directives, given the `@link`
 * header and handed to `buildSubgraphSchema` together with type-graphql's
 * resolver map and the `__resolveReference` resolvers.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true, validate: false });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  // The access rules the schema states (@requiresScopes, default deny at the root) are what the resolvers obey.
  return enforceAccess(boundEntities(buildSubgraphSchema({ typeDefs, resolvers })));
}

/** `_entities` takes at most `ListLimits.representations` representations per call. */
function boundEntities(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) return schema;
  field.resolve = (source, args, context, info) => {
    const problem = checkListSize('representations', args.representations, ListLimits.representations);
    if (problem) throw badUserInput(`Invalid arguments: ${problem.field}: ${problem.message}`, [problem]);
    return resolve(source, args, context, info);
  };
  return schema;
}
