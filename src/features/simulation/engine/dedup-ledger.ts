/**
 * The dedup keys of a simulation run, kept across the segments it runs in.
 *
 * A run is split into segments so that a million leads never sit in memory
 * at once. Each segment gets only the dedup keys and existing-owner rows its
 * own leads can match (the engine gives the same results for a partial
 * `dedup` section), and the ledger records, for every key, the segment that
 * first saw it and the segment that filled in its owner, so that a segment
 * can later be run again with exactly the keys it started with.
 */
import { DEDUP_KEYS, dedupKeyOf, type ExistingOwner } from '@sras/engine';

/** The segment number used for keys of the run's starting state. */
export const START_SEGMENT = -1;

interface LedgerEntry {
  ownerId: string | null;
  /** Segment whose leads first brought the key; START_SEGMENT for the starting state. */
  firstSegment: number;
  /** Segment that set the owner; only meaningful when `ownerId` is not null. */
  ownerSegment: number;
}

export class DedupLedger {
  private readonly entries = new Map<string, LedgerEntry>();
  private readonly ownerRows = new Map<string, number[]>();

  constructor(
    startDedup: Readonly<Record<string, string | null>>,
    private readonly owners: readonly ExistingOwner[],
  ) {
    for (const [key, ownerId] of Object.entries(startDedup)) {
      this.entries.set(key, { ownerId, firstSegment: START_SEGMENT, ownerSegment: START_SEGMENT });
    }
    owners.forEach((row, index) => {
      for (const type of DEDUP_KEYS) {
        const key = dedupKeyOf(type, row[type]);
        if (key === null) continue;
        const rows = this.ownerRows.get(key);
        if (rows === undefined) this.ownerRows.set(key, [index]);
        else if (rows.at(-1) !== index) rows.push(index);
      }
    });
  }

  /**
   * The `dedup` section a segment starts with, limited to `keys`: every key
   * known before `segment` began, with the owner it had then.
   */
  stateFor(keys: readonly string[], segment: number): Record<string, string | null> {
    const dedup: Record<string, string | null> = {};
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry === undefined || entry.firstSegment >= segment) continue;
      dedup[key] = entry.ownerId !== null && entry.ownerSegment < segment ? entry.ownerId : null;
    }
    return dedup;
  }

  /** The existing-owner rows that hold any of `keys`, in list order. */
  ownersFor(keys: readonly string[]): ExistingOwner[] {
    const indexes = new Set<number>();
    for (const key of keys) {
      for (const index of this.ownerRows.get(key) ?? []) indexes.add(index);
    }
    return [...indexes].sort((a, b) => a - b).map((index) => this.owners[index] as ExistingOwner);
  }

  /** Records a segment's dedup delta: keys added, or owners filled in. */
  record(segment: number, changes: readonly { key: string; ownerId: string | null }[]): void {
    for (const { key, ownerId } of changes) {
      const entry = this.entries.get(key);
      if (entry === undefined) {
        this.entries.set(key, { ownerId, firstSegment: segment, ownerSegment: segment });
      } else if (entry.ownerId === null && ownerId !== null) {
        entry.ownerId = ownerId;
        entry.ownerSegment = segment;
      }
    }
  }

  /** Whether a key came from the run's starting state (and not from a lead of this run). */
  isFromStartState(key: string): boolean {
    return this.entries.get(key)?.firstSegment === START_SEGMENT;
  }

  /** Every key with its final owner, in first-seen order, as the state's `dedup` section. */
  toStateSection(): Record<string, string | null> {
    const dedup: Record<string, string | null> = {};
    for (const [key, entry] of this.entries) dedup[key] = entry.ownerId;
    return dedup;
  }
}
