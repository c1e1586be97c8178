import { DEFAULT_RISK_SETTINGS } from '../../../config';
import { HighValueNewCustomerRule, decimalToMinor } from '../rules/high-value-new-customer.rule';
import { riskContext } from './risk-support';

describe('HIGH_VALUE_NEW_CUSTOMER', () => {
  const rule = new HighValueNewCustomerRule(DEFAULT_RISK_SETTINGS.highValueNewCustomer);
  const firstOrder = (total: string) => riskContext({ total }, { customerOrders: 0 });

  it('compares exactly: 5000.00 from a new customer passes, 5000.01 fires', () => {
    expect(rule.evaluate(firstOrder('5000.00'))).toEqual({ score: 0 });
    expect(rule.evaluate(firstOrder('5000.01'))).toEqual({
      score: 0.85,
      flag: 'HIGH_VALUE_NEW_CUSTOMER',
      detail: 'total 5000.01 CNY above 5000.00 from a customer with no earlier order',
    });
  });

  it('stays silent for a customer with an earlier order, however large the total', () => {
    expect(rule.evaluate(riskContext({ total: '99999.00' }, { customerOrders: 1 }))).toEqual({ score: 0 });
  });

  it('tells one cent apart at the largest total an order can hold (numeric(14,2))', () => {
    const top = new HighValueNewCustomerRule({ amountMinor: decimalToMinor('999999999999.98'), weight: 0.85 });
    expect(top.evaluate(firstOrder('999999999999.98'))).toEqual({ score: 0 });
    expect(top.evaluate(firstOrder('999999999999.99')).flag).toBe('HIGH_VALUE_NEW_CUSTOMER');
  });

  it.each([
    ['5000.01', 500001n],
    ['5000.1', 500010n],
    ['5000', 500000n],
    ['0.00', 0n],
    ['-2.50', -250n],
  ])('reads %s as %p minor units', (text, minor) => {
    expect(decimalToMinor(text)).toBe(minor);
  });

  it.each(['5000.001', '1e3', '', 'abc'])('refuses %p rather than guess', (text) => {
    expect(() => decimalToMinor(text)).toThrow(/not a decimal amount/);
  });
});
