import { buildSchema, getOperationAST, parse, validate } from 'graphql';
import { checkOperationLimits, checkOperationSource } from '../check-operation-limits';
import { CONNECTION_PAGE_SIZE, estimateCost, LIST_SIZE } from '../estimate-cost';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from '../limits';
import { apiSchema } from './committed-documents';

const schema = apiSchema();
const roomy: OperationLimits = {
  maxDepth: 100,
  maxAliases: 100,
  maxRootFields: 100,
  maxTokens: 100_000,
  maxCost: 1_000_000,
};
const within = (overrides: Partial<OperationLimits>): OperationLimits => ({ ...roomy, ...overrides });

/** What a client sees of the refusal, or null when the operation may run. */
function check(text: string, limits: OperationLimits, variables: Record<string, unknown> = {}, operationName?: string) {
  const refusal = checkOperationLimits(parse(text), { schema, variables, operationName }, limits);
  return (
    refusal && {
      code: refusal.extensions.code,
      limit: refusal.extensions.limit,
      max: refusal.extensions.max,
      measured: refusal.extensions.measured,
    }
  );
}
const refused = (limit: string, max: number, measured: number) => ({ code: 'QUERY_TOO_COMPLEX', limit, max, measured });

/** The estimated cost of a document's only operation. */
function costOf(text: string, variables: Record<string, unknown> = {}, on = schema) {
  const document = parse(text);
  return estimateCost(on, document, getOperationAST(document)!, variables);
}

