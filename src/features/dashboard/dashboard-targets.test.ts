import { describe, expect, it } from 'vitest';
import { buildPlan, NOW } from '../targets/test/plan-fixtures';
import { approvePlan } from '../targets/plan-versions';
import { selectTargets, sumMonthlyTargets } from './dashboard-targets';

describe('selectTargets', () => {
  it('prefers the approved plan and falls back to the newest draft', () => {
    const draft = { ...buildPlan({ id: 'draft', total: 1_200 }), updatedAt: NOW + 5 };
    const approval = approvePlan(buildPlan({ id: 'approved', total: 12_000 }), [], NOW);
    if (!approval.ok) throw new Error('approve failed');
    const older = buildPlan({ id: 'older-2028', year: 2028, total: 2_400 });
    const newer = {
      ...buildPlan({ id: 'newer-2028', year: 2028, total: 3_600, unit: 'count' }),
      updatedAt: NOW + 10,
    };

    const targets = selectTargets(
      [draft, approval.value.approved, older, newer],
      [2027, 2028, 2029],
    );
    expect(targets.plans.get(2027)?.id).toBe('approved');
    expect(targets.plans.get(2028)?.id).toBe('newer-2028');
    expect(targets.plans.has(2029)).toBe(false);
    expect(targets.unit).toBe('yuan');
  });

  it('sums the monthly targets of chosen rows', () => {
    const targets = selectTargets([buildPlan({ total: 84_000 })], [2027]);
    expect(sumMonthlyTargets(targets, ['rep:r1', 'rep:r2']).get(2027)).toEqual(
      new Array(12).fill(2_000),
    );
  });
});
