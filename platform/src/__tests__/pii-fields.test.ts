import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { REPO_ROOT, SUPERGRAPH_FILE } from '@supply-graph/platform';

/** The PII fields contract/access.graphql names: "# PII (Customer.name, Customer.email, ...):". */
function contractPiiFields(): string[] {
  const contract = readFileSync(path.join(REPO_ROOT, 'contract/access.graphql'), 'utf8');
  const list = /# PII \(([^)]*)\)/.exec(contract.replace(/\n#\s*/g, ' '))?.[1];
  if (!list) throw new Error('contract/access.graphql no longer lists its PII fields as "# PII (Type.field, ...)"');
  return list.split(',').map((field) => field.trim());
}

const supergraph = parse(readFileSync(SUPERGRAPH_FILE, 'utf8'));
const piiKindOf = (coordinate: string): string | null | undefined => {
  const [typeName, fieldName] = coordinate.split('.');
  const type = supergraph.definitions.find(
    (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === typeName,
  );
  const field = type?.fields?.find((f) => f.name.value === fieldName);
  if (!field) return undefined;
  const pii = field.directives?.find((d) => d.name.value === 'pii');
  const kind = pii?.arguments?.find((a) => a.name.value === 'kind')?.value;
  return kind?.kind === Kind.STRING ? kind.value : null;
};

describe('PII fields of the contract', () => {
  it('are six, as the contract lists them', () => {
    expect(contractPiiFields()).toEqual([
      'Customer.name',
      'Customer.email',
      'Customer.phone',
      'Address.name',
      'Address.phone',
      'Address.line1',
    ]);
  });

  it.each(contractPiiFields())(
    '%s is marked @pii in the committed supergraph (masked without pii:read)',
    (coordinate) => {
      expect(piiKindOf(coordinate)).toEqual(expect.stringMatching(/^(email|phone|name|line)$/));
    },
  );
});
