import type { StoreApi } from 'zustand';
import type { TemporalState } from 'zundo';
import type { FlowDocument } from '@sras/engine';

/** What the undo history keeps of the editor state: the document alone. */
export interface HistoryEntry {
  document: FlowDocument;
}

/** Time within which changes with the same coalesce key form one undo step, in milliseconds. */
export const COALESCE_WINDOW_MS = 1_000;

/** Most undo steps kept. */
export const HISTORY_LIMIT = 200;

/**
 * Groups document changes into undo steps on top of zundo's temporal store:
 * changes with the same coalesce key within the window extend the last step,
 * and a drag is recorded once, when it ends.
 */
export class HistoryGrouping {
  private lastKey: string | undefined;
  private lastAt = Number.NEGATIVE_INFINITY;
  private dragOrigin: FlowDocument | undefined;

  constructor(
    private readonly temporal: () => StoreApi<TemporalState<HistoryEntry>>,
    private readonly now: () => number,
  ) {}

  /** Run `change` so that it extends the previous step when `coalesceKey` matches. */
  record(change: () => void, coalesceKey: string | undefined): void {
    const at = this.now();
    const extend =
      coalesceKey !== undefined &&
      coalesceKey === this.lastKey &&
      at - this.lastAt <= COALESCE_WINDOW_MS &&
      this.dragOrigin === undefined;

    if (extend) this.untracked(change);
    else change();

    this.lastKey = coalesceKey;
    this.lastAt = at;
  }

  /** Start a drag from `origin`; changes until `endDrag` are not recorded one by one. */
  beginDrag(origin: FlowDocument): void {
    if (this.dragOrigin !== undefined) return;
    this.dragOrigin = origin;
    this.temporal().getState().pause();
  }

  /** Finish a drag: one undo step from the document before the drag, if anything moved. */
  endDrag(current: FlowDocument): void {
    const origin = this.dragOrigin;
    if (origin === undefined) return;
    this.dragOrigin = undefined;

    const temporal = this.temporal();
    temporal.getState().resume();
    if (origin === current) return;

    const { pastStates } = temporal.getState();
    const kept = pastStates.length >= HISTORY_LIMIT ? pastStates.slice(1) : pastStates;
    temporal.setState({ pastStates: [...kept, { document: origin }], futureStates: [] });
    this.forgetLastKey();
  }

  /** Whether a drag is in progress. */
  get dragging(): boolean {
    return this.dragOrigin !== undefined;
  }

  undo(): void {
    this.forgetLastKey();
    this.temporal().getState().undo();
  }

  redo(): void {
    this.forgetLastKey();
    this.temporal().getState().redo();
  }

  /** Forget every step (a newly loaded document starts a fresh history). */
  clear(): void {
    this.forgetLastKey();
    this.dragOrigin = undefined;
    const state = this.temporal().getState();
    state.resume();
    state.clear();
  }

  /** Run `change` without recording a step. */
  untracked(change: () => void): void {
    const state = this.temporal().getState();
    const wasTracking = state.isTracking;
    state.pause();
    try {
      change();
    } finally {
      if (wasTracking) this.temporal().getState().resume();
    }
  }

  private forgetLastKey(): void {
    this.lastKey = undefined;
    this.lastAt = Number.NEGATIVE_INFINITY;
  }
}
