/**
 * The state's nested records of numbers (`nodeId → period → value → count`)
 * as nested Maps while a run or a delta changes them, and back to the
 * canonical JSON form.
 */
export type NestedCounts = Map<string, NestedCounts | number>;

/** Copies a nested record of numbers into nested Maps. */
export function toNestedMap(record: object): NestedCounts {
  const map: NestedCounts = new Map();
  for (const [key, value] of Object.entries(record)) {
    map.set(key, typeof value === 'number' ? value : toNestedMap(value as object));
  }
  return map;
}

/** Sets the number at a path, creating the Maps on the way. */
export function setNested(map: NestedCounts, path: readonly string[], value: number): void {
  let current = map;
  for (const key of path.slice(0, -1)) {
    let next = current.get(key);
    if (!(next instanceof Map)) {
      next = new Map();
      current.set(key, next);
    }
    current = next;
  }
  current.set(path[path.length - 1] as string, value);
}

/** Removes the entry at a path, if there is one. */
export function deleteNested(map: NestedCounts, path: readonly string[]): void {
  let current: NestedCounts | number | undefined = map;
  for (const key of path.slice(0, -1)) {
    current = current instanceof Map ? current.get(key) : undefined;
  }
  if (current instanceof Map) current.delete(path[path.length - 1] as string);
}

/**
 * Converts nested Maps to the canonical record form of the state: keys
 * sorted, zero numbers and empty records left out, so that equal content
 * gives equal JSON whatever the history. Built with Object.fromEntries, so
 * that a key such as `__proto__` becomes an ordinary property.
 */
export function toCanonicalRecord(map: NestedCounts): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  for (const key of [...map.keys()].sort(compareKeys)) {
    const value = map.get(key);
    if (typeof value === 'number') {
      if (value !== 0) entries.push([key, value]);
    } else if (value !== undefined) {
      const nested = toCanonicalRecord(value);
      if (Object.keys(nested).length > 0) entries.push([key, nested]);
    }
  }
  return Object.fromEntries(entries);
}

function compareKeys(left: string, right: string): number {
  if (left < right) return -1;
  return left > right ? 1 : 0;
}
