import { useCallback, useEffect, useState, type RefObject } from 'react';

/** Rows assumed to fit in the scroller until the browser reports its real height. */
export const INITIAL_VISIBLE_ROWS = 12;

export interface RowWindow {
  /** First row to render (0-based, inclusive). */
  start: number;
  /** Row after the last one to render (exclusive). */
  end: number;
  /** Height of all rows together, in px. */
  totalHeight: number;
  /** Scrolls so that row `index` is the first one under the header. */
  scrollToIndex: (index: number) => void;
}

/**
 * The rows of a scrolled list of equal-height rows that are in view, plus
 * `overscan` on each side. Every figure is arithmetic on the scroll offset,
 * so the cost does not grow with `count`, and the scroller's size comes
 * from a ResizeObserver, so mounting never forces a layout.
 */
export function useFixedRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan = 8,
): RowWindow {
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(INITIAL_VISIBLE_ROWS * rowHeight);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;

    const onScroll = () => setScrollTop(element.scrollTop);
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            const height = entries[0]?.contentRect.height;
            if (height) setViewportHeight(height);
          });
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, [scrollRef]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const top = Math.max(0, index) * rowHeight;
      element.scrollTop = top;
      // The scroll event comes a frame later, or never when the offset does
      // not change. Until then the window would still show the old rows.
      setScrollTop(top);
    },
    [scrollRef, rowHeight],
  );

  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  // After the list shrinks the browser clamps the offset to the new end, so
  // show the last rows rather than none until its scroll event arrives.
  const first = Math.min(Math.floor(scrollTop / rowHeight), Math.max(0, count - visible + 1));
  const start = Math.min(Math.max(0, first - overscan), count);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, totalHeight: count * rowHeight, scrollToIndex };
}
