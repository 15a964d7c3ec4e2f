import type { ConditionOptions } from './condition.types.js';
import type { MissingTest } from './condition.values.js';
import { createMissingTest, isBlank, truthy } from './condition.values.js';

const missingTests = new WeakMap<readonly string[], MissingTest>();

/** Returns the missing test for a dataset's placeholders, built once per list. */
export function missingTestFor(options: ConditionOptions | undefined): MissingTest {
  const emptyValues = options?.emptyValues;
  if (emptyValues === undefined || emptyValues.length === 0) return isBlank;

  let test = missingTests.get(emptyValues);
  if (test === undefined) {
    test = createMissingTest(emptyValues);
    missingTests.set(emptyValues, test);
  }
  return test;
}

/**
 * The format's truthiness: missing values (null, absent, blank text and the
 * dataset's placeholders), `false`, 0, NaN, numeric text equal to 0 and
 * empty lists are false; everything else is true.
 */
export function isTruthy(value: unknown, options?: ConditionOptions): boolean {
  return truthy(value, missingTestFor(options));
}

/**
 * Tells whether a value is missing: null, undefined, empty or
 * white-space-only text, or one of the dataset's placeholders (trimmed,
 * case-insensitive).
 */
export function isEmptyValue(value: unknown, options?: ConditionOptions): boolean {
  return missingTestFor(options)(value);
}
