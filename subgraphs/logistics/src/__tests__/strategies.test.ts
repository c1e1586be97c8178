import { consumersOf, eventTransaction, type SubgraphDefinition } from '@supply-graph/shared';
import { describeEachBackend, migratedTestDatabase, type MigratedDatabase } from '@supply-graph/shared/testing';
import type { LogisticsContext } from '../context';
import { createLogisticsSubgraph, loadLogisticsConfig, logisticsSubgraph } from '../index';
import type { CarrierChoice, CarrierSelectionStrategy } from '../modules/planning/carrier-selection.strategy';
import { oneParcelReserved, stockReservedEvent } from './reserved-parcel';

/** Sends every parcel with one carrier, numbered in sequence: a contract carrier, say. */
class ContractCarrier implements CarrierSelectionStrategy {
  readonly name = 'contract';
  private issued = 0;
  constructor(private readonly carrier: string) {}
  choose(): CarrierChoice {
    return { carrier: this.carrier, transitDays: 3, cost: 5, reason: `contract with ${this.carrier}` };
  }
  trackingNumber(): string {
    this.issued += 1;
    return `CONTRACT-${String(this.issued).padStart(6, '0')}`;
  }
}

interface ShipmentRow {
  carrier_code: string;
  tracking_number: string;
}

describeEachBackend('logistics: carrier selection is chosen where the subgraph is composed', (backend) => {
  let database: MigratedDatabase;
  const contract = createLogisticsSubgraph({ carrierSelection: new ContractCarrier('ems') });
  beforeAll(async () => {
    database = await migratedTestDatabase(backend.adminUrl, 'logistics_strategies', logisticsSubgraph);
  });
  afterAll(() => database?.close());

  /** Hands a `stock.reserved` of one parcel from Shanghai to Urumqi to the definition's planning consumer. */
  const plan = async (definition: SubgraphDefinition<LogisticsContext>): Promise<ShipmentRow[]> => {
    const reserved = oneParcelReserved({ country: 'CN', province: 'Xinjiang', city: 'Urumqi' });
    const consumer = consumersOf(definition, loadLogisticsConfig({})).find(
      (c) => c.consumer === 'logistics.plan-shipments',
    )!;
    const event = stockReservedEvent(reserved);
    await database.db.transaction((manager) => consumer.handle(event, eventTransaction(manager, 'logistics')));
    return database.db.query('SELECT carrier_code, tracking_number FROM shipment WHERE order_id = $1', [
      reserved.orderId,
    ]);
  };

  it('plans a reserved order with the composed strategy, and with the default one otherwise', async () => {
    expect(await plan(contract)).toEqual([{ carrier_code: 'ems', tracking_number: 'CONTRACT-000001' }]);
    const [byDefault] = await plan(logisticsSubgraph);
    expect(byDefault.tracking_number).not.toMatch(/^CONTRACT-/);
  });
});
