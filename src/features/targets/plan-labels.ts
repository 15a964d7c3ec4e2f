import { distinctLabels } from '../../app/distinct-labels';
import type { TargetPlan } from './target-plan.types';

/**
 * Labels for the plan picker, by plan id. A label shared by several plans
 * (two plans of the same name, version and status) gets the creation time,
 * and a label still shared after that gets a running number in creation
 * order, so no two entries of the picker look the same.
 */
export function planLabels(
  plans: readonly TargetPlan[],
  baseLabel: (plan: TargetPlan) => string,
  withCreated: (label: string, plan: TargetPlan) => string,
): Map<string, string> {
  return distinctLabels(
    plans,
    baseLabel,
    (plan) => withCreated(baseLabel(plan), plan),
    (a, b) => a.createdAt - b.createdAt,
  );
}

/** Groups versions by plan (by `lineageId`), in the order each plan first appears. */
export function groupByLineage(plans: readonly TargetPlan[]): TargetPlan[][] {
  const groups = new Map<string, TargetPlan[]>();
  for (const plan of plans) {
    const group = groups.get(plan.lineageId);
    if (group) group.push(plan);
    else groups.set(plan.lineageId, [plan]);
  }
  return [...groups.values()];
}

/**
 * The plans of `year`, one version each: the approved version where there
 * is one, else the newest. Plans with an approved version come first.
 */
export function plansOfYear(plans: readonly TargetPlan[], year: number): TargetPlan[] {
  const pick = (versions: readonly TargetPlan[]): TargetPlan | undefined =>
    versions.find((plan) => plan.status === 'approved') ??
    [...versions].sort((a, b) => b.version - a.version)[0];
  return groupByLineage(plans.filter((plan) => plan.year === year))
    .map(pick)
    .filter((plan): plan is TargetPlan => plan !== undefined)
    .sort((a, b) => Number(b.status === 'approved') - Number(a.status === 'approved'));
}
