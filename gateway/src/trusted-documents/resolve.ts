import { AppError } from '@supply-graph/shared';
import type { TrustedDocuments } from './manifest';

/** What a request names: a document by hash (APQ or GraphQL-over-HTTP `documentId`), its text, or both. */
export interface DocumentRequest {
  /** The document text; an empty string counts as none (graphql-ws and graphql-sse require the field). */
  query?: string | null;
  /** Apollo APQ: `extensions.persistedQuery.sha256Hash`. */
  extensions?: Record<string, unknown> | null;
  /** GraphQL over HTTP persisted documents (Hive, GraphQL Yoga): `documentId`, bare hex or `sha256:<hex>`. */
  documentId?: unknown;
}

/** The outcome for one request. */
export type TrustedDocumentVerdict =
  /** Run this manifest text in place of whatever the request carried. */
  | { kind: 'manifest'; hash: string; query: string }
  /** Not the manifest's business: the request runs as sent (APQ included). */
  | { kind: 'free' }
  | { kind: 'refused'; error: AppError };

const FREE: TrustedDocumentVerdict = { kind: 'free' };

/**
 * The trusted-documents rule. For a caller limited to trusted documents the
 * document must come from the manifest: a known hash (with no text, or with
 * that document's text) or the text of a manifest document; an unknown hash,
 * any other text and an APQ registration (hash plus new text) are refused.
 * Any caller may name a manifest document by hash: a `documentId` always means
 * one (unknown: refused, as Apollo Server has no other meaning for it); an APQ
 * hash the manifest lacks is left to Apollo's APQ cache for callers that are
 * not limited.
 */
export function resolveTrustedDocument(
  manifest: TrustedDocuments,
  request: DocumentRequest,
  trustedOnly: boolean,
): TrustedDocumentVerdict {
  const text = typeof request.query === 'string' && request.query.trim() !== '' ? request.query : undefined;
  const documentId = typeof request.documentId === 'string' ? request.documentId : undefined;
  const apqHash = apqHashOf(request.extensions);

  if (documentId !== undefined) return byHash(manifest, documentId, text, true);
  if (apqHash !== undefined) {
    if (trustedOnly || (text === undefined && manifest.textOf(apqHash) !== undefined))
      return byHash(manifest, apqHash, text, trustedOnly);
    return FREE;
  }
  if (!trustedOnly || text === undefined) return FREE;
  const hash = manifest.hashOfText(text);
  if (hash === undefined)
    return refused(
      'The operation is not in the list of trusted documents; send a document of the persisted-documents manifest.',
    );
  return { kind: 'manifest', hash, query: manifest.textOf(hash)! };
}

function byHash(
  manifest: TrustedDocuments,
  id: string,
  text: string | undefined,
  strict: boolean,
): TrustedDocumentVerdict {
  const query = manifest.textOf(id);
  const hash = id.replace(/^sha256:/, '');
  if (query === undefined) {
    return strict
      ? refused(`No trusted document has the id "${clip(id)}"; documents cannot be registered at run time.`)
      : FREE;
  }
  // A hash with a text: the text must be that very document (an APQ retry of a
  // manifest document), never a new one to register under the hash.
  if (text !== undefined && manifest.hashOfText(text) !== hash) {
    return strict
      ? refused('The text sent with the hash is not that trusted document; documents cannot be registered at run time.')
      : FREE;
  }
  return { kind: 'manifest', hash, query };
}

function apqHashOf(extensions: DocumentRequest['extensions']): string | undefined {
  const persisted = extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

// An id is the client's own input: echoed, but bounded.
const clip = (id: string) => (id.length > 80 ? `${id.slice(0, 80)}...` : id);

const refused = (message: string): TrustedDocumentVerdict => ({
  kind: 'refused',
  error: new AppError('PERSISTED_QUERY_NOT_IN_LIST', message),
});
