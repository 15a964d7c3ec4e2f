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
