import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROUTER_SUPPORTED_SUPERGRAPH_FEATURES, Supergraph } from '@apollo/federation-internals';
import { getIntrospectionQuery, type GraphQLSchema } from 'graphql';
import { DEFAULT_SUPERGRAPH_PATH } from '../../config';
import { GRAPHIQL_EXAMPLES } from '../../graphiql/graphiql-examples';

const ROOT = path.dirname(DEFAULT_SUPERGRAPH_PATH);

/** The API schema the gateway serves, built from the committed supergraph as platform/src/contract-check.ts does. */
export const apiSchema = (): GraphQLSchema =>
  // The access rules' specs are linked for: SECURITY; reading the API needs no enforcement.
  Supergraph.build(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8'), {
    supportedFeatures: ROUTER_SUPPORTED_SUPERGRAPH_FEATURES,
  })
    .apiSchema()
    .toGraphQLJSSchema();

export interface CommittedDocument {
  /** Where it comes from, for failure messages. */
  origin: string;
  text: string;
}

/**
 * The README's GraphQL examples: each ```graphql block, the follow-up query
 * written as a `# then: ...` comment, and the webhook subscription quoted in
 * `query: "..."`.
 */
function readmeDocuments(): CommittedDocument[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const found: CommittedDocument[] = [];
  let n = 0;
  for (const [, block] of readme.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    n += 1;
    found.push({ origin: `README.md block ${n}`, text: block });
    for (const [, then] of block.matchAll(/^# then: (.*)$/gm))
      found.push({ origin: `README.md block ${n}, "then" comment`, text: then });
    for (const [, quoted] of block.matchAll(/query: ("(?:[^"\\]|\\.)*")/g)) {
      found.push({ origin: `README.md block ${n}, quoted query`, text: JSON.parse(quoted) as string });
    }
  }
  return found;
}

/**
 * Every operation the project ships or shows: e2e/operations/*.graphql (the
 * typed client's documents), the README's examples, GraphiQL's tabs and the
 * introspection query GraphiQL sends (every option on: the largest form).
 */
export function committedDocuments(): CommittedDocument[] {
  const operationsDir = path.join(ROOT, 'e2e/operations');
  return [
    ...readdirSync(operationsDir)
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => ({ origin: `e2e/operations/${f}`, text: readFileSync(path.join(operationsDir, f), 'utf8') })),
    ...readmeDocuments(),
    ...GRAPHIQL_EXAMPLES.map((e, i) => ({ origin: `graphiql-examples.ts tab ${i + 1}`, text: e.query })),
    {
      origin: 'GraphiQL introspection',
      text: getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
        oneOf: true,
      }),
    },
  ];
}
