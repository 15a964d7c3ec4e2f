import { startTransition, useEffect, useState } from 'react';
import { afterNextPaint } from './next-paint';

/**
 * Returns how many of a view's `stages` to show: 1 on the first render for
 * a given `key`, then one more per frame until all are shown. A view whose
 * parts take longer than a frame to commit together (canvas, cards, tables)
 * then mounts in several short tasks, each rendered as a transition. A new
 * `key` starts again from 1.
 */
export function useStagedReveal(key: unknown, stages: number): number {
  const [state, setState] = useState({ key, visibleStages: 1 });
  const visibleStages = state.key === key ? state.visibleStages : 1;
  // Reset during render, so that the previous key's count never shows with the new data.
  if (state.key !== key) setState({ key, visibleStages: 1 });

  useEffect(() => {
    if (visibleStages >= stages) return;
    // A transition renders each stage in slices, so no stage is one long task.
    return afterNextPaint(() =>
      startTransition(() => setState({ key, visibleStages: visibleStages + 1 })),
    );
  }, [key, visibleStages, stages]);

  return Math.min(visibleStages, stages);
}
