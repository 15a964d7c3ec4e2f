import type { TargetPlan } from './target-plan.types';

/**
 * The plan the targets screen edits once the stored plans or the selection
 * change. `current` is the plan on screen, `stored` the selected plan as
 * stored (null when the stored list does not hold it) and `seenIds` the ids
 * of every plan the screen has seen stored.
 *
 * A plan just created or drafted on this screen is selected before the
 * stored list contains it, so it stays on screen until the list catches up. A
 * plan that was stored and is gone was deleted, here or in another tab.
 */
export function nextWorkingPlan(
  current: TargetPlan | null,
  stored: TargetPlan | null,
  selectedId: string | null,
  seenIds: ReadonlySet<string>,
): TargetPlan | null {
  if (!stored) {
    const awaitingStorage = current?.id === selectedId && !seenIds.has(current.id);
    return awaitingStorage ? current : null;
  }

  // Another tab's save, or a switch of plan, replaces the plan on screen. An
  // edit made here that is newer than the stored copy stays.
  const newerHere = current?.id === stored.id && current.updatedAt >= stored.updatedAt;
  return newerHere ? current : stored;
}
