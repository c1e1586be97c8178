import {
  TextLimits,
  checkInt,
  checkListSize,
  checkText,
  inputBound,
  problemsOf,
  type Bound,
} from '@supply-graph/shared';
import { Field, InputType, Int } from 'type-graphql';

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
  @Field(() => String, { description: `Unique in the catalogue. ${TextLimits.code} characters at most.` })
  code: string;

  @Field(() => Int, { description: `${SIDE_MM.min}..${SIDE_MM.max} mm.` })
  lengthMm: number;

  @Field(() => Int, { description: `${SIDE_MM.min}..${SIDE_MM.max} mm.` })
  widthMm: number;

  @Field(() => Int, { description: `${SIDE_MM.min}..${SIDE_MM.max} mm.` })
  heightMm: number;

  @Field(() => Int, {
    description: `The most the packed box may weigh, tare included; above the tare, at most ${WEIGHT_GRAMS.max} g.`,
  })
  maxWeightGrams: number;

  @Field(() => Int, { description: `The empty box's weight, 0..${WEIGHT_GRAMS.max} g.` })
  tareGrams: number;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'The default box; at most one.' })
  isDefault?: boolean | null;
}

/** The bound of the box list: its size and each box's figures, every problem named by index. */
export const boxesBound: Bound = {
  description: `At most ${MAX_BOXES} boxes.`,
  check(value, field) {
    const size = checkListSize(field, value, MAX_BOXES);
    if (size || !Array.isArray(value)) return problemsOf(size);
    return (value as Record<string, unknown>[]).flatMap((b, i) =>
      problemsOf(
        checkText(`${field}[${i}].code`, b.code, { max: TextLimits.code }),
        checkInt(`${field}[${i}].lengthMm`, b.lengthMm, SIDE_MM),
        checkInt(`${field}[${i}].widthMm`, b.widthMm, SIDE_MM),
        checkInt(`${field}[${i}].heightMm`, b.heightMm, SIDE_MM),
        checkInt(`${field}[${i}].tareGrams`, b.tareGrams, WEIGHT_GRAMS),
        checkInt(`${field}[${i}].maxWeightGrams`, b.maxWeightGrams, { min: 1, max: 2 * WEIGHT_GRAMS.max }),
      ),
    );
  },
};
