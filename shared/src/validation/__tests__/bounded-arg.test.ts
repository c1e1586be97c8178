import 'reflect-metadata';
import { graphql, printSchema, type GraphQLSchema } from 'graphql';
import { Field, ID, InputType, Int, Query, Resolver, buildSchema } from 'type-graphql';
import pino from 'pino';
import {
  BoundedArg,
  Bounds,
  DateTimeScalar,
  checkText,
  inputBound,
  intBound,
  listBound,
  makeFormatError,
  problemsOf,
} from '@supply-graph/shared';

@InputType()
class NoteInput {
  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  body?: string | null;
}

const noteBound = inputBound((note) =>
  problemsOf(checkText('title', note.title, { max: 10 }), checkText('body', note.body, { max: 50, multiline: true })),
);

@Resolver()
class ProbeResolver {
  @Query(() => String)
  lookup(
    @BoundedArg('id', () => ID, Bounds.id) id: string,
    @BoundedArg('first', () => Int, Bounds.pageSize, { nullable: true, defaultValue: 20, description: 'Page size.' })
    first: number,
    @BoundedArg('tags', () => [String], listBound(3, Bounds.code), { nullable: true }) tags: string[] | null,
  ): string {
    return `${id}:${first}:${tags?.length ?? 0}`;
  }

  @Query(() => String)
  note(@BoundedArg('note', () => NoteInput, noteBound) note: NoteInput): string {
    return note.title;
  }

  @Query(() => String)
  when(@BoundedArg('at', () => Date, intBound({ min: 0, max: 0 }), { nullable: true }) _at: Date | null): string {
    return 'checked';
  }
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchema({
    resolvers: [ProbeResolver],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  });
});

const run = (source: string, variableValues?: Record<string, unknown>) => graphql({ schema, source, variableValues });

describe('BoundedArg', () => {
  it('lets values within the bounds through', async () => {
    expect((await run('{ lookup(id: "a", first: 100, tags: ["x", "y", "z"]) }')).data).toEqual({ lookup: 'a:100:3' });
  });

  it('refuses with one BAD_USER_INPUT listing every argument past its bound', async () => {
    const result = await run('query($id: ID!) { lookup(id: $id, first: 0, tags: ["a", "b", "c", "d"]) }', {
      id: 'x'.repeat(65),
    });
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [
        { field: 'id', message: 'at most 64 characters, got 65' },
        { field: 'first', message: 'must be within 1..100, got 0' },
        { field: 'tags', message: 'at most 3 entries, got 4' },
      ],
    });
    expect(error.message).toBe(
      'Invalid arguments: id: at most 64 characters, got 65; first: must be within 1..100, got 0; ' +
        'tags: at most 3 entries, got 4',
    );
  });

  it('checks list items and names them by index', async () => {
    const result = await run('{ lookup(id: "a", tags: ["ok", "bad\\u0000"]) }');
    expect(result.errors![0].extensions!.problems).toEqual([
      { field: 'tags[1]', message: 'contains the control character U+0000 at 3' },
    ]);
  });

  it('checks input objects with their own check, naming their fields', async () => {
    const result = await run('{ note(note: { title: "far too long a title", body: "fine\\nbody" }) }');
    expect(result.errors![0].extensions!.problems).toEqual([
      { field: 'title', message: 'at most 10 characters, got 20' },
    ]);
    expect((await run('{ note(note: { title: "short", body: "two\\nlines" }) }')).data).toEqual({ note: 'short' });
  });

  it('writes the bound into the argument description, after its own text', () => {
    const sdl = printSchema(schema);
    expect(sdl).toContain('"""Page size. 1..100."""\n    first: Int = 20');
    expect(sdl).toContain('"""At most 64 characters, no control characters."""\n    id: ID!');
    expect(sdl).toContain('"""At most 3 entries. Each: At most 32 characters, no control characters."""');
  });
});

describe('DateTime', () => {
  it.each(['0000-01-01T00:00:00Z', '1969-12-31T23:59:59Z', '2100-01-01T00:00:00Z', '9999-12-31T23:59:59Z'])(
    'refuses %p, outside 1970..2099, as BAD_USER_INPUT (variable)',
    async (at) => {
      const result = await run('query($at: DateTime) { when(at: $at) }', { at });
      expect(result.errors![0].message).toMatch(/DateTime must be from 1970-01-01 and before 2100-01-01/);
      expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    },
  );

  it('refuses a bad literal with a BAD_USER_INPUT error (GraphQL reports it during validation)', async () => {
    const result = await run('{ when(at: "yesterday") }');
    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toBe('DateTime must be an ISO-8601 string with an offset, got "yesterday"');
  });

  it('does not echo a 5 MB value back (GraphQL quotes the variable; formatError clips it)', async () => {
    const result = await run('query($at: DateTime) { when(at: $at) }', { at: 'x'.repeat(5 * 1024 * 1024) });
    const formatted = makeFormatError(pino({ level: 'silent' }))(result.errors![0].toJSON(), result.errors![0]);
    expect(formatted.message.length).toBeLessThan(1_100);
    expect(formatted.message).toMatch(
      /^Variable "\$at" got invalid value; DateTime must be an ISO-8601 string with an offset, got "xxx/,
    );
    expect(formatted.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
