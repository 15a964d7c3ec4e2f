/**
 * Maximum length of a flow, rep, team or dataset name, in characters (Unicode
 * code points). Longer names are rejected where they are typed or
 * imported, because tables and lists can show only a part of them.
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

/** Why a typed name cannot be used; each has a message under `common:nameDialog.<problem>`. */
export type NameProblem = 'required' | 'tooLong';

/** Checks a name as typed: blank after trimming, or too long once trimmed. */
export function checkName(name: string): NameProblem | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'required';
  if (isNameTooLong(trimmed)) return 'tooLong';
  return undefined;
}

/** Cuts `name` to at most `MAX_NAME_LENGTH` characters, never inside a character. */
export function cutName(name: string): string {
  return [...name].slice(0, MAX_NAME_LENGTH).join('');
}

/**
 * Compares two names as a user reads them: after trimming, and without
 * regard to case, so that "Sales " and "sales" are the same name.
 */
export function isSameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}
