import type { GraphQLResolveInfo } from 'graphql';
import { Directive, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { recordPiiRead } from './pii-audit';
import { maskPii, type PiiKind } from './pii-mask';
import type { Principal } from './principal';
import type { Scope } from './scopes';

/** The scope that shows PII unmasked (contract/access.graphql). */
export const PII_READ_SCOPE: Scope = 'pii:read';

/**
 * The `@pii` directive marks a PII field in the schema, so the rule is
 * visible in every subgraph's SDL and, composed through its own `@link`
 * (`@composeDirective`), in the supergraph. The URL only names the spec; it
 * is never fetched.
 */
export const PII_SPEC_URL = 'https://supply-graph.dev/pii/v1.0';

/**
 * What a subgraph schema's `extend schema` needs to use `@pii` and have composition keep it (with
 * `@composeDirective` imported from Federation).
 */
export const PII_SCHEMA_LINK = `@link(url: "${PII_SPEC_URL}", import: ["@pii"]) @composeDirective(name: "@pii")`;

/** The directive's definition, the same in every subgraph. */
export const PII_DIRECTIVE_SDL =
  '"""PII: without the scope pii:read the value is masked (kind: email, phone, name or line; formats in ' +
  'shared/src/access/pii-mask.ts); with it the value is shown and the read is audited."""\n' +
  'directive @pii(kind: String!) on FIELD_DEFINITION';

export interface PiiOptions<TRoot> {
  /**
   * Only values of objects for which this holds are PII (e.g. an intake repair of a phone number); the rest pass
   * as they are.
   */
  when?: (root: TRoot) => boolean;
}

/**
 * Marks a field as PII (`@pii(kind: ...)` in the schema) and guards its
 * value: a caller without `pii:read` gets the masked form (see PiiKind), one
 * with it gets the value and the read is recorded (`recordPiiRead`, audited
 * against the object's owner, see `withPiiOwner`). Null and blank values pass as they are.
 * Works wherever the field is resolved: root queries, nested fields, search
 * results and Federation's `_entities`.
 */
export function Pii<TRoot extends object = object>(
  kind: PiiKind,
  options: PiiOptions<TRoot> = {},
): PropertyDecorator & MethodDecorator {
  const guard: MiddlewareFn<object> = async ({ root, context, info }, next) => {
    const value: unknown = await next();
    // Null and blank hide nothing, so they are neither masked nor audited.
    if (value === null || value === undefined || String(value).trim() === '') return value;
    if (options.when && !options.when(root as TRoot)) return value;
    if (!mayReadPii(context)) return maskPii(kind, String(value));
    recordPiiRead(context, { ...auditedObject(root, info), field: `${info.parentType.name}.${info.fieldName}` });
    return value;
  };
  const middleware = UseMiddleware(guard);
  const directive = Directive(`@pii(kind: "${kind}")`);
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    middleware(target, key, descriptor as never);
    directive(target, key, descriptor as never);
  };
}

/** True when the request's caller holds `pii:read`; no principal: false (masked). */
export function mayReadPii(ctx: unknown): boolean {
  return principalOf(ctx)?.scopes.has(PII_READ_SCOPE) ?? false;
}

// Middleware sees the context untyped; a context without a principal (none in a
// sealed subgraph, but possible in a test) reads as "no pii:read": masked.
function principalOf(ctx: unknown): Principal | undefined {
  return (ctx as { principal?: Principal } | null | undefined)?.principal;
}

/** The object a PII read is audited against. */
export interface PiiOwner {
  type: string;
  id: string;
}

const OWNER = Symbol('piiOwner');

/**
 * Names the object whose PII an embedded value holds (an order's shipping
 * address belongs to `Order:<id>`), so its reads are audited against it. Kept
 * as a hidden property: it is not serialised and a copy of the value loses it
 * (its reads are then audited against the value's own type and id).
 */
export function withPiiOwner<T extends object>(value: T, owner: PiiOwner): T {
  Object.defineProperty(value, OWNER, { value: owner, enumerable: false, configurable: true });
  return value;
}

function auditedObject(root: unknown, info: GraphQLResolveInfo): { type: string; id: string | null } {
  const source = root as { [OWNER]?: PiiOwner; id?: unknown } | null;
  const owner = source?.[OWNER];
  if (owner) return { type: owner.type, id: owner.id };
  const id = source?.id;
  return { type: info.parentType.name, id: typeof id === 'string' || typeof id === 'number' ? String(id) : null };
}
