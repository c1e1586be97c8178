import { GraphQLError } from 'graphql';
import { MAX_PAGE_SIZE, decodeCursor, encodeCursor, pageArgs, toPage } from '@supply-graph/shared';

/** Runs `fn`, expecting a BAD_USER_INPUT GraphQLError, and returns its message. */
function badInput(fn: () => unknown): string {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(GraphQLError);
  expect((caught as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
  return (caught as GraphQLError).message;
}

const base64url = (value: string) => Buffer.from(value, 'utf8').toString('base64url');

describe('cursors', () => {
  it.each([
    ['2026-11-24T08:00:00.000Z', 'a0b1c2d3-0000-4000-8000-000000000001'],
    [129.9, 'id-with "quotes", commas and ünïcode'],
    [0, ''],
  ])('round-trips sort key %p and id %p', (sortKey, id) => {
    const cursor = encodeCursor(sortKey, id);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual({ sortKey, id });
  });

  it.each([
    ['garbage', 'not a cursor!!'],
    ['empty string', ''],
    ['base64 of non-JSON', base64url('hello')],
    ['an object', base64url('{"sortKey":1,"id":"x"}')],
    ['a one-element array', base64url('["only"]')],
    ['a three-element array', base64url('[1,"a","b"]')],
    ['a numeric id', base64url('[1,2]')],
    ['a boolean sort key', base64url('[true,"a"]')],
    ['null', base64url('null')],
  ])('rejects %s as BAD_USER_INPUT that names the argument', (_, cursor) => {
    const message = badInput(() => decodeCursor(cursor));
    expect(message).toContain('"after" is not a valid cursor');
  });
});

describe('pageArgs', () => {
  it.each([1, 37, MAX_PAGE_SIZE])('accepts first = %p', (first) => {
    expect(pageArgs(first, null)).toEqual({ first, after: null });
  });

  it('uses the fallback when first is not given', () => {
    expect(pageArgs(undefined, undefined)).toEqual({ first: 20, after: null });
    expect(pageArgs(null, null, 5)).toEqual({ first: 5, after: null });
  });

  it('decodes after', () => {
    expect(pageArgs(10, encodeCursor('k', 'id-1'))).toEqual({ first: 10, after: { sortKey: 'k', id: 'id-1' } });
  });

  it.each([0, 101, -1, 1.5, Number.NaN])('rejects first = %p as BAD_USER_INPUT naming first', (first) => {
    const message = badInput(() => pageArgs(first, null));
    expect(message).toContain('"first"');
    expect(message).toContain(String(first));
  });

  it('rejects an invalid after even when first is valid', () => {
    expect(badInput(() => pageArgs(10, 'nope'))).toContain('"after"');
  });
});

describe('toPage', () => {
  const rows = ['a', 'b', 'c', 'd'];
  const cursorOf = (row: string) => `cursor-${row}`;

  it('shows first rows and says another page exists when the extra row came back', () => {
    const page = toPage(rows, 3, 42, cursorOf);
    expect(page.edges).toEqual([
      { cursor: 'cursor-a', node: 'a' },
      { cursor: 'cursor-b', node: 'b' },
      { cursor: 'cursor-c', node: 'c' },
    ]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: 'cursor-c' });
    expect(page.totalCount).toBe(42);
  });

  it('says there is no next page when exactly first rows came back', () => {
    const page = toPage(rows.slice(0, 3), 3, 3, cursorOf);
    expect(page.edges).toHaveLength(3);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: 'cursor-c' });
  });

  it('gives a null end cursor for an empty page', () => {
    expect(toPage([], 5, 0, cursorOf)).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 0,
    });
  });
});
