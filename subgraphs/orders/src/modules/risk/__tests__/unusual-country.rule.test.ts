import { DEFAULT_RISK_SETTINGS } from '../../../config';
import { UnusualCountryRule } from '../rules/unusual-country.rule';
import { riskContext } from './risk-support';

describe('UNUSUAL_COUNTRY', () => {
  const rule = new UnusualCountryRule(DEFAULT_RISK_SETTINGS.unusualCountry);

  it('fires when a customer with 3 earlier orders ships to a country none of them went to', () => {
    expect(
      rule.evaluate(riskContext({ shipCountry: 'US' }, { customerOrders: 3, customerShippedToCountry: false })),
    ).toEqual({
      score: 0.5,
      flag: 'UNUSUAL_COUNTRY',
      detail: 'first order to US after 3 or more orders elsewhere',
    });
  });

  it('stays silent with fewer earlier orders than the minimum (no usual country yet)', () => {
    expect(
      rule.evaluate(riskContext({ shipCountry: 'US' }, { customerOrders: 2, customerShippedToCountry: false })),
    ).toEqual({ score: 0 });
    expect(
      rule.evaluate(riskContext({ shipCountry: 'US' }, { customerOrders: 0, customerShippedToCountry: false })),
    ).toEqual({ score: 0 });
  });

  it('stays silent when the customer shipped to that country before', () => {
    expect(
      rule.evaluate(riskContext({ shipCountry: 'US' }, { customerOrders: 40, customerShippedToCountry: true })),
    ).toEqual({ score: 0 });
  });

  it('follows its settings', () => {
    const eager = new UnusualCountryRule({ minOrders: 1, weight: 0.3 });
    expect(eager.evaluate(riskContext({}, { customerOrders: 1, customerShippedToCountry: false }))).toMatchObject({
      score: 0.3,
    });
  });
});
