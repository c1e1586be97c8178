import { BoundedArg, RequiresScopes } from '@supply-graph/shared';
import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { operatorService } from './operator.service';
import { OperatorInput, operatorInputBound } from './work-item.input';
import { Operator } from './work-item.type';

/** The desk's operators: who gets work items, by skill and capacity. */
@Resolver(() => Operator)
export class OperatorResolver {
  @RequiresScopes('desk:read')
  @Query(() => [Operator], {
    description: 'Every operator with their open load, by sub. FORBIDDEN for a channel-scoped caller.',
  })
  operators(@Ctx() ctx: OrdersContext): Promise<Operator[]> {
    return operatorService.list(ctx);
  }

  @RequiresScopes('desk:write')
  @Mutation(() => Operator, {
    description:
      'Creates or changes an operator (by sub). Waiting items of their skills are assigned to them at once while ' +
      'they have room. FORBIDDEN for a channel-scoped caller.',
  })
  upsertOperator(
    @BoundedArg('input', () => OperatorInput, operatorInputBound) input: OperatorInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<Operator> {
    return operatorService.upsert(ctx, input);
  }
}