describe('checkOperationLimits', () => {
  it('holds depth: a root field is level 1, the deepest field counts', () => {
    expect(check('{ customers { edges { cursor } } }', within({ maxDepth: 3 }))).toBeNull();
    expect(check('{ customers { edges { node { id } } } }', within({ maxDepth: 3 }))).toEqual(refused('depth', 3, 4));
  });

  it('holds aliases', () => {
    expect(
      check('{ a: customers { totalCount } b: customers { n: totalCount } }', within({ maxAliases: 3 })),
    ).toBeNull();
    expect(
      check('{ a: customers { totalCount } b: customers { n: totalCount m: totalCount } }', within({ maxAliases: 3 })),
    ).toEqual(refused('aliases', 3, 4));
  });

  it('holds root fields, aliased or not, __typename included', () => {
    expect(check('{ customers { totalCount } orders { totalCount } }', within({ maxRootFields: 2 }))).toBeNull();
    expect(
      check('{ customers { totalCount } orders { totalCount } __typename }', within({ maxRootFields: 2 })),
    ).toEqual(refused('rootFields', 2, 3));
  });

  it('holds tokens, comments not counted', () => {
    // {, customers, {, totalCount, }, }
    expect(check('# a comment\n{ customers { totalCount } }', within({ maxTokens: 6 }))).toBeNull();
    expect(check('{ customers { totalCount __typename } }', within({ maxTokens: 6 }))).toEqual(refused('tokens', 6, 7));
  });

  it('holds the estimated cost', () => {
    // customers 1 + 3 × (edges 1 + (node 1 + id 1))
    expect(costOf('{ customers(first: 3) { edges { node { id } } } }')).toBe(10);
    expect(check('{ customers(first: 3) { edges { node { id } } } }', within({ maxCost: 10 }))).toBeNull();
    expect(check('{ customers(first: 4) { edges { node { id } } } }', within({ maxCost: 10 }))).toEqual(
      refused('cost', 10, 13),
    );
  });

  it('multiplies nested lists: connections by first, plain lists by LIST_SIZE', () => {
    // identities: 1 + LIST_SIZE × channel; orders: 1 + 2 × (edges 1 + (node 1 + lines (1 + LIST_SIZE × sku)))
    const identities = 1 + LIST_SIZE;
    const orders = 1 + 2 * (1 + 1 + (1 + LIST_SIZE));
    const node = 1 + identities + orders;
    expect(
      costOf(
        '{ customers(first: 5) { edges { node { identities { channel } ' +
          'orders(first: 2) { edges { node { lines { sku } } } } } } } }',
      ),
    ).toBe(1 + 5 * (1 + node));
  });

  it("takes first from the variables, else the variable's default, else the schema's default", () => {
    const text = 'query Page($n: Int = 7) { customers(first: $n) { edges { node { id } } } }';
    expect(costOf(text, { n: 50 })).toBe(1 + 50 * 3);
    expect(costOf(text)).toBe(1 + 7 * 3);
    // Query.customers(first: Int = 20)
    expect(costOf('{ customers { edges { node { id } } } }')).toBe(1 + 20 * 3);
    expect(check(text, within({ maxCost: 100 }), { n: 33 })).toBeNull();
    expect(check(text, within({ maxCost: 100 }), { n: 34 })).toEqual(refused('cost', 100, 103));
  });

  it('sizes a connection without first or a schema default at CONNECTION_PAGE_SIZE', () => {
    const bare = buildSchema(`
      type Query { things(first: Int): ThingConnection! }
      type ThingConnection { edges: [ThingEdge!]! }
      type ThingEdge { node: Thing! }
      type Thing { id: ID! }
    `);
    expect(costOf('{ things { edges { node { id } } } }', {}, bare)).toBe(1 + CONNECTION_PAGE_SIZE * 3);
  });

  it('leaves out what @skip and @include leave out', () => {
    const text = 'query($skip: Boolean!) { customers(first: 100) @skip(if: $skip) { edges { node { id } } } }';
    expect(check(text, within({ maxCost: 10 }), { skip: true })).toBeNull();
    expect(check(text, within({ maxCost: 10 }), { skip: false })).toEqual(refused('cost', 10, 301));
  });

  it('measures through named fragments at every spread, and inline fragments add no depth', () => {
    const text = `
      query {
        customers(first: 2) { edges { node { ...Who } } }
        customer(id: "1") { ... on Customer { ...Who } }
      }
      fragment Who on Customer { n: name e: email orders(first: 3) { totalCount } }`;
    expect(validate(schema, parse(text))).toEqual([]);
    expect(check(text, within({ maxAliases: 3 }))).toEqual(refused('aliases', 3, 4));
    expect(check(text, within({ maxDepth: 4 }))).toEqual(refused('depth', 4, 5));
    expect(check(text, within({ maxDepth: 5 }))).toBeNull();
    // Who: 1 + 1 + (orders 1 + 3 × totalCount 1); customers: 1 + 2 × (edges 1 + node (1 + Who)); customer: 1 + Who
    const who = 2 + 4;
    expect(costOf(text)).toBe(1 + 2 * (1 + 1 + who) + (1 + who));
  });

  it('counts root fields that fragments bring in', () => {
    const text =
      '{ ...Both __typename } ' +
      'fragment Both on Query { customers { totalCount } ... on Query { orders { totalCount } } }';
    expect(check(text, within({ maxRootFields: 2 }))).toEqual(refused('rootFields', 2, 3));
  });

  it('measures fragments spread into each other many times over without expanding them', () => {
    // F0 spreads F1 twice, F1 spreads F2 twice, ...: 2^40 fields once expanded.
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i < levels - 1
        ? `fragment F${i} on Query { ...F${i + 1} ... on Query { ...F${i + 1} } }`
        : `fragment F${i} on Query { a: __typename }`,
    );
    const text = `{ ...F0 } ${fragments.join(' ')}`;
    expect(check(text, DEFAULT_OPERATION_LIMITS)).toEqual(refused('aliases', 30, 2 ** (levels - 1)));
    const noAlias = text.replace('a: __typename', '__typename');
    expect(check(noAlias, within({ maxRootFields: Infinity }))).toEqual(
      refused('cost', roomy.maxCost, 2 ** (levels - 1)),
    );
  });

  it('leaves cyclic and unknown fragments to validation', () => {
    expect(
      check('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }', DEFAULT_OPERATION_LIMITS),
    ).toBeNull();
    expect(check('{ ...Missing }', DEFAULT_OPERATION_LIMITS)).toBeNull();
  });

  it('leaves variables that do not fit to variable coercion', () => {
    const text = 'query($n: Int!) { customers(first: $n) { edges { node { id } } } }';
    expect(check(text, within({ maxCost: 4 }), { n: 2 })).toEqual(refused('cost', 4, 7));
    expect(check(text, within({ maxCost: 4 }))).toBeNull();
    expect(check(text, within({ maxCost: 4 }), { n: 'many' })).toBeNull();
  });

  it('estimates a parsed document anew per value of the variables its cost reads, alike for the rest', () => {
    // The gateway keeps one parsed document per query text, so estimates are remembered on it.
    const text =
      'query($id: ID!, $n: Int = 2, $deep: Boolean!) { a: customer(id: $id) { id } ' +
      'customers(first: $n) { edges { node { id orders @include(if: $deep) { totalCount } } } } }';
    const document = parse(text);
    const verdict = (variables: Record<string, unknown>) =>
      checkOperationLimits(document, { schema, variables }, within({ maxCost: 50 }))?.extensions.measured ?? 'within';
    // Each verdict is what a fresh estimate of a fresh parse says.
    const fresh = (variables: Record<string, unknown>) => {
      const cost = costOf(text, variables)!;
      return cost > 50 ? cost : 'within';
    };
    const requests = [
      { id: 'c-1', deep: false },
      { id: 'c-2', n: 40, deep: false },
      { id: 'c-3', n: 40, deep: true },
      { id: 'c-4', n: 2, deep: true },
      { id: 'c-5', n: null, deep: true },
      { id: 'c-6', deep: false },
      { id: 'c-7', n: 40, deep: true },
    ];
    expect(requests.map(verdict)).toEqual(requests.map(fresh));
    expect(new Set(requests.map(verdict)).size).toBe(5);
  });

  it('holds every operation of the document to the shape limits, and the cost of the one that runs', () => {
    const text =
      'query Small { customers(first: 1) { totalCount } } ' +
      'query Big { customers(first: 100) { edges { node { x: id } } } }';
    expect(check(text, within({ maxAliases: 0 }), {}, 'Small')).toEqual(refused('aliases', 0, 1));
    expect(check(text, within({ maxCost: 10 }), {}, 'Small')).toBeNull();
    expect(check(text, within({ maxCost: 10 }), {}, 'Big')).toEqual(refused('cost', 10, 301));
  });

  it('says in its message what was measured and what the limit is', () => {
    const refusal = checkOperationLimits(
      parse('{ a: customers { totalCount } b: orders { totalCount } }'),
      { schema },
      within({ maxAliases: 1 }),
    );
    expect(refusal?.message).toBe('The operation has 2 aliases; the limit is 1.');
  });
});

