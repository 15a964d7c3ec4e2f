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
      if (element) element.scrollTop = Math.max(0, index) * rowHeight;
    },
    [scrollRef, rowHeight],
  );

  const first = Math.floor(scrollTop / rowHeight);
  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  const start = Math.min(Math.max(0, first - overscan), count);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, totalHeight: count * rowHeight, scrollToIndex };
}
