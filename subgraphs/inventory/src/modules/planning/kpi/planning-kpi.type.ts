import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "Stock-outs of one channel's demand: units it asked for and units that met no availability, over the range.",
})
export class ChannelStockout {
  @Field(() => String)
  channel: string;

  @Field(() => Int)
  unitsDemanded: number;

  @Field(() => Int)
  unitsShort: number;

  @Field(() => Float, { description: 'unitsShort / unitsDemanded, 0..1.' })
  stockoutRate: number;
}

@ObjectType({
  description:
    'Planning KPIs of one warehouse, one product (at one warehouse or all), or the whole network, over a range of ' +
    'UTC days (from and to inclusive). Turnover and forecast accuracy are figures of the stock, whichever channel ' +
    'sold it; the demand and stock-out figures count the channels the caller may see (and the one asked for).',
})
export class PlanningKpi {
  @Field(() => String, { description: 'First day of the range, YYYY-MM-DD (UTC).' })
  from: string;

  @Field(() => String, { description: 'Last day of the range, YYYY-MM-DD (UTC), inclusive.' })
  to: string;

  @Field(() => Int, { description: 'Days in the range.' })
  days: number;

  @Field(() => ID, { nullable: true, description: 'The warehouse; null when the figures cover every warehouse.' })
  warehouseId: string | null;

  @Field(() => ID, { nullable: true, description: 'The product; null when the figures cover every product.' })
  sku: string | null;

  @Field(() => Int, {
    description: 'Units handed to carriers in the range (regular stock; a return does not undo it).',
  })
  unitsShipped: number;

  @Field(() => Float, {
    description:
      "Mean of the end-of-day on-hand units (regular stock) over the days of the range, rebuilt from today's " +
      'on-hand backwards through the stock ledger (each later RECEIVE, ADJUST, RETURN and SHIP undone).',
  })
  averageOnHand: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'unitsShipped / averageOnHand: how many times the stock turned over in the range (not annualised; times ' +
      '365 / days for a yearly rate). Null when nothing was on hand on average.',
  })
  inventoryTurnover: number | null;

  @Field(() => Int, { description: 'Units ordered in the range (demand history), visible channels only.' })
  unitsDemanded: number;

  @Field(() => Int, {
    description: 'Of those, units that met zero availability when ordered (backordered, or held back by a quota).',
  })
  unitsShort: number;

  @Field(() => Float, { nullable: true, description: 'unitsShort / unitsDemanded, 0..1; null without demand.' })
  stockoutRate: number | null;

  @Field(() => [ChannelStockout], { description: 'The same per channel, by channel code; channels with demand only.' })
  stockoutByChannel: ChannelStockout[];

  @Field(() => Float, {
    nullable: true,
    description:
      'WAPE of the stored forecasts on their held-out days (forecast_fit.holdout_wape, from the latest refit), over ' +
      'the SKU x warehouse pairs covered, each weighted by its units demanded in the range (all channels). Null when ' +
      'no pair with a measured error had demand.',
  })
  forecastWape: number | null;

  @Field(() => Float, { nullable: true, description: 'max(0, 1 - forecastWape): 1 is a perfect forecast.' })
  forecastAccuracy: number | null;

  @Field(() => Int, { description: 'SKU x warehouse pairs behind forecastWape.' })
  forecastPairs: number;
}
