// Browser APIs that jsdom lacks but Mantine, React Flow and Dexie need.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/dom';
import fc from 'fast-check';

// Screens load lazily and Dexie answers asynchronously; on a busy 2-core CI
// machine that can take seconds, so findBy queries wait up to 10 s.
configure({ asyncUtilTimeout: 10_000 });

// Property tests draw the same cases on every run, so a red CI always
// reproduces; set FC_SEED to explore other cases locally.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_205) });

class ResizeObserverStub implements ResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}

  observe(target: Element): void {
    // React Flow draws edges only after it has measured nodes, so report a size at once.
    const entry = {
      target,
      contentRect: target.getBoundingClientRect(),
      borderBoxSize: [],
      contentBoxSize: [],
      devicePixelContentBoxSize: [],
    } as unknown as ResizeObserverEntry;
    this.callback([entry], this);
  }

  unobserve(): void {}

  disconnect(): void {}
}

class DOMMatrixReadOnlyStub {
  m22: number;

  constructor(transform?: string) {
    const scale = /scale\(([\d.]+)\)/.exec(transform ?? '')?.[1];
    this.m22 = scale === undefined ? 1 : Number(scale);
  }
}

globalThis.ResizeObserver ??= ResizeObserverStub;
(globalThis as unknown as { DOMMatrixReadOnly: unknown }).DOMMatrixReadOnly ??=
  DOMMatrixReadOnlyStub;

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

Element.prototype.scrollIntoView ??= function scrollIntoView() {};

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  // Open dialogs keep session drafts; each test starts with none.
  window.sessionStorage.clear();
});
