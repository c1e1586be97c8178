import 'reflect-metadata';
import { graphql, type GraphQLSchema } from 'graphql';
import { Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { ListLimits, buildFederatedSchema } from '@supply-graph/shared';

@Directive('@key(fields: "id")')
@ObjectType()
class Thing {
  @Field(() => ID)
  id: string;
}

@Resolver(() => Thing)
class ThingResolver {
  @Query(() => Thing, { nullable: true })
  thing(): Thing | null {
    return null;
  }
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildFederatedSchema(
    { resolvers: [ThingResolver] },
    { Thing: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) } },
  );
});

const entities = (count: number) =>
  graphql({
    schema,
    source: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { id } } }',
    variableValues: { r: Array.from({ length: count }, (_, i) => ({ __typename: 'Thing', id: String(i) })) },
  });

describe('_entities', () => {
  it(`resolves up to ${ListLimits.representations} representations in one call`, async () => {
    const result = await entities(ListLimits.representations);
    expect(result.errors).toBeUndefined();
    expect((result.data!._entities as unknown[]).length).toBe(ListLimits.representations);
  });

  it('refuses more as BAD_USER_INPUT naming representations', async () => {
    const result = await entities(ListLimits.representations + 1);
    expect(result.errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [
        {
          field: 'representations',
          message: `at most ${ListLimits.representations} entries, got ${ListLimits.representations + 1}`,
        },
      ],
    });
  });
});
