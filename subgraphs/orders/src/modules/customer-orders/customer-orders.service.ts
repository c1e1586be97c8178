import type { Page } from '@supply-graph/shared';
import type { OrdersContext } from '../../context';
import { orderPageArgs } from '../order/order-page';
import type { OrderListArgs } from '../order/order.service';
import type { Order } from '../order/order.type';

/** The orders of one customer, as seen from the Customer entity. */
export const customerOrdersService = {
  /**
   * The customer's orders, newest first. Arguments are checked before loading
   * so a bad `first` or `after` is BAD_USER_INPUT for this field only; the
   * filter's own customerId, when given, is ANDed with the customer, and a
   * channel-scoped caller gets only the orders of its channels.
   */
  orders(ctx: OrdersContext, customerId: string, args: OrderListArgs): Promise<Page<Order>> {
    const pageArgs = orderPageArgs(args.first, args.after, args.filter, ctx.principal);
    return ctx.loaders.ordersByCustomer.load({ customerId, args: pageArgs });
  },
};
