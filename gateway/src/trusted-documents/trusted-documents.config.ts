import path from 'node:path';
import { z } from 'zod';

/**
 * The committed manifest. Codegen writes it beside the typed client it belongs
 * to (e2e/generated/, with the operations it hashes), outside the gateway's
 * package; like DEFAULT_SUPERGRAPH_PATH it is resolved from this package's own
 * location (src/ under ts-jest, dist/ when built: the same depth), so it holds
 * in a checkout and in the image (which copies the whole tree), and
 * TRUSTED_DOCUMENTS_PATH points elsewhere when a deployment ships its own.
 */
export const DEFAULT_TRUSTED_DOCUMENTS_PATH = path.resolve(
  __dirname,
  '../../../e2e/generated/persisted-documents.json',
);

/**
 * Zod shape fragment of the gateway config:
 * - TRUSTED_DOCUMENTS_PATH: the persisted-documents manifest (`npm run codegen`,
 *   client preset `persistedDocuments`, sha256) that API clients with
 *   `trustedDocumentsOnly` are held to (default: `e2e/generated/persisted-documents.json`
 *   at the repo root). Read at start; a missing file or a key that is not the
 *   sha256 of its document stops the start.
 */
export const trustedDocumentsConfig = {
  TRUSTED_DOCUMENTS_PATH: z.string().min(1).default(DEFAULT_TRUSTED_DOCUMENTS_PATH),
};
