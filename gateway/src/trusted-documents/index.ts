export { checkLiveOperation, sseRefusal, type LiveOperationPayload } from './live';
export {
  loadTrustedDocuments,
  normaliseDocument,
  sha256Hex,
  trustedDocumentsFrom,
  type TrustedDocuments,
} from './manifest';
export { resolveTrustedDocument, type DocumentRequest, type TrustedDocumentVerdict } from './resolve';
export { DEFAULT_TRUSTED_DOCUMENTS_PATH, trustedDocumentsConfig } from './trusted-documents.config';
export { trustedDocuments, type TrustedDocumentsContext } from './trusted-documents.plugin';
