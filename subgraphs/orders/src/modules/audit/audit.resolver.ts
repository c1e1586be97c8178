import { BoundedArg, Bounds, RequiresScopes } from '@supply-graph/shared';
import { Ctx, Int, Query, Resolver } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { AuditEvent, AuditEventConnection } from './audit-event.type';
import { AuditFilter, auditFilterBound } from './audit-filter.input';
import { auditService, DEFAULT_AUDIT_PAGE } from './audit.service';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @RequiresScopes('audit:read')
  @Query(() => AuditEventConnection, {
    description:
      'The audit trail of every service, newest first (at, then id): every mutation, allowed or refused, and every ' +
      'read of real PII values. A caller limited to channels sees the entries of those channels only.',
  })
  auditEvents(
    @BoundedArg('first', () => Int, Bounds.pageSize, { nullable: true, defaultValue: DEFAULT_AUDIT_PAGE }) first:
      | number
      | null,
    @BoundedArg('after', () => String, Bounds.cursor, { nullable: true }) after: string | null,
    @BoundedArg('filter', () => AuditFilter, auditFilterBound, { nullable: true }) filter: AuditFilter | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<AuditEventConnection> {
    return auditService.list(ctx, { first, after, filter });
  }
}
