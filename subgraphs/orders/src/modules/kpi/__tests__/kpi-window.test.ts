import { kpiWindowProblems, MAX_KPI_DAYS } from '../kpi.service';

const at = (iso: string) => new Date(iso);

describe('kpiWindowProblems', () => {
  it('accepts a window up to the longest allowed', () => {
    expect(kpiWindowProblems(at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z'))).toEqual([]);
    const from = at('2026-01-01T00:00:00Z');
    expect(kpiWindowProblems(from, new Date(from.getTime() + MAX_KPI_DAYS * 86_400_000))).toEqual([]);
  });

  it('refuses an empty or reversed window', () => {
    const t = at('2026-11-01T00:00:00Z');
    expect(kpiWindowProblems(t, t)).toEqual([{ field: 'to', message: 'must be after from' }]);
    expect(kpiWindowProblems(at('2026-11-02T00:00:00Z'), t)).toEqual([{ field: 'to', message: 'must be after from' }]);
  });

  it('refuses a window longer than the limit', () => {
    const from = at('2026-01-01T00:00:00Z');
    expect(kpiWindowProblems(from, new Date(from.getTime() + MAX_KPI_DAYS * 86_400_000 + 1))).toEqual([
      { field: 'to', message: `the window may span at most ${MAX_KPI_DAYS} days` },
    ]);
  });

  it('lists both ends when both are invalid', () => {
    expect(kpiWindowProblems(new Date(NaN), new Date(NaN)).map((p) => p.field)).toEqual(['from', 'to']);
  });
});
