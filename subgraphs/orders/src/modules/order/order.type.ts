import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '@supply-graph/shared';
import { Address } from '../../common/address.type';
import { Money } from '../../common/money.type';
import { ProductRef } from './product-ref.type';

/** The order lifecycle; its transitions are the table in lifecycle/order-status.machine.ts. */
export enum OrderStatus {
  PENDING = 'PENDING',
  ALLOCATED = 'ALLOCATED',
  BACKORDERED = 'BACKORDERED',
  ON_HOLD = 'ON_HOLD',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
  RETURNED = 'RETURNED',
}

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  valuesConfig: {
    PENDING: { description: 'Accepted, not yet allocated to stock.' },
    ALLOCATED: { description: 'Stock reserved in one or more warehouses.' },
    BACKORDERED: { description: 'Could not be fully allocated.' },
    ON_HOLD: {
      description: 'Held by a risk rule, by an operator, or because an event about it was parked (see `parkedEvents`).',
    },
    SHIPPED: { description: 'Every shipment handed to a carrier.' },
    DELIVERED: {},
    CANCELLED: {},
    RETURNED: {},
  },
});

@ObjectType({ description: 'One line of an order.' })
export class OrderLine {
  /** The order and line number, for fields other modules add to a line (returns' `returnedQuantity`). */
  orderId?: string;

  lineNo?: number;

  @Field(() => String)
  sku: string;

  @Field(() => ProductRef, { nullable: true, description: 'Resolved by inventory.' })
  product: ProductRef | null;

  @Field(() => Int)
  quantity: number;

  @Field(() => Money, { description: "Price of one unit, in the order's currency." })
  unitPrice: Money;

  @Field(() => Boolean, { description: 'A presale line is filled from presale stock only.' })
  presale: boolean;
}

@ObjectType({ description: 'One step of an order status history.' })
export class OrderStatusChange {
  @Field(() => OrderStatus, { nullable: true, description: 'Null for the first entry (the order was created).' })
  from: OrderStatus | null;

  @Field(() => OrderStatus)
  to: OrderStatus;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { nullable: true })
  reason: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An order from any channel.' })
export class Order {
  @Field(() => ID)
  id: string;

  /** Resolved through the channel loader by `Order.channel`. */
  channelCode: string;

  /** The Customer reference returned by `Order.customer`; null while the buyer awaits identification. */
  customerId: string | null;

  /** Currency of every amount of the order, lines included. */
  currency: string;

  @Field(() => String, { description: "The channel's own order number; unique per channel." })
  externalId: string;

  @Field(() => OrderStatus)
  status: OrderStatus;

  @Field(() => Int, { description: 'Increases by one on every status change.' })
  version: number;

  @Field(() => Money, {
    description:
      'What the buyer pays: lines less discounts, plus shipping, plus tax the channel added on top of the prices.',
  })
  total: Money;

  @Field(() => Money, {
    description:
      'Tax the buyer pays on the order; part of `total` either way: added on top of the prices, or already inside ' +
      'them (then not added again). "0.00" when the channel states no tax.',
  })
  tax: Money;

  @Field(() => Address)
  shippingAddress: Address;

  @Field(() => Date)
  placedAt: Date;

  @Field(() => Float, { description: '0 (clean) .. 1 (certain fraud).' })
  riskScore: number;

  @Field(() => [String], { description: 'Machine-readable codes of the risk rules that fired.' })
  riskFlags: string[];
}

@ObjectType()
export class OrderEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Order)
  node: Order;
}

@ObjectType()
export class OrderConnection {
  @Field(() => [OrderEdge])
  edges: OrderEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'All orders matching the filter, across pages.' })
  totalCount: number;
}

@ObjectType({ description: 'Result of placing or importing an order.' })
export class OrderPayload {
  @Field(() => Order, { nullable: true })
  order: Order | null;

  @Field(() => Boolean, { description: 'False when an earlier call with the same channel and externalId made it.' })
  created: boolean;
}

@ObjectType({ description: 'A status change of one order, as delivered to subscribers.' })
export class OrderStatusEvent {
  @Field(() => ID, { description: 'Unique, increasing per order.' })
  eventId: string;

  @Field(() => Order, { description: 'The whole federated Order: any field of any subgraph may be selected.' })
  order: Order;

  @Field(() => OrderStatus, { nullable: true })
  from: OrderStatus | null;

  @Field(() => OrderStatus)
  to: OrderStatus;

  @Field(() => Date)
  at: Date;
}
