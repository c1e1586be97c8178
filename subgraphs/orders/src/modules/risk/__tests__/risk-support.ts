import type { RiskContext, RiskHistory } from '../risk-rule';

type OrderFacts = RiskContext['order'];

/** A clean order with no history: every rule stays silent unless a test changes something. */
export function riskContext(order: Partial<OrderFacts> = {}, history: Partial<RiskHistory> = {}): RiskContext {
  return {
    order: {
      total: '199.00',
      currency: 'CNY',
      customerId: '00000000-0000-4000-8000-000000000001',
      placedAt: new Date('2026-11-25T08:00:00.000Z'),
      shipCountry: 'CN',
      shipPhone: '+8613800000001',
      hasFullAddress: true,
      ...order,
    },
    history: {
      ordersFromPhone: 0,
      ordersToAddress: 0,
      customerOrders: 2,
      customerShippedToCountry: true,
      otherCustomersAtAddress: 0,
      ...history,
    },
  };
}
