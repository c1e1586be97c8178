import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { parse } from 'graphql';
import { z } from 'zod';

/** sha256 of a document's text, lowercase hex: the manifest's keys and Apollo APQ's `sha256Hash`. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The persisted-documents manifest that `npm run codegen` writes (client preset
 * `persistedDocuments`): document hash -> document text.
 */
export interface TrustedDocuments {
  readonly size: number;
  /** The manifest text under `hash` (bare hex, or `sha256:`-prefixed as GraphQL over HTTP writes it). */
  textOf(hash: string): string | undefined;
  /**
   * The hash of the manifest document `text` is, if any. "Is" means the same
   * document after codegen's own normalisation (see `normaliseDocument`), so a
   * client may send the text as written in its `.graphql` file or as printed by
   * its GraphQL library; unparseable text is no manifest document.
   */
  hashOfText(text: string): string | undefined;
}

/**
 * The form codegen hashes: `printExecutableGraphQLDocument` of @graphql-tools/documents
 * (the client preset's `normalizeAndPrintDocumentNode`), which drops comments and
 * spacing and sorts definitions, selections (except a mutation's root fields,
 * whose order is execution order), variables and arguments. Byte equality would
 * match no client that does not send codegen's exact string (Apollo Client and
 * `print()` send a pretty-printed, unsorted text); graphql's `print` alone keeps
 * source order, so it would not meet the sorted manifest text either. What a
 * match runs is the manifest's own text, never the client's (see the plugin),
 * so the leeway of the normalisation cannot smuggle anything in.
 */
export function normaliseDocument(text: string): string | undefined {
  try {
    return printExecutableGraphQLDocument(parse(text, { noLocation: true }));
  } catch {
    return undefined;
  }
}

const manifestShape = z.record(z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256'), z.string().min(1));

/**
 * Checks a manifest object and indexes it both ways. Every key must be the
 * sha256 of its text: a hand-edited or differently hashed manifest is refused
 * (the gateway does not start) rather than trusted.
 */
export function trustedDocumentsFrom(json: unknown, source = 'the manifest'): TrustedDocuments {
  const parsed = manifestShape.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `${source} is not a persisted-documents manifest ({ "<sha256>": "<document>" }): ` +
        `${parsed.error.issues[0]?.message}`,
    );
  }
  const byHash = new Map<string, string>();
  const byNormalised = new Map<string, string>();
  for (const [hash, text] of Object.entries(parsed.data)) {
    if (sha256Hex(text) !== hash)
      throw new Error(`${source}: key ${hash} is not the sha256 of its document (run npm run codegen)`);
    const normalised = normaliseDocument(text);
    if (normalised === undefined) throw new Error(`${source}: the document under ${hash} does not parse`);
    byHash.set(hash, text);
    byNormalised.set(normalised, hash);
  }
  return {
    size: byHash.size,
    textOf: (hash) => byHash.get(hash.startsWith('sha256:') ? hash.slice('sha256:'.length) : hash),
    hashOfText(text) {
      // Codegen's exact string (what a generated client sends) needs no parse.
      const exact = sha256Hex(text);
      if (byHash.has(exact)) return exact;
      const normalised = normaliseDocument(text);
      return normalised === undefined ? undefined : byNormalised.get(normalised);
    },
  };
}

/** Reads the manifest at `path` (TRUSTED_DOCUMENTS_PATH) once, at start-up. */
export function loadTrustedDocuments(path: string): TrustedDocuments {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(
      `cannot read the persisted-documents manifest ${path} (TRUSTED_DOCUMENTS_PATH): ${(err as Error).message}`,
    );
  }
  return trustedDocumentsFrom(json, path);
}
