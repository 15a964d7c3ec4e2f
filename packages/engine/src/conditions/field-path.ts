/**
 * Field lookup for `var` and `missing`: the exact key first, so a field named
 * `a.b` is found as it is; only otherwise is the dot a path. Every step reads
 * own properties of objects and lists, never a prototype, so a rule cannot
 * reach `Object.prototype` or the `Function` constructor.
 */

/** Path segments rejected when a condition is compiled, and never followed when read. */
export const UNSAFE_PATH_SEGMENTS: ReadonlySet<string> = new Set([
  '__proto__',
  'prototype',
  'constructor',
]);

/** Returns the first unsafe segment of a field path, or undefined. */
export function findUnsafeSegment(path: string): string | undefined {
  for (const segment of path.split('.')) {
    if (UNSAFE_PATH_SEGMENTS.has(segment)) return segment;
  }
  return undefined;
}

const hasOwn = Object.hasOwn;

/** Reads an own property of an object or list; undefined for anything else. */
export function readOwn(data: unknown, key: string): unknown {
  if (typeof data !== 'object' || data === null) return undefined;
  return hasOwn(data, key) ? (data as Record<string, unknown>)[key] : undefined;
}

/**
 * Builds a reader for one field path. The reader returns undefined when the
 * field is absent, when a step is not an object or list, or when the path
 * has an unsafe segment.
 */
export function createFieldReader(path: string): (data: unknown) => unknown {
  if (findUnsafeSegment(path) !== undefined) return () => undefined;
  if (!path.includes('.')) return (data) => readOwn(data, path);

  const segments = path.split('.');
  return (data) => {
    if (typeof data !== 'object' || data === null) return undefined;
    if (hasOwn(data, path)) return (data as Record<string, unknown>)[path];

    let current: unknown = data;
    for (const segment of segments) {
      current = readOwn(current, segment);
      if (current === undefined) return undefined;
    }
    return current;
  };
}

/** Reads one field path once; see `createFieldReader`. */
export function readField(data: unknown, path: string): unknown {
  return createFieldReader(path)(data);
}
