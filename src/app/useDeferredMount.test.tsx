import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDeferredMount } from './useDeferredMount';

function Probe({ onRender }: { onRender: (mounted: boolean) => void }) {
  const mounted = useDeferredMount();
  onRender(mounted);
  return mounted ? <p>second part</p> : null;
}

describe('useDeferredMount', () => {
  it('mounts the deferred part after the first commit', async () => {
    const renders: boolean[] = [];

    render(<Probe onRender={(mounted) => renders.push(mounted)} />);

    // Testing Library's render flushes the transition, so the first render is
    // seen through the recorded values rather than the DOM.
    expect(renders[0]).toBe(false);
    expect(await screen.findByText('second part')).toBeInTheDocument();
    expect(renders.at(-1)).toBe(true);
  });
});
