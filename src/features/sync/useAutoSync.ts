import { liveQuery } from 'dexie';
import { useEffect } from 'react';
import { getDatabase } from '../../storage/db';
import { queueLocalChanges, recordSyncFailure, requestSync } from './sync.engine';

/** Pull interval while the app is open, so that other people's changes arrive without a reload. */
const PULL_INTERVAL_MS = 30_000;
/** Quiet time after a local change before it is sent, so that a burst of edits makes one request. */
const PUSH_DELAY_MS = 800;

/**
 * Keeps the app in sync while it is open: sends local changes shortly after
 * they are saved, syncs when the browser comes back online or the tab
 * becomes visible, and pulls every 30 seconds. Mount once, in the shell;
 * it does nothing while no workspace is connected.
 */
export function useAutoSync(connected: boolean): void {
  useEffect(() => {
    if (!connected) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (delay: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => void requestSync(), delay);
    };

    const db = getDatabase();
    const subscription = liveQuery(() =>
      Promise.all([
        db.flows.toArray(),
        db.reps.toArray(),
        db.teams.toArray(),
        db.targetPlans.toArray(),
        db.flowVersions.toArray(),
        db.datasets.where('kind').equals('owners').toArray(),
      ]),
    ).subscribe({
      next: () => {
        queueLocalChanges()
          .then((pending) => {
            if (pending > 0) schedule(PUSH_DELAY_MS);
          })
          .catch(recordSyncFailure);
      },
    });

    const onOnline = () => schedule(0);
    const onVisible = () => {
      if (document.visibilityState === 'visible') schedule(0);
    };
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    const interval = setInterval(() => void requestSync(), PULL_INTERVAL_MS);
    schedule(0);

    return () => {
      subscription.unsubscribe();
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(interval);
      clearTimeout(timer);
    };
  }, [connected]);
}
