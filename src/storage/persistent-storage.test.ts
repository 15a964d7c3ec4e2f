import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFreshDatabase } from '../test/database';
import { ensurePersistentStorage, PERSISTENCE_SETTING_KEY } from './persistent-storage';

function stubStorage(persisted: boolean, grants: boolean) {
  const persist = vi.fn(async () => grants);
  vi.stubGlobal('navigator', {
    ...navigator,
    storage: { persisted: async () => persisted, persist },
  });
  return persist;
}

describe('ensurePersistentStorage', () => {
  const database = useFreshDatabase();

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks once on the first start and remembers a refusal', async () => {
    const persist = stubStorage(false, false);

    expect(await ensurePersistentStorage()).toBe('denied');
    expect(await ensurePersistentStorage()).toBe('denied');

    expect(persist).toHaveBeenCalledTimes(1);
    expect(await database().settings.get(PERSISTENCE_SETTING_KEY)).toMatchObject({
      value: { granted: false },
    });
  });

  it('reports storage that is already persistent without asking', async () => {
    const persist = stubStorage(true, true);

    expect(await ensurePersistentStorage()).toBe('granted');
    expect(persist).not.toHaveBeenCalled();
  });

  it('reports a browser without the Storage API as unsupported', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: undefined });

    expect(await ensurePersistentStorage()).toBe('unsupported');
  });
});
