import { DEFAULT_RISK_SETTINGS } from '../../../config';
import { VelocityRule } from '../rules/velocity.rule';
import { riskContext } from './risk-support';

describe('VELOCITY', () => {
  const rule = new VelocityRule(DEFAULT_RISK_SETTINGS.velocity);

  it('fires on the 6th order to one phone within the hour (more than 5), not on the 5th', () => {
    expect(rule.evaluate(riskContext({}, { ordersFromPhone: 4 }))).toEqual({ score: 0 });
    expect(rule.evaluate(riskContext({}, { ordersFromPhone: 5 }))).toEqual({
      score: 0.9,
      flag: 'VELOCITY',
      detail: 'more than 5 orders to one shipping phone within 60 min',
    });
  });

  it('fires on the 6th order to one full address, whatever the phone', () => {
    const result = rule.evaluate(riskContext({ shipPhone: null }, { ordersToAddress: 5 }));
    expect(result).toMatchObject({
      score: 0.9,
      flag: 'VELOCITY',
      detail: expect.stringMatching(/one shipping address/),
    });
  });

  it('never counts orders that share no phone and no full address (a bare city is not an address)', () => {
    // Counts from an absent key cannot match anything; the rule does not trust them either.
    expect(
      rule.evaluate(
        riskContext({ shipPhone: null, hasFullAddress: false }, { ordersFromPhone: 50, ordersToAddress: 50 }),
      ),
    ).toEqual({ score: 0 });
  });

  it('follows its settings, and a weight of 0 switches it off', () => {
    const strict = new VelocityRule({ maxOrders: 2, windowMinutes: 10, weight: 0.7 });
    expect(strict.evaluate(riskContext({}, { ordersFromPhone: 2 }))).toMatchObject({
      score: 0.7,
      detail: 'more than 2 orders to one shipping phone within 10 min',
    });
    const off = new VelocityRule({ ...DEFAULT_RISK_SETTINGS.velocity, weight: 0 });
    expect(off.evaluate(riskContext({}, { ordersFromPhone: 100 }))).toEqual({ score: 0 });
  });
});
