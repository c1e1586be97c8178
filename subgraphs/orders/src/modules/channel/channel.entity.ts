import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ChannelKindName } from '@supply-graph/shared';

/** A sales channel orders arrive through (webstore, marketplaces, social commerce, shops). */
@Entity({ name: 'channel' })
export class ChannelEntity {
  /** Short lower-case code, e.g. "tmall"; orders reference it. */
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: ChannelKindName;
}
