import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { EventTypes, type AuditRecorded, type DomainEvent, type EventBus, type Logger } from '@supply-graph/shared';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from '../context';

/** What the gateway itself refuses before any subgraph sees the request. */
const GATEWAY_REFUSALS = new Set(['RATE_LIMITED', 'QUERY_TOO_COMPLEX', 'PERSISTED_QUERY_NOT_IN_LIST']);

/**
 * A mutation the gateway refuses (rate limit, operation limits, trusted
 * documents) never reaches the subgraph that would record it, so the
 * gateway records it: one `audit.recorded` per root field, on the bus, kept
 * by orders like every other entry. No change happened, so there is no
 * transaction to share; a bus that cannot take the entry costs a warning.
 * The refusing plugins put a stand-in in place of a refused document, so the
 * request's own text is kept from its start (this plugin runs first) and
 * read only when a refusal is sent.
 */
export function auditGatewayRefusals(
  bus: EventBus,
  logger: Logger,
  maxTokens: number,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      const text = request.query;
      const operationName = request.operationName;
      return {
        async willSendResponse({ response, contextValue }) {
          if (!text || !/\bmutation\b/.test(text) || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          const code = errors
            ?.map((e) => e.extensions?.code)
            .find((c): c is string => typeof c === 'string' && GATEWAY_REFUSALS.has(c));
          if (!code || data) return;
          const fields = mutationFields(text, operationName, maxTokens);
          if (!fields) return;
          const at = new Date().toISOString();
          const events: DomainEvent<AuditRecorded>[] = (fields.length ? fields : ['mutation']).map((action) => ({
            eventId: randomUUID(),
            type: EventTypes.auditRecorded,
            aggregateType: 'audit',
            aggregateId: randomUUID(),
            aggregateVersion: 1,
            occurredAt: at,
            source: 'gateway',
            payload: {
              at,
              actor: contextValue.principal.sub,
              action,
              target: null,
              channel: null,
              requestId: contextValue.requestId,
              outcome: code,
            },
          }));
          await bus
            .publish(events)
            .catch((err: unknown) => logger.warn({ err, code }, 'a refused mutation could not be audited'));
        },
      };
    },
  };
}

/**
 * The root fields of the mutation the text names; null when it is no mutation; [] when it cannot be read (too long).
 */
function mutationFields(text: string, operationName: string | undefined, maxTokens: number): string[] | null {
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(text, { maxTokens }).definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
  } catch {
    return [];
  }
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (operation?.operation !== 'mutation') return null;
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}
