import 'reflect-metadata';
import { printSubgraphSchema } from '@apollo/subgraph';
import { graphql, type GraphQLSchema } from 'graphql';
import { Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import {
  Authenticated,
  Pii,
  buildFederatedSchema,
  piiReadTargets,
  piiReadsOf,
  servicePrincipal,
  withPiiOwner,
  type PiiRead,
  type Principal,
} from '@supply-graph/shared';

@ObjectType()
class Place {
  @Pii('line')
  @Field(() => String, { nullable: true })
  line1: string | null;

  @Field(() => String)
  city: string;
}

@ObjectType()
class Change {
  @Field(() => String)
  rule: string;

  @Pii('phone', { when: (change: Change) => change.rule.startsWith('phone-') })
  @Field(() => String)
  from: string;
}

@Directive('@key(fields: "id")')
@ObjectType()
class Person {
  @Field(() => ID)
  id: string;

  @Pii('name')
  @Field(() => String)
  name: string;

  @Pii('email')
  @Field(() => String, { nullable: true })
  email: string | null;

  @Pii('phone')
  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => Place)
  home: Place;

  @Field(() => [Change])
  changes: Change[];
}

const PEOPLE: Person[] = [
  {
    id: 'p1',
    name: 'Zhang Li',
    email: 'zhang.li@example.com',
    phone: null,
    home: withPiiOwner({ line1: '9 Huaihai Road', city: 'Shanghai' }, { type: 'Household', id: 'h1' }),
    changes: [
      { rule: 'phone-e164', from: '13800000923' },
      { rule: 'country-iso', from: 'China' },
    ],
  },
  {
    id: 'p2',
    name: '张三',
    email: 'z@example.com',
    phone: '+8613800000923',
    home: { line1: null, city: 'Beijing' },
    changes: [],
  },
  { id: 'p3', name: 'Wang Fang', email: '', phone: ' ', home: { line1: '', city: 'Wuhan' }, changes: [] },
];

@Resolver(() => Person)
class PersonResolver {
  @Authenticated()
  @Query(() => [Person], { description: 'Everyone; stands for a search.' })
  people(): Person[] {
    return PEOPLE;
  }
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildFederatedSchema(
    { resolvers: [PersonResolver] },
    { Person: { __resolveReference: (ref: { id: string }) => PEOPLE.find((p) => p.id === ref.id) ?? null } },
  );
});

const caller = (...scopes: string[]): Principal => ({
  sub: 'tester',
  scopes: new Set(scopes),
  channels: null,
  kind: 'user',
});

async function ask(source: string, context: object, variableValues?: Record<string, unknown>) {
  const result = await graphql({ schema, source, contextValue: context, variableValues });
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
}

const PEOPLE_QUERY = '{ people { id name email phone home { line1 city } changes { rule from } } }';

describe('@Pii without pii:read', () => {
  it.each([
    ['no principal', {}],
    ['a principal without pii:read', { principal: caller('customers:read', 'orders:read') }],
  ])('masks every PII value for %s, keeps null as null and other fields as they are', async (_, context) => {
    const data = await ask(PEOPLE_QUERY, context);
    expect(data.people).toEqual([
      {
        id: 'p1',
        name: 'Z*** L***',
        email: 'z***@example.com',
        phone: null,
        home: { line1: '***', city: 'Shanghai' },
        changes: [
          { rule: 'phone-e164', from: '138****0923' },
          { rule: 'country-iso', from: 'China' }, // not a phone: `when` leaves it
        ],
      },
      {
        id: 'p2',
        name: '张**',
        email: '***@example.com',
        phone: '+86 138****0923',
        home: { line1: null, city: 'Beijing' },
        changes: [],
      },
      { id: 'p3', name: 'W*** F***', email: '', phone: ' ', home: { line1: '', city: 'Wuhan' }, changes: [] },
    ]);
    expect(piiReadsOf(context)).toEqual([]);
  });

  it('masks what Federation fetches by reference (_entities)', async () => {
    const data = await ask(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name email phone } } }',
      { principal: caller('customers:read') },
      { r: [{ __typename: 'Person', id: 'p2' }] },
    );
    expect(data._entities).toEqual([{ id: 'p2', name: '张**', email: '***@example.com', phone: '+86 138****0923' }]);
  });
});

describe('@Pii with pii:read', () => {
  it('shows the values and records each field read once, against the object that owns it', async () => {
    const context = { principal: caller('customers:read', 'pii:read') };
    const data = await ask('{ people { email again: email name phone home { line1 } changes { from } } }', context);
    expect(data.people[0]).toEqual({
      email: 'zhang.li@example.com',
      again: 'zhang.li@example.com',
      name: 'Zhang Li',
      phone: null,
      home: { line1: '9 Huaihai Road' },
      changes: [{ from: '13800000923' }, { from: 'China' }],
    });
    const reads = piiReadsOf(context);
    expect(reads).toHaveLength(new Set(reads.map((r) => JSON.stringify(r))).size);
    expect(reads).toEqual(
      expect.arrayContaining<PiiRead>([
        { type: 'Person', id: 'p1', field: 'Person.email' },
        { type: 'Person', id: 'p1', field: 'Person.name' },
        { type: 'Household', id: 'h1', field: 'Place.line1' },
        { type: 'Change', id: null, field: 'Change.from' },
        { type: 'Person', id: 'p2', field: 'Person.phone' },
      ]),
    );
    // A null or blank value and a value `when` excludes hide nothing: nothing to audit.
    expect(reads).not.toContainEqual({ type: 'Person', id: 'p1', field: 'Person.phone' });
    expect(reads.filter((r) => r.id === 'p3')).toEqual([{ type: 'Person', id: 'p3', field: 'Person.name' }]);
    expect(reads.filter((r) => r.field === 'Change.from')).toHaveLength(1);
    expect(piiReadTargets(reads).map(({ type, id }) => `${type}:${id}`)).toEqual(
      expect.arrayContaining(['Person:p1', 'Person:p2', 'Household:h1']),
    );
  });

  it('the platform acting for itself (every scope) sees the values', async () => {
    const data = await ask('{ people { email } }', { principal: servicePrincipal('orders') });
    expect(data.people[0].email).toBe('zhang.li@example.com');
  });
});

describe('piiReadTargets', () => {
  it('makes one audit target per object, listing the fields read', () => {
    expect(
      piiReadTargets([
        { type: 'Customer', id: 'c1', field: 'Customer.email' },
        { type: 'Order', id: 'o1', field: 'Address.phone' },
        { type: 'Customer', id: 'c1', field: 'Customer.phone' },
        { type: 'Customer', id: 'c1', field: 'Customer.email' },
      ]),
    ).toEqual([
      { type: 'Customer', id: 'c1', fields: ['Customer.email', 'Customer.phone'] },
      { type: 'Order', id: 'o1', fields: ['Address.phone'] },
    ]);
  });
});

describe('the schema says which fields are PII', () => {
  it('marks each @Pii field with @pii(kind) in the subgraph SDL, linked so that composition keeps it', () => {
    const sdl = printSubgraphSchema(schema);
    expect(sdl).toContain('@link(url: "https://supply-graph.dev/pii/v1.0", import: ["@pii"])');
    expect(sdl).toContain('@composeDirective(name: "@pii")');
    expect(sdl).toMatch(/email: String @pii\(kind: "email"\)/);
    expect(sdl).toMatch(/line1: String @pii\(kind: "line"\)/);
    expect(sdl).toMatch(/city: String!\n/);
  });
});
