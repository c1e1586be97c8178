import { intBound, jsonBound, textBound } from './bounds';
import { IntLimits, JsonLimits, TextLimits } from './limits';

/** The bounds arguments share across subgraphs, for `@BoundedArg`. */
export const Bounds = {
  id: textBound(TextLimits.id),
  code: textBound(TextLimits.code),
  sku: textBound(TextLimits.sku),
  externalId: textBound(TextLimits.externalId),
  reason: textBound(TextLimits.reason, { multiline: true }),
  search: textBound(TextLimits.search),
  cursor: textBound(TextLimits.cursor),
  pageSize: intBound(IntLimits.pageSize),
  channelPayload: jsonBound({ maxBytes: JsonLimits.payloadBytes, maxDepth: JsonLimits.payloadDepth }),
} as const;
