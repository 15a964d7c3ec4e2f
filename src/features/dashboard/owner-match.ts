/**
 * Matching the owner written in a dataset to a rep: by id first, else by a
 * name that exactly one rep has. Names are compared after trimming, folding
 * full-width characters, collapsing spaces and ignoring case, so `张伟 `,
 * `张伟` and `Zhang Wei`/`zhang wei` match.
 */

/** The fields of a rep that owner matching and the dashboard read. */
export interface RepIdentity {
  id: string;
  name: string;
  /** Team name; empty for a rep in no team. */
  team: string;
}

export type OwnerMatch =
  | { kind: 'rep'; repId: string; by: 'id' | 'name' }
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
  const byName = new Map<string, string[]>();
  for (const rep of reps) {
    const key = normaliseName(rep.name);
    if (key === '') continue;
    byName.set(key, [...(byName.get(key) ?? []), rep.id]);
  }

  const cache = new Map<string, OwnerMatch>();
  return (owner: string): OwnerMatch => {
    const cached = cache.get(owner);
    if (cached) return cached;

    const trimmed = owner.trim();
    let match: OwnerMatch = { kind: 'unknown' };
    if (ids.has(trimmed)) {
      match = { kind: 'rep', repId: trimmed, by: 'id' };
    } else {
      const candidates = byName.get(normaliseName(trimmed)) ?? [];
      if (candidates.length === 1)
        match = { kind: 'rep', repId: candidates[0] as string, by: 'name' };
      if (candidates.length > 1) match = { kind: 'ambiguous', repIds: candidates };
    }

    cache.set(owner, match);
    return match;
  };
}
