import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { defaultAuthorization } from './auth';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * POSTs an operation to the gateway; typed by codegen's documents when given one.
 * Sends the platform's default staff token unless `headers` has an `authorization`
 * (an empty one: send none).
 */
export async function gql<TData, TVariables extends Record<string, unknown>>(
  url: string,
  document: TypedDocumentNode<TData, TVariables> | DocumentNode | string,
  variables?: TVariables,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData>> {
  const query = typeof document === 'string' ? document : print(document);
  const response = await fetch(url, {
    method: 'POST',
    headers: withAuthorization(url, { 'content-type': 'application/json', ...headers }),
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<TData>;
}

/** The answer's data, for a step that must succeed: an answer with errors throws, naming them. */
export function dataOf<T>(answer: GraphQLResponse<T>): T {
  if (answer.errors?.length || !answer.data) throw new Error(`unexpected errors: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

/** What the gateway answered over HTTP: status, headers and the body as JSON. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: GraphQLResponse<Record<string, unknown>>;
}

/**
 * POSTs a request body as it is (a string as sent, anything else as JSON), for
 * tests of the HTTP answer itself: refusals, limits, malformed requests. Sends the
 * default token unless `headers` carry an `authorization` (an empty one: none).
 */
export async function postGraphQL(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: withAuthorization(url, { 'content-type': 'application/json', ...headers }),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as HttpAnswer['body'] };
}

/** The headers with the default token added when they carry no `authorization`; an empty one is dropped. */
export function withAuthorization(url: string, headers: Record<string, string>): Record<string, string> {
  const given = Object.keys(headers).find((name) => name.toLowerCase() === 'authorization');
  if (given !== undefined) {
    if (headers[given]) return headers;
    const { [given]: _dropped, ...rest } = headers;
    return rest;
  }
  const token = defaultAuthorization(url);
  return token ? { ...headers, authorization: token } : headers;
}
