import type { GraphQLResponse } from './graphql';

/**
 * The response is a refusal: no data for the field, exactly one error, with this
 * `extensions.code` (and a message matching `message` when given). Returns the error.
 */
export function expectOneError(result: GraphQLResponse<unknown>, code: string, message?: RegExp) {
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error.extensions?.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
  expect(result.data ?? null).toBeNull();
  return error;
}
