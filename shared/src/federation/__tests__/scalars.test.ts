import { GraphQLObjectType, GraphQLSchema, GraphQLString, Kind, graphql, parseValue } from 'graphql';
import { DateTimeScalar } from '@supply-graph/shared';

describe('DateTime', () => {
  describe('serialize', () => {
    it('writes a Date as ISO-8601 in UTC with Z', () => {
      expect(DateTimeScalar.serialize(new Date(Date.UTC(2026, 10, 24, 8, 0, 0, 120)))).toBe('2026-11-24T08:00:00.120Z');
    });

    it('normalises a string with an offset to UTC', () => {
      expect(DateTimeScalar.serialize('2026-11-24T16:00:00+08:00')).toBe('2026-11-24T08:00:00.000Z');
    });

    it('refuses a value that is not a date', () => {
      expect(() => DateTimeScalar.serialize('yesterday')).toThrow('DateTime cannot represent yesterday');
      expect(() => DateTimeScalar.serialize(new Date(Number.NaN))).toThrow('DateTime cannot represent');
    });
  });

  describe('parseValue (variables)', () => {
    it.each([
      ['2026-11-24T08:00:00Z', '2026-11-24T08:00:00.000Z'],
      ['2026-11-24T16:00:00+08:00', '2026-11-24T08:00:00.000Z'],
      ['2026-11-24T03:30:00.5-0430', '2026-11-24T08:00:00.500Z'],
      ['2026-11-24T08:00Z', '2026-11-24T08:00:00.000Z'],
    ])('reads %p as the instant %p', (input, instant) => {
      const date = DateTimeScalar.parseValue(input);
      expect(date).toBeInstanceOf(Date);
      expect(date.toISOString()).toBe(instant);
    });

    it.each(['2026-11-24T08:00:00', '2026-11-24 08:00:00Z', '2026-11-24', 'tomorrow'])(
      'rejects %p, which has no offset or is not ISO-8601',
      (input) => {
        expect(() => DateTimeScalar.parseValue(input)).toThrow(
          `DateTime must be an ISO-8601 string with an offset, got ${JSON.stringify(input)}`,
        );
      },
    );

    it.each([[1732435200000], [null], [{}]])('rejects the non-string %p', (input) => {
      expect(() => DateTimeScalar.parseValue(input)).toThrow('DateTime must be an ISO-8601 string with an offset');
    });

    // Date would roll these over silently (February 30 becomes March 2).
    it.each([
      '2026-13-45T08:00:00Z',
      '2026-02-30T08:00:00Z',
      '2026-02-29T08:00:00Z',
      '2026-04-31T08:00:00+08:00',
      '2026-11-24T24:00:00Z',
    ])('rejects %p, well-formed but not a real date and time', (input) => {
      expect(() => DateTimeScalar.parseValue(input)).toThrow(`DateTime is not a valid date: ${input}`);
    });

    it('accepts 29 February in a leap year and the last instant of a year', () => {
      expect(DateTimeScalar.parseValue('2028-02-29T08:00:00Z').toISOString()).toBe('2028-02-29T08:00:00.000Z');
      expect(DateTimeScalar.parseValue('2026-12-31T23:59:59.999+08:00').toISOString()).toBe('2026-12-31T15:59:59.999Z');
    });
  });

  describe('parseLiteral (inline arguments)', () => {
    it('reads a string literal with an offset', () => {
      expect(DateTimeScalar.parseLiteral(parseValue('"2026-11-24T08:00:00Z"')).toISOString()).toBe(
        '2026-11-24T08:00:00.000Z',
      );
    });

    it('rejects a non-string literal and a local time', () => {
      expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1732435200' })).toThrow(
        'DateTime must be a string',
      );
      expect(() => DateTimeScalar.parseLiteral(parseValue('"2026-11-24T08:00:00"'))).toThrow('with an offset');
    });
  });

  it('reaches a client as a BAD_USER_INPUT-style validation error naming the problem', async () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          echo: {
            type: GraphQLString,
            args: { at: { type: DateTimeScalar } },
            resolve: (_, { at }: { at: Date }) => at.toISOString(),
          },
        },
      }),
    });
    const ok = await graphql({ schema, source: '{ echo(at: "2026-11-24T16:00:00+08:00") }' });
    expect(ok).toEqual({ data: { echo: '2026-11-24T08:00:00.000Z' } });
    const bad = await graphql({
      schema,
      source: 'query ($at: DateTime) { echo(at: $at) }',
      variableValues: { at: '2026-11-24T08:00:00' },
    });
    expect(bad.errors?.[0].message).toContain(
      'DateTime must be an ISO-8601 string with an offset, got "2026-11-24T08:00:00"',
    );
  });
});
