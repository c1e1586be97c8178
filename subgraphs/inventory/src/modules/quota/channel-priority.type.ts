import { Field, Int, ObjectType } from 'type-graphql';
import { DEFAULT_CHANNEL_PRIORITY } from './channel-priority.rule';

@ObjectType({
  description:
    "A channel's rank when stock is short: waiting orders are served by priority (higher first), then age (oldest " +
    'first), and no order takes units that orders of a higher-priority channel wait for. Channel quotas still ' +
    `apply. A channel nobody ranked has priority ${DEFAULT_CHANNEL_PRIORITY}.`,
})
export class ChannelPriority {
  @Field(() => String, { description: 'The channel code, as orders carry it (e.g. "tmall").' })
  channel: string;

  @Field(() => Int, { description: 'Higher is served first.' })
  priority: number;

  @Field(() => Boolean, { description: 'True when nobody set a priority for the channel: the default applies.' })
  isDefault: boolean;

  @Field(() => Date, { nullable: true, description: 'When the priority was last set; null for the default.' })
  updatedAt: Date | null;
}
