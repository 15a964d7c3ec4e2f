import { act, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { useFixedRowWindow, type RowWindow } from './useFixedRowWindow';

const ROW_HEIGHT = 40;
let latest: RowWindow | undefined;

function Rows({ count }: { count: number }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  latest = useFixedRowWindow(scrollRef, count, ROW_HEIGHT, 2);
  return <div ref={scrollRef} data-testid="scroller" />;
}

describe('useFixedRowWindow', () => {
  it('moves the window at once on scrollToIndex', () => {
    render(<Rows count={1_000} />);

    act(() => latest?.scrollToIndex(500));

    expect(screen.getByTestId('scroller').scrollTop).toBe(500 * ROW_HEIGHT);
    expect(latest?.start).toBe(498);
  });

  it('keeps the last rows after the list shrinks', () => {
    const { rerender } = render(<Rows count={1_000} />);
    const scroller = screen.getByTestId('scroller');
    scroller.scrollTop = 900 * ROW_HEIGHT;
    fireEvent.scroll(scroller);

    rerender(<Rows count={20} />);

    expect(latest?.end).toBe(20);
    expect(latest?.start).toBeLessThan(20);
  });
});
