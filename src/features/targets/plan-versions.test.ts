import { describe, expect, it } from 'vitest';
import { setCellValue } from './plan-edit';
import { MAX_PLAN_TOTAL, planTotal } from './plan-grid';
import { approvePlan, createDraftVersion, findApprovedPlan, listVersions } from './plan-versions';
import type { TargetPlan } from './target-plan.types';
import { buildPlan, NOW } from './test/plan-fixtures';

function approve(
  plan: TargetPlan,
  others: TargetPlan[] = [],
  at = NOW,
): { approved: TargetPlan; superseded: TargetPlan[] } {
  const result = approvePlan(plan, others, at);
  if (!result.ok) throw new Error('approve failed');
  return result.value;
}

describe('plan versions', () => {
  it('approves a draft and makes it read-only', () => {
    const { approved } = approve(buildPlan());
    expect(approved.status).toBe('approved');
    expect(approved.approvedAt).toBe(NOW);
    expect(setCellValue(approved, { row: 'company', column: 'year' }, 1, NOW)).toMatchObject({
      ok: false,
      problems: [{ code: 'plan-not-draft', status: 'approved' }],
    });
    expect(approvePlan(approved, [], NOW)).toMatchObject({ ok: false });
  });

  it('refuses a plan whose total is over the limit', () => {
    const plan = buildPlan();
    const tooLarge = {
      ...plan,
      values: { ...plan.values, 'rep:r1': new Array<number>(12).fill(MAX_PLAN_TOTAL) },
    };

    expect(approvePlan(tooLarge, [], NOW)).toEqual({
      ok: false,
      problems: [{ code: 'plan-values-invalid', total: planTotal(tooLarge) }],
    });
  });

  it('refuses a plan with a cell that is not a whole number', () => {
    const plan = buildPlan();
    const values = { ...plan.values, 'rep:r1': [0.5, ...new Array<number>(11).fill(0)] };

    expect(approvePlan({ ...plan, values }, [], NOW)).toMatchObject({
      ok: false,
      problems: [{ code: 'plan-values-invalid' }],
    });
  });

  it('starts the next draft from an approved version', () => {
    const { approved } = approve(buildPlan());
    const draft = createDraftVersion(approved, [approved], 'plan-2027-v2', NOW + 1);
    expect(draft).toMatchObject({
      id: 'plan-2027-v2',
      lineageId: 'plan-2027',
      status: 'draft',
      version: 2,
      basedOnId: 'plan-2027',
    });
    expect(draft.approvedAt).toBeUndefined();
    expect(draft.values).toEqual(approved.values);
    expect(draft.values).not.toBe(approved.values);
  });

  it('numbers a draft after the highest version of its lineage', () => {
    const v1 = buildPlan();
    const v3 = { ...v1, id: 'v3', version: 3 };
    expect(createDraftVersion(v1, [v1, v3], 'v4', NOW).version).toBe(4);
  });

  it('supersedes the version approved before for the same year only', () => {
    const first = approve(buildPlan()).approved;
    const otherYear = approve(buildPlan({ id: 'plan-2028', year: 2028 })).approved;
    const draft = createDraftVersion(first, [first], 'plan-2027-v2', NOW + 1);
    const { approved, superseded } = approve(draft, [first, otherYear, draft], NOW + 2);
    expect(superseded.map((plan) => [plan.id, plan.status])).toEqual([['plan-2027', 'superseded']]);
    expect(findApprovedPlan([approved, ...superseded, otherYear], 2027)?.id).toBe('plan-2027-v2');
    expect(findApprovedPlan([approved], 2029)).toBeUndefined();
    expect(
      listVersions([first, approved, otherYear], 'plan-2027').map((plan) => plan.version),
    ).toEqual([2, 1]);
  });
});
