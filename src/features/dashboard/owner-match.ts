/**
 * Matching the owner written in a dataset to a rep: by id first, else by a
 * name that exactly one rep has, else by a name that exactly one rep had
 * before a rename (so a file written before the rename still counts for the
 * rep). A current name always wins over a former one. Names are compared
 * after trimming, folding
 * full-width characters, collapsing spaces and ignoring case, so `张伟 `,
 * `张伟` and `Zhang Wei`/`zhang wei` match.
 */

/** The fields of a rep that owner matching and the dashboard read. */
export interface RepIdentity {
  id: string;
  name: string;
  /** Team name; empty for a rep in no team. */
  team: string;
  /** Names the rep had before being renamed, oldest first. */
  formerNames?: readonly string[];
}

export type OwnerMatch =
  | { kind: 'rep'; repId: string; by: 'id' | 'name' | 'formerName' }
  | { kind: 'ambiguous'; repIds: string[] }
  | { kind: 'unknown' };

/** Folds an owner or rep name for comparison. */
export function normaliseName(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Builds a matcher over a list of reps; it caches each distinct owner text. */
export function createOwnerMatcher(reps: readonly RepIdentity[]): (owner: string) => OwnerMatch {
  const ids = new Set(reps.map((rep) => rep.id));
  const byName = namesIndex(reps.map((rep) => [rep.id, [rep.name]]));
  const byFormerName = namesIndex(reps.map((rep) => [rep.id, rep.formerNames ?? []]));

  const cache = new Map<string, OwnerMatch>();
  return (owner: string): OwnerMatch => {
    const cached = cache.get(owner);
    if (cached) return cached;

    const trimmed = owner.trim();
    let match: OwnerMatch = { kind: 'unknown' };
    if (ids.has(trimmed)) {
      match = { kind: 'rep', repId: trimmed, by: 'id' };
    } else {
      const key = normaliseName(trimmed);
      const current = byName.get(key) ?? [];
      const former = current.length === 0 ? (byFormerName.get(key) ?? []) : [];
      const candidates = current.length > 0 ? current : former;
      if (candidates.length === 1) {
        const by = current.length > 0 ? 'name' : 'formerName';
        match = { kind: 'rep', repId: candidates[0] as string, by };
      }
      if (candidates.length > 1) match = { kind: 'ambiguous', repIds: candidates };
    }

    cache.set(owner, match);
    return match;
  };
}

/** Rep ids by folded name; a rep is listed once per name even when two of its names fold alike. */
function namesIndex(entries: readonly [string, readonly string[]][]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const [repId, names] of entries) {
    for (const name of names) {
      const key = normaliseName(name);
      if (key === '') continue;
      const ids = index.get(key) ?? [];
      if (!ids.includes(repId)) ids.push(repId);
      index.set(key, ids);
    }
  }
  return index;
}
