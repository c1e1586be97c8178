import { graphql, type GraphQLSchema } from 'graphql';
import type { Principal } from '../access/principal';
import { SCOPES } from '../access/scopes';

/** A caller as the gateway passes it on: every public scope unless told otherwise. */
export function principal(
  sub: string,
  channels: string[] | null,
  scopes: readonly string[] = SCOPES,
  kind: Principal['kind'] = 'user',
): Principal {
  return { sub, scopes: new Set(scopes), channels, kind };
}

export interface Answer {
  data: Record<string, any> | null | undefined;
  errors: readonly { message: string; path?: readonly (string | number)[]; extensions: Record<string, unknown> }[];
}

/**
 * Runs an operation on a subgraph's schema as the caller would reach it through the gateway,
 * with the request context that subgraph's runtime builds for the caller.
 */
export async function ask(
  schema: GraphQLSchema,
  context: object,
  source: string,
  variableValues?: Record<string, unknown>,
): Promise<Answer> {
  const result = await graphql({ schema, source, contextValue: context, variableValues });
  return { data: result.data as Answer['data'], errors: result.errors ?? [] };
}

/** The data of an operation that must succeed. */
export async function data(
  schema: GraphQLSchema,
  context: object,
  source: string,
  variableValues?: Record<string, unknown>,
) {
  const answer = await ask(schema, context, source, variableValues);
  expect(answer.errors.map((e) => e.message)).toEqual([]);
  return answer.data!;
}
