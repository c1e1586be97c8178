import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A parcel carrier.' })
export class Carrier {
  @Field(() => ID, { description: 'Carrier code, e.g. "sf", "zto", "jd-logistics".' })
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'How the carrier moves parcels: ROAD, AIR or EXPRESS.' })
  mode: string;
}
