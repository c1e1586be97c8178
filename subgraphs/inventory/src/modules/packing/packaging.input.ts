import {
  TextLimits,
  checkInt,
  checkListSize,
  checkText,
  inputBound,
  problemsOf,
  type Bound,
} from '@supply-graph/shared';
import { Field, ID, InputType, Int } from 'type-graphql';

/** A side of a product or a box: 1 mm to 3 m. */
export const SIDE_MM = { min: 1, max: 3_000 } as const;
/** Weights: up to 100 kg. */
export const WEIGHT_GRAMS = { min: 0, max: 100_000 } as const;
/** Boxes one warehouse keeps. */
export const MAX_BOXES = 30;

@InputType({ description: "A product's packed size and weight." })
export class ProductDimensionsInput {
  @Field(() => Int, { description: `${SIDE_MM.min}..${SIDE_MM.max} mm.` })
  lengthMm: number;

  @Field(() => Int, { description: `${SIDE_MM.min}..${SIDE_MM.max} mm.` })
  widthMm: number;

  @Field(() => Int, { description: `${SIDE_MM.min}..${SIDE_MM.max} mm.` })
  heightMm: number;

  @Field(() => Int, {
    nullable: true,
    description: `Shipping weight of one unit, 1..${WEIGHT_GRAMS.max} g; unchanged if absent.`,
  })
  weightGrams?: number | null;
}

export const productDimensionsBound = inputBound((input) =>
  problemsOf(
    checkInt('lengthMm', input.lengthMm, SIDE_MM),
    checkInt('widthMm', input.widthMm, SIDE_MM),
    checkInt('heightMm', input.heightMm, SIDE_MM),
    checkInt('weightGrams', input.weightGrams, { min: 1, max: WEIGHT_GRAMS.max }),
  ),
);

@InputType({ description: 'A box of a warehouse catalogue, inside measures.' })
export class BoxInput {
  @Field(() => String, { description: `Unique in the catalogue. At most ${TextLimits.code} characters.` })
  code: string;

  @Field(() => Int, { description: `${SIDE_MM.min}..${SIDE_MM.max} mm.` })
  lengthMm: number;

  @Field(() => Int, { description: `${SIDE_MM.min}..${SIDE_MM.max} mm.` })
  widthMm: number;

  @Field(() => Int, { description: `${SIDE_MM.min}..${SIDE_MM.max} mm.` })
  heightMm: number;

  @Field(() => Int, {
    description: `The most the packed box may weigh, tare included: 1..${2 * WEIGHT_GRAMS.max} g.`,
  })
  maxWeightGrams: number;

  @Field(() => Int, { description: `The empty box's weight, 0..${WEIGHT_GRAMS.max} g.` })
  tareGrams: number;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'The default box; at most one.' })
  isDefault?: boolean | null;
}

@InputType({ description: "A warehouse's whole box catalogue (it replaces the one it has)." })
export class SetWarehouseBoxesInput {
  @Field(() => ID, { description: `At most ${TextLimits.id} characters.` })
  warehouseId: string;

  @Field(() => [BoxInput], { description: `At most ${MAX_BOXES}; empty: no packing at this warehouse.` })
  boxes: BoxInput[];
}

/** The bound of the input: the id, the list's size and each box's figures, every problem named by index. */
export const setWarehouseBoxesBound: Bound = {
  description: '',
  check(value) {
    if (!value || typeof value !== 'object') return [];
    const { warehouseId, boxes } = value as { warehouseId?: unknown; boxes?: unknown };
    const size = checkListSize('boxes', boxes, MAX_BOXES);
    const id = checkText('warehouseId', warehouseId, { max: TextLimits.id });
    if (size || !Array.isArray(boxes)) return problemsOf(id, size);
    return problemsOf(id).concat(boxProblems(boxes as Record<string, unknown>[], 'boxes'));
  },
};

function boxProblems(boxes: Record<string, unknown>[], field: string) {
  return boxes.flatMap((b, i) =>
    problemsOf(
      checkText(`${field}[${i}].code`, b.code, { max: TextLimits.code }),
      checkInt(`${field}[${i}].lengthMm`, b.lengthMm, SIDE_MM),
      checkInt(`${field}[${i}].widthMm`, b.widthMm, SIDE_MM),
      checkInt(`${field}[${i}].heightMm`, b.heightMm, SIDE_MM),
      checkInt(`${field}[${i}].tareGrams`, b.tareGrams, WEIGHT_GRAMS),
      checkInt(`${field}[${i}].maxWeightGrams`, b.maxWeightGrams, { min: 1, max: 2 * WEIGHT_GRAMS.max }),
    ),
  );
}
