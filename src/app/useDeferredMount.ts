import { startTransition, useEffect, useState } from 'react';

/**
 * Return false on the first render, then true in a transition that starts
 * after the first commit. Parts not needed in the first frame mount behind it,
 * so a large screen commits in two smaller tasks and the second one renders
 * in short slices.
 */
export function useDeferredMount(): boolean {
  const [mounted, setMounted] = useState(false);

  useEffect(() => {
    startTransition(() => setMounted(true));
  }, []);

  return mounted;
}
