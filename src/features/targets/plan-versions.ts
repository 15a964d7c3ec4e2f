/**
 * Plan versions. Each version is a separate plan document; versions of one
 * plan share a `lineageId`. A draft can be edited; an approved version is
 * read-only, and changing it means starting a new draft from it. For each
 * year at most one version is approved at a time: approving a draft
 * supersedes the one approved before.
 */
import { MAX_PLAN_TOTAL, planTotal } from './plan-grid';
import type { TargetPlan, TargetResult } from './target-plan.types';

/** Checks that every cell is a whole number of at least 0 and the total is within `MAX_PLAN_TOTAL`. */
function hasSoundValues(plan: TargetPlan): boolean {
  const cellsSound = Object.values(plan.values).every((months) =>
    months.every((value) => Number.isSafeInteger(value) && value >= 0),
  );
  return cellsSound && planTotal(plan) <= MAX_PLAN_TOTAL;
}

/**
 * Approves a draft. `others` are the other stored plans (any lineage); every
 * approved one of the same year comes back superseded.
 */
export function approvePlan(
  plan: TargetPlan,
  others: readonly TargetPlan[],
  now: number,
): TargetResult<{ approved: TargetPlan; superseded: TargetPlan[] }> {
  if (plan.status !== 'draft')
    return { ok: false, problems: [{ code: 'plan-not-draft', status: plan.status }] };
  // Plans saved before totals were limited may hold sums past exact JavaScript integers.
  if (!hasSoundValues(plan))
    return { ok: false, problems: [{ code: 'plan-values-invalid', total: planTotal(plan) }] };

  const approved: TargetPlan = { ...plan, status: 'approved', approvedAt: now, updatedAt: now };
  const superseded = others
    .filter(
      (other) => other.id !== plan.id && other.year === plan.year && other.status === 'approved',
    )
    .map((other): TargetPlan => ({ ...other, status: 'superseded', updatedAt: now }));
  return { ok: true, value: { approved, superseded }, notices: [] };
}

/**
 * Starts a new draft from any version: same rows, values, locks and split
 * methods, with the next version number of its lineage.
 */
export function createDraftVersion(
  source: TargetPlan,
  lineage: readonly TargetPlan[],
  id: string,
  now: number,
): TargetPlan {
  const highest = lineage
    .filter((plan) => plan.lineageId === source.lineageId)
    .reduce((max, plan) => Math.max(max, plan.version), source.version);

  const { approvedAt: _approvedAt, ...rest } = source;
  return {
    ...structuredClone(rest),
    id,
    status: 'draft',
    version: highest + 1,
    basedOnId: source.id,
    createdAt: now,
    updatedAt: now,
  };
}

/** Finds the approved plan of a year. With several (data saved by hand), the latest approved wins. */
export function findApprovedPlan(
  plans: readonly TargetPlan[],
  year: number,
): TargetPlan | undefined {
  return plans
    .filter((plan) => plan.year === year && plan.status === 'approved')
    .sort((a, b) => (b.approvedAt ?? 0) - (a.approvedAt ?? 0))[0];
}

/** Versions of one lineage, newest first. */
export function listVersions(plans: readonly TargetPlan[], lineageId: string): TargetPlan[] {
  return plans.filter((plan) => plan.lineageId === lineageId).sort((a, b) => b.version - a.version);
}
