/**
 * Waiting for the page to draw a frame between two pieces of UI work, so
 * that each runs in a task of its own and none blocks input for long.
 */

/**
 * Schedules `step` in a task of its own after the next frame is drawn.
 * Falls back to a timer where frames are not drawn (jsdom). Returns a
 * function that cancels the step.
 */
export function afterNextPaint(step: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(step, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** Resolves in a task of its own after the next frame is drawn. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => afterNextPaint(resolve));
}
