import { DEFAULT_RISK_SETTINGS } from '../../../config';
import { SharedAddressRule } from '../rules/shared-address.rule';
import { riskContext } from './risk-support';

describe('SHARED_ADDRESS', () => {
  const rule = new SharedAddressRule(DEFAULT_RISK_SETTINGS.sharedAddress);

  it('fires when this order makes a 4th distinct customer at one address (more than 3)', () => {
    expect(rule.evaluate(riskContext({}, { otherCustomersAtAddress: 2 }))).toEqual({ score: 0 });
    expect(rule.evaluate(riskContext({}, { otherCustomersAtAddress: 3 }))).toEqual({
      score: 0.6,
      flag: 'SHARED_ADDRESS',
      detail: 'more than 3 customers ship to this address within 90 days',
    });
  });

  it('never fires for an address without a street line (or a masked one)', () => {
    expect(rule.evaluate(riskContext({ hasFullAddress: false }, { otherCustomersAtAddress: 200 }))).toEqual({
      score: 0,
    });
  });

  it('follows its settings', () => {
    const strict = new SharedAddressRule({ maxCustomers: 1, windowDays: 7, weight: 0.4 });
    expect(strict.evaluate(riskContext({}, { otherCustomersAtAddress: 1 }))).toMatchObject({
      score: 0.4,
      detail: expect.stringMatching(/within 7 days/),
    });
  });
});
