import {
  IntLimits,
  TextLimits,
  checkInt,
  checkText,
  inputBound,
  intBound,
  problemsOf,
  textBound,
  type InputProblem,
} from '@supply-graph/shared';
import { Field, ID, InputType, Int } from 'type-graphql';
import { TransferStatus } from './transfer-status';

const chars = (max: number, multiline = false) => textBound(max, { multiline }).description;

/** Units one transfer (or one receipt) may move: as much as one stock correction. */
export const TRANSFER_UNITS = { min: 1, max: IntLimits.stockDelta.max } as const;
export const transferUnitsBound = intBound(TRANSFER_UNITS);

@InputType({ description: 'Units to send from one warehouse to another.' })
export class TransferStockInput {
  @Field(() => ID, { description: chars(TextLimits.sku) })
  sku: string;

  @Field(() => ID, { description: `The warehouse the units leave. ${chars(TextLimits.id)}` })
  fromWarehouseId: string;

  @Field(() => ID, { description: `The warehouse they go to, not the source. ${chars(TextLimits.id)}` })
  toWarehouseId: string;

  @Field(() => Int, {
    description:
      `${TRANSFER_UNITS.min}..${TRANSFER_UNITS.max}; at most what the source has available (on hand - reserved - ` +
      'safety stock), or on hand - reserved with allowBelowSafetyStock.',
  })
  quantity: number;

  @Field(() => String, { description: `Why, for the ledger. Not blank. ${chars(TextLimits.reason, true)}` })
  reason: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The operator's transfer document number, unique: sending again with it returns the transfer it made " +
      `(a safe retry) instead of sending twice; with other figures it is CONFLICT. ${chars(TextLimits.externalId)}`,
  })
  reference?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'Also take units the source keeps as safety stock (emptying a warehouse, or a need elsewhere judged more ' +
      'urgent). Reserved units are never taken.',
  })
  allowBelowSafetyStock?: boolean | null;
}

/** The bound of a `TransferStockInput` (the service checks what the values mean). */
export const transferStockBound = inputBound((input) =>
  problemsOf(
    checkText('sku', input.sku, { max: TextLimits.sku }),
    checkText('fromWarehouseId', input.fromWarehouseId, { max: TextLimits.id }),
    checkText('toWarehouseId', input.toWarehouseId, { max: TextLimits.id }),
    checkInt('quantity', input.quantity, TRANSFER_UNITS),
    checkText('reason', input.reason, { max: TextLimits.reason, multiline: true }),
    checkText('reference', input.reference, { max: TextLimits.externalId }),
  ),
);

@InputType({ description: 'Conditions on transfers; the given ones combine with AND.' })
export class TransferFilter {
  @Field(() => ID, { nullable: true, description: chars(TextLimits.sku) })
  sku?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: `Transfers from or to this warehouse; an id that is not a UUID matches nothing. ${chars(TextLimits.id)}`,
  })
  warehouseId?: string | null;

  @Field(() => TransferStatus, { nullable: true })
  status?: TransferStatus | null;
}

export const transferFilterBound = inputBound((filter): InputProblem[] =>
  problemsOf(
    checkText('filter.sku', filter.sku, { max: TextLimits.sku }),
    checkText('filter.warehouseId', filter.warehouseId, { max: TextLimits.id }),
  ),
);
