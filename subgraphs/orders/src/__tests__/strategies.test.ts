import { randomUUID } from 'node:crypto';
import {
  EventTypes,
  type ConsumerDefinition,
  type SubgraphConfig,
  type SubgraphDefinition,
} from '@supply-graph/shared';
import { describeEachBackend } from '@supply-graph/shared/testing';
import type { OrdersContext } from '../context';
import { createOrdersSubgraph, ordersSubgraph } from '../index';
import { placeOrder } from '../modules/placement/intake.service';
import { input, intakeDatabase, newCustomers } from '../modules/placement/__tests__/intake-support';
import { fired, type RiskRule } from '../modules/risk/risk-rule';

/** Holds every order shipped to `country`, whatever its value or history. */
class EmbargoRule implements RiskRule {
  readonly code = 'EMBARGO';
  constructor(private readonly country: string) {}
  evaluate({ order }: Parameters<RiskRule['evaluate']>[0]) {
    return fired(this, order.shipCountry === this.country ? 1 : 0, `ships to ${this.country}`);
  }
}

interface RiskRow {
  status: string;
  risk_flags: string[];
}

describeEachBackend('orders: the risk rules are chosen where the subgraph is composed', (backend) => {
  const intake = intakeDatabase(backend, 'orders_strategies');
  const embargo = createOrdersSubgraph({ riskRules: () => [new EmbargoRule('CN')] });
  beforeAll(() => intake.catalogue());

  const riskOf = async (orderId: string) =>
    ((await intake.db.query('SELECT status, risk_flags FROM sales_order WHERE id = $1', [orderId])) as RiskRow[])[0];

  /** Places a small order to China through a request context the definition creates. */
  const place = async (definition: SubgraphDefinition<OrdersContext>, customersUrl?: string) => {
    const ctx = definition.createContext(intake.contextFor({ customers: customersUrl }));
    return (await placeOrder(ctx, input('SKU-A'))).orderId;
  };

  it('scores an order at intake by the composed rules, and by the default rules otherwise', async () => {
    const customers = await newCustomers();
    try {
      expect(await riskOf(await place(ordersSubgraph, customers.url))).toEqual({ status: 'PENDING', risk_flags: [] });
      expect(await riskOf(await place(embargo, customers.url))).toEqual({
        status: 'ON_HOLD',
        risk_flags: ['EMBARGO'],
      });
    } finally {
      await customers.close();
    }
  });

  it('scores an order whose buyer is identified later by the same rules, in the consumer it composes', async () => {
    // Customers is down: the order waits for its buyer, unscored.
    const orderId = await place(embargo);
    expect(await riskOf(orderId)).toEqual({ status: 'PENDING', risk_flags: [] });

    const consumers = (embargo.consumers as (config: SubgraphConfig) => ConsumerDefinition[])({} as SubgraphConfig);
    const identify = consumers.find((c) => c.consumer === 'orders.buyer')!;
    await intake.inTx((tx) =>
      identify.handle(
        {
          eventId: randomUUID(),
          type: EventTypes.buyerIdentified,
          aggregateType: 'order',
          aggregateId: orderId,
          aggregateVersion: 1,
          occurredAt: new Date().toISOString(),
          source: 'customers',
          payload: { orderId, customerId: randomUUID(), matchedBy: 'new' },
        },
        tx,
      ),
    );
    expect(await riskOf(orderId)).toEqual({ status: 'ON_HOLD', risk_flags: ['EMBARGO'] });
  });
});
