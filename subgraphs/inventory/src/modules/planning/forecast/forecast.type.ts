import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Where a refit stands when `refitForecasts` answers. */
export enum ForecastRefitStatus {
  DONE = 'DONE',
  RUNNING = 'RUNNING',
}

registerEnumType(ForecastRefitStatus, {
  name: 'ForecastRefitStatus',
  description: 'Where a forecast refit stands when `refitForecasts` answers.',
  valuesConfig: {
    DONE: { description: 'Fitted and stored: the counts are in.' },
    RUNNING: {
      description:
        'Still fitting (or waiting for another refit) when the answer was due; its forecasts land with its `fittedAt`.',
    },
  },
});

@ObjectType('ForecastDay', {
  description:
    'Planned demand for one UTC day: the fitted baseline times the uplift of the promotions planned for that day.',
})
export class ForecastDayType {
  @Field(() => String, { description: 'The UTC day, YYYY-MM-DD.' })
  date: string;

  @Field(() => Float, { description: 'Units the fitted model expects without promotions.' })
  baseline: number;

  @Field(() => Float, { description: 'Units planned: baseline x uplift.' })
  point: number;

  @Field(() => Float, {
    description:
      'Lower bound of the prediction interval (units, never below 0), scaled by the uplift like the point. ' +
      'A refit calibrates the intervals on held-out days so that about `level` of days fall inside.',
  })
  lower: number;

  @Field(() => Float, { description: 'Upper bound of the prediction interval (units), scaled by the uplift.' })
  upper: number;

  @Field(() => Float, {
    description: "The planned promotions' factor on the day (1 = none). For the sum over warehouses: point / baseline.",
  })
  uplift: number;
}

@ObjectType({
  description:
    "A product's stored demand forecast at one warehouse, or summed over the warehouses that stock it, from the " +
    'last refit (scheduled, or `refitForecasts`).',
})
export class ProductForecast {
  @Field(() => ID, { nullable: true, description: 'The warehouse; null for the sum over all warehouses.' })
  warehouseId: string | null;

  @Field(() => String, {
    description:
      'The model the refit chose: mstl-ets (seasonal decomposition with an ETS trend), seasonal-naive, or ' +
      'recent-mean (short, intermittent or constant history). For the sum: `mixed` when the warehouses differ.',
  })
  model: string;

  @Field(() => Float, { description: 'The share of days the intervals are calibrated to contain, e.g. 0.8.' })
  level: number;

  @Field(() => Date, { description: 'When the forecast was fitted; for the sum, the oldest of the warehouses.' })
  fittedAt: Date;

  @Field(() => Float, {
    nullable: true,
    description:
      'WAPE (sum |error| / sum actual) on the last 28 days of history, held out of a fit on the rest; null ' +
      "when the history was too short or had no demand then. For the sum: over every warehouse's held-out days.",
  })
  holdoutWape: number | null;

  @Field(() => Float, {
    description:
      'Standard deviation of the daily error (units; taken about zero, so a bias counts) on the held-out days. ' +
      "For the sum: the warehouses' added in quadrature (errors taken as independent).",
  })
  errorSd: number;

  @Field(() => [ForecastDayType], {
    description:
      'From today (UTC) on, oldest first; fewer than asked for when the fit is older than its 90 stored days ' +
      "allow. The sum's interval adds the warehouses' half-widths in quadrature, as for independent errors.",
  })
  days: ForecastDayType[];
}

@ObjectType({ description: 'Stock levels fitted with one model.' })
export class ForecastModelCount {
  @Field(() => String)
  model: string;

  @Field(() => Int)
  series: number;
}

@ObjectType({ description: 'What a forecast refit did, or, while it runs, when its forecasts will be stamped.' })
export class ForecastRefit {
  @Field(() => ForecastRefitStatus)
  status: ForecastRefitStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'Stock levels (SKU x warehouse) fitted, with or without demand; null while RUNNING.',
  })
  fitted: number | null;

  @Field(() => [ForecastModelCount], {
    description: 'Stock levels per model chosen, most used first; empty while RUNNING.',
  })
  byModel: ForecastModelCount[];

  @Field(() => Float, {
    nullable: true,
    description:
      'WAPE over all held-out days of the refitted stock levels; null when none had any demand then, and while ' +
      'RUNNING.',
  })
  holdoutWape: number | null;

  @Field(() => Date, { description: "The fits' timestamp (`ProductForecast.fittedAt`)." })
  fittedAt: Date;

  @Field(() => Int, {
    description:
      'Milliseconds the refit took (not counting a wait for another); while RUNNING, since it was asked for.',
  })
  durationMs: number;
}
