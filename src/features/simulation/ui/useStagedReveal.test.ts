import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useStagedReveal } from './useStagedReveal';

describe('useStagedReveal', () => {
  it('reveals one more stage per frame', async () => {
    const seen: number[] = [];
    const { result } = renderHook(() => {
      const shown = useStagedReveal('result-1', 3);
      seen.push(shown);
      return shown;
    });

    expect(seen[0]).toBe(1);
    await waitFor(() => expect(result.current).toBe(3));
    expect([...new Set(seen)]).toEqual([1, 2, 3]);
  });

  it('restarts for a new key', async () => {
    const { result, rerender } = renderHook(({ key }) => useStagedReveal(key, 2), {
      initialProps: { key: 'result-1' },
    });
    await waitFor(() => expect(result.current).toBe(2));

    act(() => rerender({ key: 'result-2' }));

    expect(result.current).toBe(1);
    await waitFor(() => expect(result.current).toBe(2));
  });

  it('schedules nothing for one stage', () => {
    vi.useFakeTimers();
    try {
      let renders = 0;
      const { result } = renderHook(() => {
        renders += 1;
        return useStagedReveal('result-1', 1);
      });

      act(() => vi.runAllTimers());

      expect(result.current).toBe(1);
      expect(renders).toBe(1);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
