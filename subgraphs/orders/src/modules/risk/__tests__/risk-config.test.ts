import { ConfigError } from '@supply-graph/shared';
import { DEFAULT_RISK_SETTINGS, loadOrdersConfig } from '../../../config';

describe('risk settings in the orders config', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_RISK_SETTINGS).toEqual({
      holdThreshold: 0.8,
      velocity: { maxOrders: 5, windowMinutes: 60, weight: 0.9 },
      highValueNewCustomer: { amountMinor: 500000n, weight: 0.85 },
      unusualCountry: { minOrders: 3, weight: 0.5 },
      sharedAddress: { maxCustomers: 3, windowDays: 90, weight: 0.6 },
    });
    expect(Object.isFrozen(DEFAULT_RISK_SETTINGS.velocity)).toBe(true);
  });

  it('reads them with the rest of the orders settings; empty means unset', () => {
    const config = loadOrdersConfig({
      ORDERS_PORT: '5001',
      ORDERS_RISK_HOLD_THRESHOLD: '0.6',
      ORDERS_RISK_VELOCITY_MAX_ORDERS: '10',
      ORDERS_RISK_HIGH_VALUE_AMOUNT: '800.5',
      ORDERS_RISK_SHARED_ADDRESS_WEIGHT: '',
    });
    expect(config.port).toBe(5001);
    expect(config.risk.holdThreshold).toBe(0.6);
    expect(config.risk.velocity.maxOrders).toBe(10);
    expect(config.risk.highValueNewCustomer.amountMinor).toBe(80050n);
    expect(config.risk.sharedAddress.weight).toBe(0.6);
  });

  it('refuses bad values, naming every one', () => {
    let error: unknown;
    try {
      loadOrdersConfig({
        ORDERS_PORT: 'x',
        ORDERS_RISK_HOLD_THRESHOLD: '1.5',
        ORDERS_RISK_VELOCITY_WEIGHT: '-0.1',
        ORDERS_RISK_HIGH_VALUE_AMOUNT: '5000.001',
        ORDERS_RISK_UNUSUAL_COUNTRY_MIN_ORDERS: '2.5',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of [
      'ORDERS_PORT',
      'ORDERS_RISK_HOLD_THRESHOLD',
      'ORDERS_RISK_VELOCITY_WEIGHT',
      'ORDERS_RISK_HIGH_VALUE_AMOUNT',
      'ORDERS_RISK_UNUSUAL_COUNTRY_MIN_ORDERS',
    ]) {
      expect(message).toContain(name);
    }
  });
});
