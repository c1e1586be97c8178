import { Kind, parse, validate, type OperationDefinitionNode, type VariableDefinitionNode } from 'graphql';
import { checkOperationLimits } from '../check-operation-limits';
import { DEFAULT_OPERATION_LIMITS } from '../limits';
import { apiSchema, committedDocuments } from './committed-documents';

const schema = apiSchema();

/**
 * Values for required variables that have no default, chosen as the largest
 * the API accepts (pages of MAX_PAGE_SIZE = 100): the defaults must let these
 * operations through with any variables a client may legitimately send.
 */
const REQUIRED_VARIABLES: Record<string, Record<string, unknown>> = {
  Customer360: { id: 'customer-1' },
  CustomersPage: { first: 100 },
  CustomerIdsPage: { first: 100 },
  OrderIdsPage: { first: 100 },
  Packaging: { warehouseId: 'warehouse-1', shipmentId: 'shipment-1' },
};

const needsValue = (v: VariableDefinitionNode) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue;

const operations = committedDocuments().flatMap(({ origin, text }) => {
  const document = parse(text);
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({
      label: `${origin}: ${operation.name?.value ?? 'anonymous'} ${operation.operation}`,
      document,
      operation,
    }));
});

describe('the default operation limits', () => {
  it('find every kind of committed document', () => {
    const origins = operations.map((o) => o.label).join('\n');
    for (const kind of [
      'e2e/operations/',
      'README.md block',
      'graphiql-examples.ts',
      'GraphiQL introspection',
      'quoted query',
      '"then" comment',
    ]) {
      expect(origins).toContain(kind);
    }
  });

  it.each(operations.map((o) => [o.label, o] as const))('let %s through', (_label, { document, operation }) => {
    // Each is a valid operation of the API: the measures are taken on real fields.
    expect(validate(schema, document)).toEqual([]);
    const name = operation.name?.value;
    const required = (operation.variableDefinitions ?? []).filter(needsValue).map((v) => v.variable.name.value);
    const variables = (name && REQUIRED_VARIABLES[name]) || {};
    expect(required.filter((v) => !(v in variables))).toEqual([]);

    const refusal = checkOperationLimits(
      document,
      { schema, variables, operationName: name },
      DEFAULT_OPERATION_LIMITS,
    );
    expect(refusal && { message: refusal.message, extensions: refusal.extensions }).toBeNull();
  });
});
