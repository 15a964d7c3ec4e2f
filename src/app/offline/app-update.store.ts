/**
 * A new build of the app waiting to take over. The service worker
 * registration fills it; the update notice reads it. Nothing reloads
 * on its own: the user chooses when, so an edit in progress is never lost.
 */
import { create } from 'zustand';

/** The message a waiting worker obeys; the same literal as SKIP_WAITING_MESSAGE in sw-routing.ts. */
export const ACTIVATE_UPDATE_MESSAGE = 'sras:skip-waiting';

interface AppUpdateState {
  /** True when a newer build is installed (or already controls this page) and a reload would show it. */
  available: boolean;
  /** The installed worker that waits; null once it has taken over. */
  waiting: ServiceWorker | null;
  /** True after the user asked for the new version; the page reloads when it takes over. */
  applying: boolean;
  offer: (waiting: ServiceWorker | null) => void;
  apply: () => void;
}

export const useAppUpdateStore = create<AppUpdateState>((set, get) => ({
  available: false,
  waiting: null,
  applying: false,
  offer: (waiting) => set({ available: true, waiting }),
  apply: () => {
    const { waiting } = get();
    set({ applying: true });

    // No waiting worker: the new one already controls the page (another tab
    // activated it), so only a reload is missing.
    if (!waiting) {
      window.location.reload();
      return;
    }
    waiting.postMessage(ACTIVATE_UPDATE_MESSAGE);
  },
}));
