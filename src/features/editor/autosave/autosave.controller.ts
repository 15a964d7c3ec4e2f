import type { FlowDocument } from '@sras/engine';

/** Result of one save, as the flow repository returns it. */
export type SaveResult<Stored> =
  | { status: 'saved'; revision: number }
  | { status: 'conflict'; stored: Stored }
  | { status: 'missing' };

/** A stored flow as far as autosave needs it. */
export interface StoredFlowRevision {
  revision: number;
  document: FlowDocument;
}

export type AutosaveStatus =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'conflict'; stored: StoredFlowRevision }
  | { kind: 'missing' }
  | { kind: 'failed'; error: unknown };

export interface AutosaveOptions<Stored extends StoredFlowRevision> {
  /** Save `document` when the stored revision is still `expectedRevision`. */
  save: (document: FlowDocument, expectedRevision: number) => Promise<SaveResult<Stored>>;
  /** Called when a newer stored document replaces the editor's, with no edit of ours lost. */
  onRemoteDocument: (stored: Stored) => void;
  onStatus: (status: AutosaveStatus) => void;
  /** Quiet time after the last edit before saving, in milliseconds. */
  debounceMs?: number;
  /** Longest an edit waits while edits keep coming, in milliseconds. */
  maxWaitMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  now?: () => number;
}

/** Default quiet time before an autosave, in milliseconds. */
export const AUTOSAVE_DEBOUNCE_MS = 300;
/** Default longest wait of an edit for its autosave, in milliseconds. */
export const AUTOSAVE_MAX_WAIT_MS = 800;

/**
 * Saves the editor's document through the flow repository shortly after each
 * edit, one save at a time, with the revision it last saved or loaded. A save
 * rejected because another tab saved first, or a newer stored revision seen
 * while this tab has unsaved edits, becomes a conflict that the user resolves
 * with `keepMine` or `takeTheirs`; a newer stored revision with nothing unsaved
 * here is taken over silently.
 */
export class AutosaveController<Stored extends StoredFlowRevision> {
  private revision: number;
  private savedDocument: FlowDocument;
  private latestDocument: FlowDocument;
  private timer: unknown;
  private firstPendingAt: number | undefined;
  private inFlight: Promise<void> | undefined;
  private status: AutosaveStatus = { kind: 'saved' };
  private newestStored: Stored | undefined;
  private readonly options: Required<AutosaveOptions<Stored>>;

