import type { GraphQLResponse } from '../support/graphql';

/**
 * The response carries exactly one error, with this code and a message matching
 * `message` (unlike `expectOneError`, the rest of a partial answer may stand).
 */
export function expectNamedError(result: GraphQLResponse<unknown>, code: string, message: RegExp) {
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error.extensions?.code).toBe(code);
  expect(error.message).toMatch(message);
  return error;
}
