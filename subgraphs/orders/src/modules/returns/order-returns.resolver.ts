import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { OrdersContext } from '../../context';
import { Money } from '../../common/money.type';
import { Order, OrderLine } from '../order/order.type';
import { fromMinor, toMinor } from './refund';
import { Return, ReturnState, ReturnStatus } from './return.type';

/**
 * What returns add to an order. The order's own status never moves for a
 * return (RETURNED means the whole shipment came back to the sender, and
 * inventory restocks the whole order on it): how much came back is `returnState`.
 */
@Resolver(() => Order)
export class OrderReturnsResolver {
  @FieldResolver(() => [Return], { description: 'Returns of the order, oldest request first.' })
  returns(@Root() order: Order, @Ctx() ctx: OrdersContext): Promise<Return[]> {
    return ctx.loaders.returnsByOrderId.load(order.id);
  }

  @FieldResolver(() => ReturnState, {
    description:
      'NONE, PARTIAL or FULL: the units in returns that are not rejected (requested ones included) against the ' +
      "order's units. The order's status stays as it is.",
  })
  async returnState(@Root() order: Order, @Ctx() ctx: OrdersContext): Promise<ReturnState> {
    const [lines, returned] = await Promise.all([
      ctx.loaders.linesByOrderId.load(order.id),
      ctx.loaders.returnedUnitsByOrderId.load(order.id),
    ]);
    const units = [...returned.values()].reduce((a, b) => a + b, 0);
    if (units === 0) return ReturnState.NONE;
    return lines.every((l) => (returned.get(l.lineNo) ?? 0) >= l.quantity) ? ReturnState.FULL : ReturnState.PARTIAL;
  }

  @FieldResolver(() => Money, {
    description: 'What its REFUNDED returns paid back, shipping included ("0.00" when none).',
  })
  async refunded(@Root() order: Order, @Ctx() ctx: OrdersContext): Promise<Money> {
    const returns = await ctx.loaders.returnsByOrderId.load(order.id);
    const minor = returns
      .filter((r) => r.status === ReturnStatus.REFUNDED && r.refund)
      .reduce((sum, r) => sum + toMinor(r.refund!.amount), 0n);
    return { amount: fromMinor(minor), currency: order.currency };
  }
}

@Resolver(() => OrderLine)
export class OrderLineReturnsResolver {
  @FieldResolver(() => Int, { description: 'Units of this line in returns that are not rejected.' })
  async returnedQuantity(@Root() line: OrderLine, @Ctx() ctx: OrdersContext): Promise<number> {
    if (!line.orderId || line.lineNo === undefined) return 0;
    return (await ctx.loaders.returnedUnitsByOrderId.load(line.orderId)).get(line.lineNo) ?? 0;
  }
}
