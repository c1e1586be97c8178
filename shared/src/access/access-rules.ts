import { Directive } from 'type-graphql';
import { INTERNAL_SCOPE, type Scope } from './scopes';

/**
 * Access rules are data in the schema: these decorators write Federation's
 * `@requiresScopes` / `@authenticated` on a field (or a query or mutation),
 * composition carries them into the supergraph where anyone can read them,
 * and `enforceAccess` (enforce-access.ts) applies what the schema says in the
 * subgraph that resolves the field.
 *
 * `RequiresScopes('orders:read')`: that scope. `RequiresScopes('a', 'b')`:
 * either one. `RequiresScopes(['a', 'b'])`: both.
 */
export function RequiresScopes(...anyOf: (Scope | Scope[])[]): MethodDecorator & PropertyDecorator & ClassDecorator {
  return requiresScopesDirective(anyOf.map((entry) => (Array.isArray(entry) ? entry : [entry])));
}

/** Any verified caller (e.g. `viewer`). */
export const Authenticated = (): MethodDecorator & PropertyDecorator & ClassDecorator => Directive('@authenticated');

/**
 * Services only (the gateway's replay, peers' questions): left out of the
 * public graph (`@inaccessible`) and open only to the platform's own internal scope.
 */
export function InternalOnly(): MethodDecorator & PropertyDecorator {
  const inaccessible = Directive('@inaccessible');
  const scoped = requiresScopesDirective([[INTERNAL_SCOPE]]);
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    inaccessible(target, key, descriptor as never);
    scoped(target, key, descriptor as never);
  };
}

function requiresScopesDirective(groups: string[][]) {
  return Directive(`@requiresScopes(scopes: ${JSON.stringify(groups)})`);
}
