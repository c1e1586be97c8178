import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Units of one SKU in a package.' })
export class PackageItem {
  @Field(() => String)
  sku: string;

  @Field(() => Int)
  quantity: number;
}

@ObjectType({ description: 'One box of a shipment, as inventory packed it when the stock was reserved.' })
export class ShipmentPackage {
  @Field(() => Int, { description: '1, 2, ... within the shipment.' })
  packageNo: number;

  @Field(() => String, {
    nullable: true,
    description: "The box's code in the warehouse's catalogue; null: a unit no box holds, in its own packaging.",
  })
  boxCode: string | null;

  @Field(() => Int, { description: "The box's inside length (mm), or the unit's own." })
  lengthMm: number;

  @Field(() => Int)
  widthMm: number;

  @Field(() => Int)
  heightMm: number;

  @Field(() => Int, { description: 'Gross weight: the units and the empty box.' })
  weightGrams: number;

  @Field(() => Float, { description: "The units' own volume, cm3." })
  itemsVolumeCm3: number;

  @Field(() => Float, { description: "The box's volume, cm3." })
  boxVolumeCm3: number;

  @Field(() => Float, { description: "What the warehouse's default box(es) would have taken for the same units, cm3." })
  defaultBoxVolumeCm3: number;

  @Field(() => Float, { description: 'Share of the box that is empty (0..1), filled with void fill.' })
  voidFill: number;

  @Field(() => Boolean, { description: 'Some unit had no measured dimensions and was packed with a default size.' })
  assumedDimensions: boolean;

  @Field(() => [PackageItem])
  items: PackageItem[];
}
