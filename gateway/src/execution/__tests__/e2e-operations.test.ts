import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServiceMap } from '@apollo/gateway';
import { Kind, parse, type OperationDefinitionNode, type TypeNode } from 'graphql';
import { acceptEnforcedSecurityFeatures } from '../../auth/supergraph-security';
import { SubgraphDataSource } from '../../datasources/subgraph-data-source';
import { localSubgraph, mockResolver, subgraphSchema, twoExecutors, type TwoExecutors } from './two-executors';

/**
 * Every operation the platform's own clients send (e2e/operations), through
 * both executors over the real supergraph and its four subgraph schemas
 * (answers made up, repeatably, including nulls and empty lists): the client
 * gets the same JSON, and the subgraphs get the same calls.
 */

const root = path.resolve(__dirname, '../../../..');
const SUBGRAPHS = ['orders', 'customers', 'inventory', 'logistics'];
const supergraph = acceptEnforcedSecurityFeatures(readFileSync(path.join(root, 'supergraph.graphql'), 'utf8'));
const operationsDir = path.join(root, 'e2e/operations');
const operations = readdirSync(operationsDir)
  .filter((f) => f.endsWith('.graphql'))
  .flatMap((f) => {
    const text = readFileSync(path.join(operationsDir, f), 'utf8');
    return operationsIn(text).map((operation) => ({ file: f, name: operation.name!.value, text }));
  });

function operationsIn(text: string): OperationDefinitionNode[] {
  return parse(text).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

const schemas = Object.fromEntries(
  SUBGRAPHS.map((name) => [
    name,
    subgraphSchema(readFileSync(path.join(root, 'subgraphs', name, 'schema.graphql'), 'utf8')),
  ]),
);

/** A value for a variable of `type`, varied by `round`; optional ones are sometimes left out. */
function valueFor(type: TypeNode, round: number): unknown {
  const named = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
  if (named.kind === Kind.LIST_TYPE) return [valueFor(named.type, round)];
  switch (named.name.value) {
    case 'Int':
      return 1 + (round % 4);
    case 'Boolean':
      return round % 2 === 0;
    case 'ID':
    case 'String':
      return `v${round}`;
    default:
      // Input objects and enums: left out (the operations here make them optional).
      return undefined;
  }
}

function variablesFor(text: string, name: string, round: number): Record<string, unknown> {
  const operation = operationsIn(text).find((o) => o.name?.value === name)!;
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const required = definition.type.kind === Kind.NON_NULL_TYPE && !definition.defaultValue;
    const value = valueFor(definition.type, round);
    if (value !== undefined && (required || round % 3 !== 0)) variables[definition.variable.name.value] = value;
  }
  return variables;
}

let seed = 'seed';

function services(failing?: string): ServiceMap {
  return Object.fromEntries(
    SUBGRAPHS.map((name) => [
      name,
      name === failing
        ? // Nothing listens on port 9: the call fails as a whole, as when the subgraph is down.
          new SubgraphDataSource(name, 'http://127.0.0.1:9/graphql', 2000)
        : localSubgraph(
            schemas[name],
            mockResolver(() => seed),
          ),
    ]),
  );
}

describe('own executor and @apollo/gateway on e2e/operations', () => {
  const running = new Map<string, Promise<TwoExecutors>>();
  /** One pair of gateways per failing subgraph (none: all up), started once. */
  const gateways = (failing?: string) => {
    const key = failing ?? '';
    if (!running.has(key)) running.set(key, twoExecutors(supergraph, services(failing)));
    return running.get(key)!;
  };
  afterAll(async () => {
    for (const r of running.values()) await (await r).stop();
  });

  it.each(operations)('$file $name: the same answers and subgraph calls over 12 data sets', async ({ text, name }) => {
    const both = await gateways();
    for (let round = 0; round < 12; round++) {
      seed = `seed-${round}`;
      const answers = await both.run(text, variablesFor(text, name, round), name);
      expect(answers.own).toEqual(answers.apollo);
      expect(answers.ownCalls).toEqual(answers.apolloCalls);
      expect(answers.apolloCalls.length).toBeGreaterThan(0);
    }
    expect(both.fallbacks).toEqual([]);
  });

  it.each(operations.flatMap((operation) => SUBGRAPHS.map((failing) => ({ ...operation, failing }))))(
    '$file $name with the $failing subgraph down: the same partial answer and errors',
    async ({ text, name, failing }) => {
      const both = await gateways(failing);
      seed = 'down';
      const answers = await both.run(text, variablesFor(text, name, 1), name);
      expect(answers.own).toEqual(answers.apollo);
    },
  );

  it('answers the 360 query with data from every subgraph (the comparison is not between two empty answers)', async () => {
    const both = await gateways();
    seed = 'seed-full';
    const text = operations.find((o) => o.file === 'customer-360.graphql')!.text;
    let subgraphsCalled = 0;
    for (let round = 0; round < 12 && subgraphsCalled < 4; round++) {
      const answers = await both.run(text, { id: `c${round}`, orders: 3 });
      expect(answers.own).toEqual(answers.apollo);
      subgraphsCalled = Math.max(subgraphsCalled, new Set(answers.ownCalls.map((c) => c.split(':')[0])).size);
    }
    expect(subgraphsCalled).toBe(4);
    // Else both answers would come from @apollo/gateway's executor.
    expect(both.fallbacks).toEqual([]);
  });
});
