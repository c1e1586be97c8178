import type { FileItem, ItemProblem } from './payload-file';

const IMPORT = `mutation ImportChannelOrders($channel: String!, $payloads: [JSON!]!) {
  importChannelOrders(channel: $channel, payloads: $payloads) { index created order { id } errors { field message } }
}`;

interface ItemResult {
  index: number;
  created: boolean;
  order: { id: string } | null;
  errors: ItemProblem[];
}

/** A payload the platform refused, or one that could not be read from the file. */
export interface Rejection {
  line: number;
  label?: string;
  problems: ItemProblem[];
}

/** Running totals of an import; `processed` counts rejected items too. */
export interface ImportTally {
  total: number;
  processed: number;
  created: number;
  duplicates: number;
  rejected: number;
  rejections: Rejection[];
}

export interface ImportOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  gateway: string;
  /** Sent as `authorization: Bearer`; needs orders:write. */
  token: string;
  channel: string;
  /** Payloads per importChannelOrders call (the API takes at most 500). */
  batchSize: number;
  /** Called after every batch with the totals so far. */
  onProgress?: (tally: ImportTally) => void;
}

/**
 * Sends the file's payloads through the gateway's `importChannelOrders`, one
 * batch at a time, and tallies each item's result. Items the file reader
 * already refused are counted as rejected without being sent. A failed call
 * (the platform down, an error for the whole batch) throws; importing the file
 * again is safe, since orders already stored answer as duplicates.
 */
export async function importItems(items: readonly FileItem[], options: ImportOptions): Promise<ImportTally> {
  const tally: ImportTally = {
    total: items.length,
    processed: 0,
    created: 0,
    duplicates: 0,
    rejected: 0,
    rejections: [],
  };
  for (let start = 0; start < items.length; start += options.batchSize) {
    const batch = items.slice(start, start + options.batchSize);
    const sendable = batch.filter((item): item is Extract<FileItem, { payload: unknown }> => 'payload' in item);
    const results = sendable.length
      ? await send(
          options,
          sendable.map((item) => item.payload),
        )
      : [];
    for (const item of batch) {
      if ('problems' in item) tally.rejections.push({ line: item.line, label: item.label, problems: item.problems });
    }
    for (const result of results) {
      const item = sendable[result.index];
      if (result.errors.length) tally.rejections.push({ line: item.line, label: item.label, problems: result.errors });
      else if (result.created) tally.created++;
      else tally.duplicates++;
    }
    tally.processed += batch.length;
    tally.rejected = tally.rejections.length;
    options.onProgress?.(tally);
  }
  tally.rejections.sort((a, b) => a.line - b.line);
  return tally;
}

async function send(options: ImportOptions, payloads: unknown[]): Promise<ItemResult[]> {
  const response = await fetch(options.gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: JSON.stringify({ query: IMPORT, variables: { channel: options.channel, payloads } }),
  });
  const text = await response.text();
  let body: {
    data?: { importChannelOrders?: ItemResult[] } | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`the gateway answered HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  if (body.errors?.length) {
    const refusals = body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ');
    throw new Error(`the gateway refused the batch: ${refusals}`);
  }
  const results = body.data?.importChannelOrders;
  if (!results || results.length !== payloads.length)
    throw new Error('the gateway answered without a result for every payload');
  return results;
}

/** "imported 300/1200: 290 created, 5 duplicates, 5 rejected" */
export function progressLine(t: ImportTally): string {
  return `imported ${t.processed}/${t.total}: ${t.created} created, ${t.duplicates} duplicates, ${t.rejected} rejected`;
}

/** "line 7 (SH-01:R1): trade.tid: is required; lines[0].qty: ..." */
export function rejectionLine(r: Rejection): string {
  const problems = r.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return `line ${r.line}${r.label ? ` (${r.label})` : ''}: ${problems}`;
}
