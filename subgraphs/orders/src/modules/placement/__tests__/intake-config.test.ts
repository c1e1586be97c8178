import { ConfigError } from '@supply-graph/shared';
import { DEFAULT_INTAKE_SETTINGS, intakeSettingsOf, loadOrdersConfig } from '../../../config';

describe('intake settings in the orders config', () => {
  it('waits 1 s for customers by default, and reads ORDERS_BUYER_IDENTIFY_TIMEOUT_MS (empty means unset)', () => {
    expect(DEFAULT_INTAKE_SETTINGS).toEqual({ buyerIdentifyTimeoutMs: 1000 });
    expect(loadOrdersConfig({ ORDERS_BUYER_IDENTIFY_TIMEOUT_MS: '250' }).intake.buyerIdentifyTimeoutMs).toBe(250);
    expect(loadOrdersConfig({ ORDERS_BUYER_IDENTIFY_TIMEOUT_MS: '' }).intake.buyerIdentifyTimeoutMs).toBe(1000);
    expect(intakeSettingsOf(loadOrdersConfig({ ORDERS_BUYER_IDENTIFY_TIMEOUT_MS: '400' }))).toEqual({
      buyerIdentifyTimeoutMs: 400,
    });
    expect(intakeSettingsOf({})).toBe(DEFAULT_INTAKE_SETTINGS);
  });

  it('refuses a wait below 50 ms or above 30 s, naming the variable', () => {
    for (const value of ['10', '30001', 'soon']) {
      expect(() => loadOrdersConfig({ ORDERS_BUYER_IDENTIFY_TIMEOUT_MS: value })).toThrow(ConfigError);
      expect(() => loadOrdersConfig({ ORDERS_BUYER_IDENTIFY_TIMEOUT_MS: value })).toThrow(
        /ORDERS_BUYER_IDENTIFY_TIMEOUT_MS/,
      );
    }
  });
});
