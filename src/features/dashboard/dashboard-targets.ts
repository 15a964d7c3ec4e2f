/**
 * The monthly targets the dashboard measures against: per year, the
 * approved plan, or the newest draft when no version of that year is
 * approved yet.
 */
import type { TargetPlan, TargetUnit } from '../targets';
import { findApprovedPlan } from '../targets/plan-versions';

export interface DashboardTargets {
  /** Year → plan row key → twelve monthly targets. */
  byYear: Map<number, Record<string, number[]>>;
  /** Plans used, by year. */
  plans: Map<number, TargetPlan>;
  unit: TargetUnit;
}

/** Picks the plan of each year: the approved one, else the newest draft. */
export function selectTargets(
  plans: readonly TargetPlan[],
  years: readonly number[],
): DashboardTargets {
  const byYear = new Map<number, Record<string, number[]>>();
  const chosen = new Map<number, TargetPlan>();

  for (const year of new Set(years)) {
    const plan =
      findApprovedPlan(plans, year) ??
      plans
        .filter((candidate) => candidate.year === year && candidate.status === 'draft')
        .sort((a, b) => b.updatedAt - a.updatedAt)[0];
    if (!plan) continue;
    byYear.set(year, plan.values);
    chosen.set(year, plan);
  }

  const first = years[0] === undefined ? undefined : chosen.get(years[0]);
  return { byYear, plans: chosen, unit: first?.unit ?? 'yuan' };
}

/** Sums the monthly targets of the given plan rows, per year. */
export function sumMonthlyTargets(
  targets: DashboardTargets,
  rowKeys: readonly string[],
): Map<number, number[]> {
  const sums = new Map<number, number[]>();
  for (const [year, values] of targets.byYear) {
    const months = new Array<number>(12).fill(0);
    for (const key of rowKeys) {
      values[key]?.forEach((value, month) => {
        months[month] = (months[month] ?? 0) + value;
      });
    }
    sums.set(year, months);
  }
  return sums;
}
