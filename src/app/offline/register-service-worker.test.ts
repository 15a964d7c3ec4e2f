import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAppUpdateStore } from './app-update.store';
import { registerWorker } from './register-service-worker';

function stubServiceWorkers(register: () => Promise<unknown>) {
  const container = { controller: null, register: vi.fn(register), addEventListener: vi.fn() };
  vi.stubGlobal('navigator', { ...navigator, serviceWorker: container });
  return container;
}

describe('registerWorker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('resolves when the browser blocks workers and returns no registration', async () => {
    const container = stubServiceWorkers(async () => undefined);

    await expect(registerWorker('/sw.js')).resolves.toBeUndefined();

    expect(container.register).toHaveBeenCalledWith('/sw.js');
    expect(container.addEventListener).not.toHaveBeenCalled();
    expect(useAppUpdateStore.getState().available).toBe(false);
  });

  it('warns and resolves when registration fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    stubServiceWorkers(async () => {
      throw new Error('SecurityError');
    });

    await expect(registerWorker('/sw.js')).resolves.toBeUndefined();

    expect(warn).toHaveBeenCalledOnce();
  });
});
