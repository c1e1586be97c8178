import { HeaderMap, type ApolloServerPlugin, type HTTPGraphQLRequest } from '@apollo/server';
import { AppError } from '@supply-graph/shared';
import type { ClientPolicy } from '../context';
import type { TrustedDocuments } from './manifest';
import { resolveTrustedDocument } from './resolve';

/** The part of the request context the rule needs (GatewayContext has it). */
export interface TrustedDocumentsContext {
  client: ClientPolicy | null;
}

/**
 * What a refused request runs up to the refusal: a document every schema
 * validates. Apollo Server 5 turns an error thrown in `requestDidStart` into a
 * 500, and only `didResolveOperation` may refuse with the error's own status;
 * parsing and validating the client's text on the way there would answer with
 * its syntax errors instead of the refusal (graphql-hive's Apollo plugin does
 * the same for its persisted documents).
 */
const PLACEHOLDER = '{ __typename }';

// Apollo's own persisted-query errors are not cached either: a manifest that
// gains the document with the next deploy must not meet a cached refusal.
const refusedHttp = () => ({
  status: 400,
  headers: new HeaderMap([['cache-control', 'private, no-cache, must-revalidate']]),
});

/**
 * Trusted documents on HTTP. A caller whose API client is `trustedDocumentsOnly`
 * runs only documents of the manifest: by APQ hash
 * (`extensions.persistedQuery.sha256Hash`), by `documentId` (GraphQL over HTTP
 * persisted documents, in the POST body or the GET query string) or as the
 * document's text; anything else, an APQ registration included, is refused
 * with PERSISTED_QUERY_NOT_IN_LIST (HTTP 400) before parsing and nothing
 * reaches the APQ cache. Other callers keep APQ, and may also name a manifest
 * document by hash.
 *
 * `requestDidStart` runs before Apollo's APQ handling and reads the request
 * after it: a request naming a manifest document gets the manifest's text as
 * `query` and loses its `persistedQuery` extension, so Apollo neither looks the
 * hash up nor registers anything, and runs exactly the manifest's document.
 * The refusal is thrown in `didResolveOperation`, where the first plugin to
 * throw wins: list this one before plugins that may refuse for other reasons.
 */
export function trustedDocuments<T extends TrustedDocumentsContext>(manifest: TrustedDocuments): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ request, contextValue }) {
      const trustedOnly = contextValue.client?.trustedDocumentsOnly === true;
      const verdict = resolveTrustedDocument(
        manifest,
        { query: request.query, extensions: request.extensions, documentId: documentIdOf(request.http) },
        trustedOnly,
      );
      if (verdict.kind === 'free') return;
      request.extensions = withoutPersistedQuery(request.extensions);
      if (verdict.kind === 'manifest') {
        request.query = verdict.query;
        return;
      }
      const error = new AppError('PERSISTED_QUERY_NOT_IN_LIST', verdict.error.message, { http: refusedHttp() });
      request.query = PLACEHOLDER;
      // The client's operationName would name nothing in the placeholder (OPERATION_RESOLUTION_FAILURE).
      request.operationName = undefined;
      return {
        async didResolveOperation() {
          throw error;
        },
      };
    },
  };
}

/** `documentId` of a POST body, or of a GET query string: Apollo Server keeps neither in the request. */
function documentIdOf(http: HTTPGraphQLRequest | undefined): string | undefined {
  if (!http) return undefined;
  if (http.method === 'GET') return new URLSearchParams(http.search).get('documentId') ?? undefined;
  const body = http.body as { documentId?: unknown } | null | undefined;
  return typeof body === 'object' && body !== null && typeof body.documentId === 'string' ? body.documentId : undefined;
}

function withoutPersistedQuery(extensions: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!extensions || !('persistedQuery' in extensions)) return extensions;
  const { persistedQuery: _dropped, ...rest } = extensions;
  return rest;
}
