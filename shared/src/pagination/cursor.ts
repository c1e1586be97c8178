import { badUserInput } from '../errors';

export const MAX_PAGE_SIZE = 100;

/**
 * Cursors are opaque to clients: base64url of the sort key and the id that
 * breaks ties, so pages stay stable while rows are added.
 */
export function encodeCursor(sortKey: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id]), 'utf8').toString('base64url');
}

export interface DecodedCursor {
  sortKey: string | number;
  id: string;
}

export function decodeCursor(cursor: string): DecodedCursor {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      (typeof decoded[0] === 'string' || typeof decoded[0] === 'number') &&
      typeof decoded[1] === 'string'
    ) {
      return { sortKey: decoded[0], id: decoded[1] };
    }
  } catch {
    // fall through to the user-facing error
  }
  throw badUserInput(`"after" is not a valid cursor: ${JSON.stringify(cursor)}. Use a cursor returned by this API.`);
}

/** Validates `first` (1..100) and decodes `after`; both errors are BAD_USER_INPUT. */
export function pageArgs(first: number | null | undefined, after: string | null | undefined, fallback = 20) {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badUserInput(`"first" must be between 1 and ${MAX_PAGE_SIZE}, got ${String(first)}`);
  }
  return { first: size, after: after == null ? null : decodeCursor(after) };
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/**
 * Builds a connection from rows fetched with `first + 1` rows: the extra row
 * only tells whether another page exists.
 */
export function toPage<T>(rows: T[], first: number, totalCount: number, cursorOf: (row: T) => string): Page<T> {
  const visible = rows.slice(0, first);
  const edges = visible.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount,
  };
}
