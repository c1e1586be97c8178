import { DEFAULT_RISK_SETTINGS } from '../../../config';
import { defaultRiskRules, holdReason, isHeld, scoreRisk } from '../risk-engine';
import type { RiskRule } from '../risk-rule';
import { riskContext } from './risk-support';

describe('scoreRisk with the default rules', () => {
  const rules = defaultRiskRules(DEFAULT_RISK_SETTINGS);
  const assess = (...args: Parameters<typeof riskContext>) => {
    const assessment = scoreRisk(rules, riskContext(...args));
    return { ...assessment, held: isHeld(assessment, DEFAULT_RISK_SETTINGS) };
  };

  it('a clean order scores 0 with no flags and is not held', () => {
    expect(assess()).toEqual({ score: 0, flags: [], details: [], held: false });
  });

  it('VELOCITY alone holds (0.9)', () => {
    expect(assess({}, { ordersFromPhone: 5 })).toMatchObject({ score: 0.9, flags: ['VELOCITY'], held: true });
  });

  it('HIGH_VALUE_NEW_CUSTOMER alone holds (0.85) at 5000.01, and 5000.00 is clean', () => {
    expect(assess({ total: '5000.01' }, { customerOrders: 0 })).toMatchObject({
      score: 0.85,
      flags: ['HIGH_VALUE_NEW_CUSTOMER'],
      held: true,
    });
    expect(assess({ total: '5000.00' }, { customerOrders: 0 })).toMatchObject({ score: 0, flags: [], held: false });
  });

  it('UNUSUAL_COUNTRY or SHARED_ADDRESS alone does not hold; together they reach the threshold exactly', () => {
    const unusual = { customerOrders: 3, customerShippedToCountry: false };
    expect(assess({ shipCountry: 'US' }, unusual)).toMatchObject({
      score: 0.5,
      flags: ['UNUSUAL_COUNTRY'],
      held: false,
    });
    expect(assess({}, { otherCustomersAtAddress: 3 })).toMatchObject({
      score: 0.6,
      flags: ['SHARED_ADDRESS'],
      held: false,
    });
    // 1 - (1 - 0.5) x (1 - 0.6) = 0.8, the default threshold: held.
    expect(assess({ shipCountry: 'US' }, { ...unusual, otherCustomersAtAddress: 3 })).toMatchObject({
      score: 0.8,
      flags: ['UNUSUAL_COUNTRY', 'SHARED_ADDRESS'],
      held: true,
    });
  });

  it('every rule at once stays below 1 and lists every flag in rule order', () => {
    const all = assess(
      { total: '9000.00', shipCountry: 'US' },
      { ordersFromPhone: 9, customerOrders: 0, customerShippedToCountry: false, otherCustomersAtAddress: 9 },
    );
    // UNUSUAL_COUNTRY needs earlier orders, HIGH_VALUE_NEW_CUSTOMER none: they exclude each other.
    expect(all.flags).toEqual(['VELOCITY', 'HIGH_VALUE_NEW_CUSTOMER', 'SHARED_ADDRESS']);
    expect(all.score).toBe(0.994); // 1 - 0.1 x 0.15 x 0.4
    expect(all.held).toBe(true);
  });

  it('the hold reason names the score and why each rule fired, without personal data', () => {
    const assessment = scoreRisk(rules, riskContext({}, { ordersFromPhone: 5, otherCustomersAtAddress: 3 }));
    const reason = holdReason(assessment);
    expect(reason).toBe(
      'held by risk rules (score 0.96): VELOCITY: more than 5 orders to one shipping phone within 60 min; ' +
        'SHARED_ADDRESS: more than 3 customers ship to this address within 90 days',
    );
    expect(reason).not.toContain('+8613800000001');
  });
});

describe('scoreRisk with custom rules', () => {
  const rule = (code: string, score: number, flag?: string): RiskRule => ({ code, evaluate: () => ({ score, flag }) });

  it('combines scores as independent evidence, 1 - Π(1 - s), and only fired rules flag', () => {
    const assessment = scoreRisk([rule('A', 0.5, 'A'), rule('B', 0.5), rule('C', 0.2, 'C')], riskContext());
    expect(assessment.score).toBe(0.8); // 1 - 0.5 x 0.5 x 0.8
    expect(assessment.flags).toEqual(['A', 'C']);
  });

  it('a rule scoring 1 makes the score 1', () => {
    expect(scoreRisk([rule('A', 1, 'A'), rule('B', 0.3, 'B')], riskContext()).score).toBe(1);
  });

  it.each([-0.1, 1.5, Number.NaN])('a rule scoring %p is a bug, reported rather than clamped', (score) => {
    expect(() => scoreRisk([rule('BROKEN', score)], riskContext())).toThrow(/BROKEN scored .* outside 0\.\.1/);
  });

  it('the threshold is inclusive', () => {
    expect(isHeld({ score: 0.8, flags: [], details: [] }, { holdThreshold: 0.8 })).toBe(true);
    expect(isHeld({ score: 0.7999, flags: [], details: [] }, { holdThreshold: 0.8 })).toBe(false);
  });
});
