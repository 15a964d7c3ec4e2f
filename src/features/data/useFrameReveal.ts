import { useEffect, useState, type ReactNode } from 'react';

const nextFrame: (callback: () => void) => number =
  typeof requestAnimationFrame === 'function'
    ? (callback) => requestAnimationFrame(callback)
    : (callback) => window.setTimeout(callback, 16);
const cancelFrame: (handle: number) => void =
  typeof cancelAnimationFrame === 'function'
    ? (handle) => cancelAnimationFrame(handle)
    : (handle) => window.clearTimeout(handle);

/**
 * Returns how many of `total` parts to show: `step` at first, then `step` more at
 * each animation frame until all are shown. A large piece of interface
 * mounted this way is rendered and laid out a slice per frame, so no slice
 * becomes a long main-thread task however many parts there are.
 */
export function useFrameReveal(total: number, step = 1): number {
  const [revealed, setRevealed] = useState(step);

  useEffect(() => {
    if (revealed >= total) return;
    const handle = nextFrame(() => setRevealed((count) => count + step));
    return () => cancelFrame(handle);
  }, [revealed, total, step]);

  return Math.min(revealed, total);
}

/**
 * Renders `children` only once `frames` animation frames have passed since
 * it mounted. Siblings with rising `frames` mount one per frame; a parent's
 * render does not repeat for each, since each gate keeps its own state.
 */
export function AfterFrames({ frames, children }: { frames: number; children: ReactNode }) {
  const passed = useFrameReveal(frames + 1) > frames;
  return passed ? children : null;
}
