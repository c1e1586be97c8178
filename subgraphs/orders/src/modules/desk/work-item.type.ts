import { PageInfo } from '@supply-graph/shared';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { WorkItemStatus } from './work-item-status';

/** Logistics' Shipment, referenced by id only; this subgraph adds no fields to it. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Shipment')
export class ShipmentRef {
  @Field(() => ID)
  id: string;
}

@ObjectType({ description: "One fact of the alert behind a work item (risk flags, the stock alert's kind, ...)." })
export class WorkItemFact {
  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'The value as text; a list is comma-separated.' })
  value: string;
}

@ObjectType({ description: "One entry of a work item's history: opened, assigned, commented, escalated, resolved." })
export class WorkItemHistoryEntry {
  @Field(() => Date)
  at: Date;

  @Field(() => String, { description: 'Who: an operator\'s sub, "desk" for automatic steps, or the alerting service.' })
  actor: string;

  @Field(() => String, { description: 'OPENED, ASSIGNED, COMMENTED, ESCALATED or RESOLVED.' })
  change: string;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType({
  description:
    'Something an operator must handle, opened from an alert (a risk hold, a logistics exception, a stock alert): ' +
    'typed, prioritised, due by its SLA, assigned by skill and load, resolved with an outcome.',
})
export class WorkItem {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'RISK_HOLD, LOGISTICS_EXCEPTION, LOW_STOCK, OVERSELL_RISK, ...' })
  kind: string;

  @Field(() => Int, { description: '1 (most urgent) .. 5; an escalation raises it by one.' })
  priority: number;

  @Field(() => WorkItemStatus)
  status: WorkItemStatus;

  @Field(() => String, { description: 'The skill an operator needs for it (from its kind).' })
  skill: string;

  @Field(() => String, { description: 'The GraphQL type of what it is about: "Order", "Shipment", "StockLevel".' })
  subjectType: string;

  @Field(() => ID, { description: 'The id of what it is about (a stock level\'s is "<sku>@<warehouseId>").' })
  subjectId: string;

  @Field(() => ID, { nullable: true, description: 'The order it concerns, if any.' })
  orderId: string | null;

  @Field(() => String, { nullable: true })
  channel: string | null;

  @Field(() => String, { nullable: true, description: 'The carrier, for logistics items.' })
  carrier: string | null;

  @Field(() => String, { description: 'One line about it; never personal data.' })
  summary: string;

  @Field(() => [WorkItemFact])
  facts: WorkItemFact[];

  @Field(() => [String], { description: 'The standard checklist of its kind.' })
  checklist: string[];

  @Field(() => String, { nullable: true, description: "The operator's sub; null while it waits for one." })
  assignee: string | null;

  @Field(() => Date)
  dueAt: Date;

  @Field(() => Boolean, { description: 'Not resolved and past its due time.' })
  overdue: boolean;

  @Field(() => Int)
  escalationLevel: number;

  @Field(() => String, { nullable: true })
  outcome: string | null;

  @Field(() => String, { nullable: true })
  cause: string | null;

  @Field(() => String, { nullable: true })
  resolvedBy: string | null;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Int, { description: 'Counts every change.' })
  version: number;
}

@ObjectType()
export class WorkItemEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => WorkItem)
  node: WorkItem;
}

@ObjectType()
export class WorkItemConnection {
  @Field(() => [WorkItemEdge])
  edges: WorkItemEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Items matching the filter (all pages).' })
  totalCount: number;
}

@ObjectType({ description: 'A change of a work item, as `workItemChanged` delivers it.' })
export class WorkItemChangeEvent {
  @Field(() => ID, { description: 'The event id.' })
  eventId: string;

  @Field(() => String, { description: 'OPENED, ASSIGNED, COMMENTED, ESCALATED or RESOLVED.' })
  change: string;

  @Field(() => Date)
  at: Date;

  @Field(() => WorkItem, { description: 'The work item as it is now (at or after the change).' })
  workItem: WorkItem;
}

@ObjectType({ description: 'A staff principal who handles work items: the skills they have and how many they hold.' })
export class Operator {
  @Field(() => ID, { description: "The operator's token sub." })
  sub: string;

  @Field(() => String)
  name: string;

  @Field(() => [String])
  skills: string[];

  @Field(() => Int, { description: 'At most this many open items are assigned to them automatically.' })
  capacity: number;

  @Field(() => Boolean)
  active: boolean;

  @Field(() => Int, { description: 'Work items assigned to them and not resolved.' })
  openItems: number;
}

@ObjectType({ description: 'How well one risk rule holds orders: held, found legitimate or fraudulent.' })
export class RiskRulePrecision {
  @Field(() => String)
  ruleCode: string;

  @Field(() => Int, { description: 'Risk holds it raised (among others or alone) in the window.' })
  held: number;

  @Field(() => Int)
  legitimate: number;

  @Field(() => Int)
  fraudulent: number;

  @Field(() => Number, {
    nullable: true,
    description: 'fraudulent / (legitimate + fraudulent); null while none of its holds is resolved.',
  })
  precision: number | null;
}
