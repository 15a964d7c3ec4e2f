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
  const labels = new Map<string, string>();
  const groups = groupBy(plans, baseLabel);

  for (const [label, group] of groups) {
    if (group.length === 1) {
      labels.set(group[0]!.id, label);
      continue;
    }
    const timed = groupBy(group, (plan) => withCreated(label, plan));
    for (const [timedLabel, sameTime] of timed) {
      const ordered = [...sameTime].sort((a, b) => a.createdAt - b.createdAt);
      ordered.forEach((plan, index) => {
        labels.set(plan.id, ordered.length === 1 ? timedLabel : `${timedLabel} #${index + 1}`);
      });
    }
  }
  return labels;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}
