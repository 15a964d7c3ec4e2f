import type { ExistingOwner } from '../flow/flow.types.js';
import { DEDUP_KEYS } from '../validation/node-data.validator.js';
import { dedupKeyOf } from '../dedup/dedup-keys.js';

/** Source of a matched dedup key. */
export type DedupMatchSource = 'existing' | 'state' | 'run';

/**
 * The dedup keys known to a run: the existing-owners list (first row of a
 * key wins), keys from the saved state, and keys of earlier leads of this
 * run, with their owners. Keys are kept in first-seen order.
 */
export class DedupRegistry {
  /** Saved and newly seen keys with their owner (null: the lead ended unassigned). */
  readonly seen: Map<string, string | null>;
  /** Keys added by this run or whose owner it filled in, with the new owner. */
  readonly changed = new Map<string, string | null>();
  private readonly existing = new Map<string, string>();
  private readonly addedByRun = new Set<string>();

  constructor(saved: Readonly<Record<string, string | null>>, owners: readonly ExistingOwner[]) {
    this.seen = new Map(Object.entries(saved));
    for (const row of owners) {
      for (const type of DEDUP_KEYS) {
        const key = dedupKeyOf(type, row[type]);
        if (key !== null && !this.existing.has(key)) this.existing.set(key, row.owner_id);
      }
    }
  }

  /** True when the key is known from any source. */
  has(key: string): boolean {
    return this.existing.has(key) || this.seen.has(key);
  }

  /**
   * Returns the owner of a known key from the existing-owners list first,
   * because it is the CRM's record, then from the state and this run. Returns
   * null when the key is unknown or its lead ended unassigned.
   */
  ownerOf(key: string): string | null {
    const owner = this.existing.get(key);
    if (owner !== undefined) return owner;
    return this.seen.get(key) ?? null;
  }

  /** Returns the source of a known key. */
  sourceOf(key: string): DedupMatchSource {
    if (this.existing.has(key)) return 'existing';
    return this.addedByRun.has(key) ? 'run' : 'state';
  }

  /**
   * Records the keys of a lead that passed a dedup node, once the lead has
   * ended: a new key gets the lead's owner, and a known key without an owner
   * gets it filled in. An owner once recorded is never replaced.
   */
  register(key: string, ownerId: string | null): void {
    const current = this.seen.get(key);
    if (current === undefined) {
      this.seen.set(key, ownerId);
      this.addedByRun.add(key);
      this.changed.set(key, ownerId);
    } else if (current === null && ownerId !== null) {
      this.seen.set(key, ownerId);
      this.changed.set(key, ownerId);
    }
  }
}
