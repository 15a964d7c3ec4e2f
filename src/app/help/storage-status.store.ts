import { create } from 'zustand';
import { ensurePersistentStorage, type PersistenceStatus } from '../../storage/persistent-storage';

interface StorageStatusState {
  /** Undefined until the browser has answered. */
  persistence?: PersistenceStatus;
  check: () => Promise<void>;
}

let pending: Promise<void> | undefined;

/** Whether the browser keeps this site's data; checked once per page load. */
export const useStorageStatusStore = create<StorageStatusState>()((set) => ({
  check: () => {
    pending ??= ensurePersistentStorage()
      .catch((): PersistenceStatus => 'unsupported')
      .then((persistence) => set({ persistence }));
    return pending;
  },
}));
