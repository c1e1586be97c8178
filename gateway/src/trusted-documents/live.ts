import type { AppError } from '@supply-graph/shared';
import type { Response as SseResponse } from 'graphql-sse';
import type { ClientPolicy } from '../context';
import type { TrustedDocuments } from './manifest';
import { resolveTrustedDocument } from './resolve';

/** A subscribe payload of graphql-ws or graphql-sse (both require `query`; send `""` with a hash). */
export interface LiveOperationPayload {
  query: string;
  extensions?: Record<string, unknown> | null;
  /** GraphQL over HTTP persisted documents; graphql-ws and graphql-sse pass unknown payload fields through. */
  documentId?: unknown;
}

/**
 * The trusted-documents rule for an operation arriving over graphql-ws or
 * graphql-sse (subscriptions, and queries or mutations sent there), for the
 * transports' `onSubscribe` hooks: the same rule as the HTTP plugin. Returns
 * the refusal (PERSISTED_QUERY_NOT_IN_LIST) to send, or null; a payload naming
 * a manifest document gets the manifest's text as `query`, so the transport
 * parses, validates and runs exactly that document.
 */
export function checkLiveOperation(
  manifest: TrustedDocuments,
  client: ClientPolicy | null,
  payload: LiveOperationPayload,
): AppError | null {
  const verdict = resolveTrustedDocument(manifest, payload, client?.trustedDocumentsOnly === true);
  if (verdict.kind === 'refused') return verdict.error;
  // graphql-ws and graphql-sse parse `payload.query` after `onSubscribe` returns nothing.
  if (verdict.kind === 'manifest') payload.query = verdict.query;
  return null;
}

/**
 * The refusal as graphql-sse's `onSubscribe` returns it: HTTP 400 with the
 * error as a GraphQL response, before any stream opens (as graphql-sse answers
 * a document that does not parse).
 */
export function sseRefusal(error: AppError): SseResponse {
  return [
    JSON.stringify({ errors: [error.toJSON()] }),
    { status: 400, statusText: 'Bad Request', headers: { 'content-type': 'application/json; charset=utf-8' } },
  ];
}
