/**
 * Longest name, in characters (Unicode code points), that a flow or rep may
 * have. Longer names are rejected where they are typed or imported, because
 * tables and lists can show only a part of them.
 */
export const MAX_NAME_LENGTH = 100;

/** Returns the length of `name` in characters, counting an emoji as one. */
export function nameLength(name: string): number {
  return [...name].length;
}

/** Checks whether `name` is longer than `MAX_NAME_LENGTH` characters. */
export function isNameTooLong(name: string): boolean {
  return nameLength(name) > MAX_NAME_LENGTH;
}
