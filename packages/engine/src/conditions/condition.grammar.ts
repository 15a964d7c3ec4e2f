/**
 * The accepted operations and how many arguments each takes. An operation's
 * arguments are its value when that is a list, else the value alone.
 */

export interface Arity {
  min: number;
  max: number;
}

const ANY = Number.POSITIVE_INFINITY;

export const OPERATION_ARITY: ReadonlyMap<string, Arity> = new Map<string, Arity>([
  ['var', { min: 0, max: 2 }],
  ['missing', { min: 0, max: ANY }],
  ['missing_some', { min: 2, max: 2 }],
  ['if', { min: 0, max: ANY }],
  ['==', { min: 2, max: 2 }],
  ['===', { min: 2, max: 2 }],
  ['!=', { min: 2, max: 2 }],
  ['!==', { min: 2, max: 2 }],
  ['!', { min: 1, max: 1 }],
  ['!!', { min: 1, max: 1 }],
  ['or', { min: 1, max: ANY }],
  ['and', { min: 1, max: ANY }],
  ['>', { min: 2, max: 2 }],
  ['>=', { min: 2, max: 2 }],
  ['<', { min: 2, max: 3 }],
  ['<=', { min: 2, max: 3 }],
  ['max', { min: 1, max: ANY }],
  ['min', { min: 1, max: ANY }],
  ['+', { min: 1, max: ANY }],
  ['-', { min: 1, max: 2 }],
  ['*', { min: 1, max: ANY }],
  ['/', { min: 2, max: 2 }],
  ['%', { min: 2, max: 2 }],
  ['in', { min: 2, max: 2 }],
  ['cat', { min: 0, max: ANY }],
  ['substr', { min: 2, max: 3 }],
  ['merge', { min: 0, max: ANY }],
  ['all', { min: 2, max: 2 }],
  ['none', { min: 2, max: 2 }],
  ['some', { min: 2, max: 2 }],
  ['startsWith', { min: 2, max: 2 }],
  ['endsWith', { min: 2, max: 2 }],
]);

/** Every accepted operation, in the order the format lists them. */
export const CONDITION_OPERATIONS: readonly string[] = [...OPERATION_ARITY.keys()];

/** Operations whose second argument is evaluated once per list element. */
export const SCOPED_OPERATIONS: ReadonlySet<string> = new Set(['all', 'none', 'some']);

/** Returns the arguments of an operation: its value when a list, else the value alone. */
export function operationArguments(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Tells whether a value is a plain JSON object (not a list, date, map or class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
