import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "A box of a warehouse's catalogue; dimensions are inside measures in mm." })
export class Box {
  @Field(() => String, { description: 'The code pickers know it by, unique in its warehouse.' })
  code: string;

  @Field(() => Int)
  lengthMm: number;

  @Field(() => Int)
  widthMm: number;

  @Field(() => Int)
  heightMm: number;

  @Field(() => Int, { description: 'The most the packed box may weigh, its tare included.' })
  maxWeightGrams: number;

  @Field(() => Int, { description: "The empty box's own weight." })
  tareGrams: number;

  @Field(() => Boolean, { description: "The warehouse's default box: the one used without a packer (KPI baseline)." })
  isDefault: boolean;

  @Field(() => Float, { description: 'Inside volume, cm3.' })
  volumeCm3: number;
}

@ObjectType({ description: "A product's packed size (its retail packaging) in mm." })
export class ProductDimensions {
  @Field(() => Int)
  lengthMm: number;

  @Field(() => Int)
  widthMm: number;

  @Field(() => Int)
  heightMm: number;

  @Field(() => Float, { description: 'cm3.' })
  volumeCm3: number;
}

@ObjectType({ description: "A warehouse's packaging over a range of days, against its default box." })
export class PackagingKpi {
  @Field(() => ID)
  warehouseId: string;

  @Field(() => Int, { description: 'Shipments (orders) packed at the warehouse in the range.' })
  shipmentsPacked: number;

  @Field(() => Int, { description: 'Parcels they went out in.' })
  packages: number;

  @Field(() => Float, { description: "The units' own volume, cm3." })
  itemsVolumeCm3: number;

  @Field(() => Float, { description: 'Volume of the boxes chosen, cm3.' })
  boxVolumeCm3: number;

  @Field(() => Float, { description: 'Volume of the default boxes the same units would have needed, cm3.' })
  defaultBoxVolumeCm3: number;

  @Field(() => Float, { nullable: true, description: 'Share of the chosen boxes that is empty (0..1); null: none.' })
  voidFill: number | null;

  @Field(() => Float, { nullable: true, description: 'Share that would be empty with the default box (0..1).' })
  voidFillWithDefaultBox: number | null;

  @Field(() => Float, { description: 'defaultBoxVolumeCm3 - boxVolumeCm3: air not shipped.' })
  volumeSavedCm3: number;
}
