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
 * Tells whether a name exists on `Object.prototype` (`toString`,
 * `hasOwnProperty` …), so that reading it from a plain object needs an own
 * property check. Decided once, when a condition is compiled.
 */
export function isInheritedName(key: string): boolean {
  return key in Object.prototype;
}

/**
 * Reads a property known by name at compile time. A name that
 * `Object.prototype` has is read with an own property check. Any other name
 * is read directly, which is much faster on the hot path, and a function
 * found that way is dropped because lead data never contains one. Returns
 * undefined for data that is not an object or list.
 *
 * NOTE: a direct read would see a non-function value that code added to
 * `Object.prototype` after the condition was compiled.
 */
export function readNamedProperty(data: unknown, key: string, inherited: boolean): unknown {
  if (typeof data !== 'object' || data === null) return undefined;
  if (inherited) return hasOwn(data, key) ? (data as Record<string, unknown>)[key] : undefined;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'function' ? undefined : value;
}

/**
 * Builds a reader for one field path. The reader returns undefined when the
 * field is absent, when a step is not an object or list, or when the path
 * has an unsafe segment.
 */
export function createFieldReader(path: string): (data: unknown) => unknown {
  if (findUnsafeSegment(path) !== undefined) return () => undefined;
  if (!path.includes('.')) {
    const inherited = isInheritedName(path);
    return (data) => readNamedProperty(data, path, inherited);
  }

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