  constructor(initial: Stored, options: AutosaveOptions<Stored>) {
    this.revision = initial.revision;
    this.savedDocument = initial.document;
    this.latestDocument = initial.document;
    this.options = {
      debounceMs: AUTOSAVE_DEBOUNCE_MS,
      maxWaitMs: AUTOSAVE_MAX_WAIT_MS,
      setTimer: (callback, ms) => setTimeout(callback, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      now: () => Date.now(),
      ...options,
    };
  }

  /** The revision this editor last saved or loaded. */
  get knownRevision(): number {
    return this.revision;
  }

  /** Whether an edit has not reached storage yet. */
  get hasUnsavedChanges(): boolean {
    return this.latestDocument !== this.savedDocument;
  }

  /** Record the editor's current document; a save follows after the quiet time. */
  notifyChange(document: FlowDocument): void {
    this.latestDocument = document;
    if (this.status.kind === 'conflict' || this.status.kind === 'missing') return;
    if (!this.hasUnsavedChanges) return;

    const now = this.options.now();
    this.firstPendingAt ??= now;
    const waitLeft = this.options.maxWaitMs - (now - this.firstPendingAt);
    this.schedule(Math.max(0, Math.min(this.options.debounceMs, waitLeft)));
    if (this.status.kind !== 'saving') this.setStatus({ kind: 'pending' });
  }

  /** Save now whatever is pending (page hidden or closing, editor closing). */
  async flush(): Promise<void> {
    this.cancelTimer();
    await this.inFlight;
    if (
      this.hasUnsavedChanges &&
      this.status.kind !== 'conflict' &&
      this.status.kind !== 'missing'
    ) {
      await this.saveNow();
    }
  }

  /**
   * Tell the controller what storage holds now (a live query result). A
   * revision newer than ours came from elsewhere: it replaces the editor's
   * document when nothing here is unsaved, and is a conflict otherwise.
   */
  observeStored(stored: Stored): void {
    if (stored.revision <= this.revision) return;
    if (this.inFlight) {
      // Our own save may have produced it; decide when the save returns.
      this.newestStored = stored;
      return;
    }
    if (this.status.kind === 'conflict') {
      this.setStatus({ kind: 'conflict', stored });
      return;
    }
    if (this.hasUnsavedChanges) {
      this.cancelTimer();
      this.setStatus({ kind: 'conflict', stored });
      return;
    }
    this.revision = stored.revision;
    this.savedDocument = stored.document;
    this.latestDocument = stored.document;
    this.options.onRemoteDocument(stored);
    this.setStatus({ kind: 'saved' });
  }

  /** Resolve a conflict by saving this editor's document as the newest revision. */
  async keepMine(): Promise<void> {
    if (this.status.kind !== 'conflict') return;
    this.revision = this.status.stored.revision;
    this.setStatus({ kind: 'pending' });
    await this.saveNow();
  }

  /** Resolve a conflict by taking the stored document; this editor's unsaved edits are dropped. */
  takeTheirs(): void {
    if (this.status.kind !== 'conflict') return;
    const stored = this.status.stored as Stored;
    this.revision = stored.revision;
    this.savedDocument = stored.document;
    this.latestDocument = stored.document;
    this.options.onRemoteDocument(stored);
    this.setStatus({ kind: 'saved' });
  }

  /** Try a failed save again. */
  async retry(): Promise<void> {
    if (this.status.kind !== 'failed') return;
    await this.saveNow();
  }

  /** Stop timers; pending edits are not saved (call flush first to keep them). */
  dispose(): void {
    this.cancelTimer();
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = this.options.setTimer(() => {
      this.timer = undefined;
      void this.saveNow();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    this.options.clearTimer(this.timer);
    this.timer = undefined;
  }

  private async saveNow(): Promise<void> {
    if (this.inFlight) {
      await this.inFlight;
      if (this.hasUnsavedChanges && this.status.kind !== 'conflict') await this.saveNow();
      return;
    }
    if (!this.hasUnsavedChanges) return;

    this.inFlight = this.runSave();
    try {
      await this.inFlight;
    } finally {
      this.inFlight = undefined;
    }

    const newest = this.newestStored;
    this.newestStored = undefined;
    if (newest && this.status.kind !== 'conflict') this.observeStored(newest);
    if (this.hasUnsavedChanges && this.status.kind === 'pending') this.schedule(0);
  }

  private async runSave(): Promise<void> {
    const document = this.latestDocument;
    this.firstPendingAt = undefined;
    this.setStatus({ kind: 'saving' });

    let result: SaveResult<Stored>;
    try {
      result = await this.options.save(document, this.revision);
    } catch (error) {
      this.setStatus({ kind: 'failed', error });
      return;
    }

    if (result.status === 'missing') {
      this.setStatus({ kind: 'missing' });
      return;
    }
    if (result.status === 'conflict') {
      this.setStatus({ kind: 'conflict', stored: result.stored });
      return;
    }

    this.revision = result.revision;
    this.savedDocument = document;
    this.setStatus(this.hasUnsavedChanges ? { kind: 'pending' } : { kind: 'saved' });
  }

  private setStatus(status: AutosaveStatus): void {
    // Every edit of a drag reports "pending"; telling the host again would
    // re-render the whole editor on each frame. Statuses with details
    // (a conflict, a failure) are always reported.
    const plain = status.kind === 'saved' || status.kind === 'pending' || status.kind === 'saving';
    if (plain && status.kind === this.status.kind) return;
    this.status = status;
    this.options.onStatus(status);
  }
}
