import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** How a channel reaches buyers. */
export enum ChannelKind {
  WEBSTORE = 'WEBSTORE',
  MARKETPLACE = 'MARKETPLACE',
  SOCIAL = 'SOCIAL',
  OFFLINE = 'OFFLINE',
}

registerEnumType(ChannelKind, { name: 'ChannelKind', description: 'How a channel reaches buyers.' });

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A sales channel orders arrive through.' })
export class Channel {
  @Field(() => ID, { description: 'e.g. "webstore", "shopify", "tmall", "jd", "douyin", "amazon", "pos".' })
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => ChannelKind)
  kind: ChannelKind;
}
