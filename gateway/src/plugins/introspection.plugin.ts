import type { ApolloServerPlugin } from '@apollo/server';
import { AppError } from '@supply-graph/shared';
import { Kind, type SelectionSetNode } from 'graphql';
import type { GatewayContext } from '../context';

/**
 * In production only staff (people with a token of their own, not API
 * clients) may read the schema by introspection: partners get the contract,
 * not a map of everything. Outside production anyone verified may.
 */
export function staffOnlyIntrospection(production: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      if (!production) return;
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (contextValue.principal.kind === 'user' || !introspects(operation?.selectionSet)) return;
          throw new AppError('FORBIDDEN', 'Introspection is open to staff tokens only', { http: { status: 403 } });
        },
      };
    },
  };
}

function introspects(selectionSet: SelectionSetNode | undefined): boolean {
  return (selectionSet?.selections ?? []).some(
    (s) =>
      (s.kind === Kind.FIELD && (s.name.value === '__schema' || s.name.value === '__type')) ||
      (s.kind === Kind.INLINE_FRAGMENT && introspects(s.selectionSet)),
  );
}
