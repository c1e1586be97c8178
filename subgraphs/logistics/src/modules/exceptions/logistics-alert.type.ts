import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LogisticsAlertKind } from './logistics-alert-kind.type';

@ObjectType({ description: 'A shipment the exception scan turned into an EXCEPTION, for operators to chase.' })
export class LogisticsAlert {
  @Field(() => ID)
  id: string;

  @Field(() => LogisticsAlertKind)
  kind: LogisticsAlertKind;

  @Field(() => String, { description: 'Why, e.g. "no scan for 52 h" or "past ETA by 6 h".' })
  detail: string;

  @Field(() => Date, { description: 'When the scan raised it (the time the scan ran for).' })
  raisedAt: Date;

  // Resolved into `shipment` by a field resolver; not exposed as a field.
  shipmentId: string;
}

@ObjectType({ description: 'What one exception scan did.' })
export class ScanResult {
  @Field(() => Int, { description: 'Shipments that became an EXCEPTION in this scan, each with one alert.' })
  flagged: number;

  @Field(() => Date, { description: 'The time the scan judged the shipments at.' })
  at: Date;
}
