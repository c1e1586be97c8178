import { DEFAULT_DESK_SETTINGS, DEFAULT_RISK_SETTINGS } from '../../../config';
import { defaultRiskRules, scoreRisk } from '../risk-engine';
import { precisionFactor } from '../risk-feedback';
import { riskContext } from './risk-support';

describe("the desk's feedback on risk rules", () => {
  const s = DEFAULT_DESK_SETTINGS.riskFeedback;

  it('a rule without outcomes keeps its weight; each legitimate hold lowers it a little, many lower it more', () => {
    expect(precisionFactor(0, 0, s)).toBe(1);
    const one = precisionFactor(0, 1, s);
    const ten = precisionFactor(0, 10, s);
    // (0 + 16) / (1 + 20) over the prior 16 / 20.
    expect(one).toBeCloseTo(16 / 21 / 0.8, 10);
    expect(ten).toBeLessThan(one);
    expect(precisionFactor(0, 10_000, s)).toBe(s.minFactor);
  });

  it('fraud outcomes never raise a weight past its configured value', () => {
    expect(precisionFactor(50, 0, s)).toBe(1);
    expect(precisionFactor(8, 2, s)).toBe(1);
  });

  it('with a minimum factor of 0 a rule can be silenced, and only then', () => {
    expect(precisionFactor(0, 10_000, { ...s, minFactor: 0 })).toBeLessThan(0.01);
  });

  it("the engine scales a fired rule's score by its factor and still flags it", () => {
    const rules = defaultRiskRules(DEFAULT_RISK_SETTINGS);
    const order = riskContext({ total: '6000.00' }, { customerOrders: 0 });
    expect(scoreRisk(rules, order).score).toBe(0.85);
    const adjusted = scoreRisk(rules, { ...order, adjustments: { ruleFactors: { HIGH_VALUE_NEW_CUSTOMER: 0.5 } } });
    expect(adjusted).toMatchObject({ score: 0.425, flags: ['HIGH_VALUE_NEW_CUSTOMER'] });
  });
});
