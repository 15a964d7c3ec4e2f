/**
 * Labels items of a picker so that no two entries look the same. An item
 * keeps its base label unless another item shares it. Items that share a
 * base label get their finer label (such as one with a time to the second),
 * and items that still share one get " #1", " #2" … in `order`.
 */
export function distinctLabels<T extends { id: string }>(
  items: readonly T[],
  baseLabel: (item: T) => string,
  finerLabel: (item: T) => string,
  order: (a: T, b: T) => number,
): Map<string, string> {
  const labels = new Map<string, string>();

  for (const [label, group] of groupBy(items, baseLabel)) {
    if (group.length === 1) {
      labels.set(group[0]!.id, label);
      continue;
    }

    for (const [finer, sameFiner] of groupBy(group, finerLabel)) {
      const ordered = [...sameFiner].sort(order);
      ordered.forEach((item, index) => {
        labels.set(item.id, ordered.length === 1 ? finer : `${finer} #${index + 1}`);
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
