import { afterEach } from 'vitest';

/** The Function constructor as it was before any test replaced it. */
export const OriginalFunction = globalThis.Function;

/**
 * Replaces the global Function constructor for the current test with one
 * that passes its arguments to `construct`. Importing this module registers
 * an `afterEach` that restores the original.
 */
export function replaceFunction(construct: (args: string[]) => unknown): void {
  globalThis.Function = new Proxy(OriginalFunction, {
    construct: (_target, args: string[]) => construct(args) as object,
  });
}

afterEach(() => {
  globalThis.Function = OriginalFunction;
});
