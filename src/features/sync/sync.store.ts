/**
 * Sync status for the header and the settings page, and the conflicts
 * waiting for the user. Changed only by the sync engine's actions.
 */
import type { FlowDocument } from '@sras/engine';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ListKind } from './sync-api.client';

export type SyncPhase = 'disconnected' | 'idle' | 'syncing' | 'offline' | 'error';

/** A document changed both here and on the server since they last agreed. */
export type SyncConflict =
  | {
      kind: 'flow';
      id: string;
      /** The local document; null when it was deleted here. */
      local: FlowDocument | null;
      serverRevision: number;
      /** The server's document; null when it was deleted there. */
      server: FlowDocument | null;
    }
  | {
      kind: ListKind;
      id: ListKind;
      local: unknown[];
      serverRevision: number;
      server: unknown[];
    };

export interface SyncStatus {
  phase: SyncPhase;
  /** Local changes not yet on the server. */
  pending: number;
  lastSyncedAt: number | null;
  /** The last error's message, for the settings page. */
  error: string | null;
  conflicts: SyncConflict[];
}

export const syncStore = createStore<SyncStatus>(() => ({
  phase: 'disconnected',
  pending: 0,
  lastSyncedAt: null,
  error: null,
  conflicts: [],
}));

export function useSyncStatus<T>(selector: (status: SyncStatus) => T): T {
  return useStore(syncStore, selector);
}

export const selectPhase = (status: SyncStatus): SyncPhase => status.phase;
export const selectPending = (status: SyncStatus): number => status.pending;
export const selectConflicts = (status: SyncStatus): SyncConflict[] => status.conflicts;