describe('checkOperationSource', () => {
  const limits = within({ maxTokens: 6 });

  it('refuses an overlong text, saying how long it is', () => {
    expect(checkOperationSource('{ customers { totalCount } }', { schema }, limits)).toBeNull();
    expect(checkOperationSource('{ customers { totalCount id } }', { schema }, limits)?.extensions).toMatchObject({
      limit: 'tokens',
      max: 6,
      measured: 7,
    });
  });

  it('stops counting ten times past the limit', () => {
    const long = `{ ${'__typename '.repeat(10_000)}}`;
    const refusal = checkOperationSource(long, { schema }, limits);
    expect(refusal?.extensions).toMatchObject({ limit: 'tokens', max: 6, measured: 61 });
    expect(refusal?.message).toBe('The document has at least 61 tokens; the limit is 6.');
  });

  it('leaves a syntax error to the parser of the transport', () => {
    expect(checkOperationSource('{ customers { ', { schema }, DEFAULT_OPERATION_LIMITS)).toBeNull();
  });

  it('checks the other limits and the cost with the variables', () => {
    const text = 'subscription($id: ID) { orderStatusChanged(orderId: $id) { a: eventId b: eventId } }';
    expect(
      checkOperationSource(text, { schema, variables: { id: '1' } }, within({ maxAliases: 1 }))?.extensions,
    ).toMatchObject({ limit: 'aliases' });
    expect(checkOperationSource(parse(text), { schema }, within({ maxAliases: 2 }))).toBeNull();
  });

  it('refuses 1,000 aliases before GraphQL validation (times printed, not asserted)', () => {
    const ms = (run: () => unknown) => {
      const started = process.hrtime.bigint();
      run();
      return (Number(process.hrtime.bigint() - started) / 1e6).toFixed(1);
    };
    const aliases = (field: string) => `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
    // Compact aliases stay under the token limit and are refused for aliases; larger ones for tokens.
    const compact = aliases('__typename');
    const nested = aliases('customers(first: 1) { edges { node { id name } } }');
    const refuse = (text: string) => checkOperationSource(text, { schema }, DEFAULT_OPERATION_LIMITS);
    expect(refuse(compact)?.extensions).toMatchObject({ limit: 'aliases', measured: 1000 });
    expect(refuse(nested)?.extensions).toMatchObject({ limit: 'tokens', max: DEFAULT_OPERATION_LIMITS.maxTokens });
    const lines = [compact, nested].map(
      (text) =>
        `${text.slice(0, 40)}...: refused in ${ms(() => refuse(text))} ms (parse + measure), ` +
        `GraphQL validation of the whole document alone ${ms(() => validate(schema, parse(text)))} ms`,
    );
    console.log(`1,000 aliases, after a first run each:\n${lines.join('\n')}`);
  });
});
