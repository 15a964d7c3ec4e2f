import { expect } from 'vitest';
import type { ConditionOptions, ConditionProblem } from '../../src/conditions/index.js';
import { compileCondition } from '../../src/conditions/index.js';
import { ReferenceRejection, applyReference, testReference } from './json-logic-reference.js';

type Lead = Record<string, unknown>;

/** Compiles an expression that must be accepted. */
export function compileOrFail(expr: unknown, options?: ConditionOptions) {
  const compiled = compileCondition(expr, options);
  if (!compiled.ok) {
    throw new Error(
      `Expected ${JSON.stringify(expr)} to compile: ${JSON.stringify(compiled.problems)}`,
    );
  }
  return compiled;
}

/**
 * Runs an expression through the engine and the reference, asserts that both
 * give the same value and the same truthiness, and returns the value.
 */
export function evaluateBoth(expr: unknown, lead: Lead, options?: ConditionOptions): unknown {
  const compiled = compileOrFail(expr, options);
  const engineValue = compiled.evaluate(lead as never);
  const referenceValue = applyReference(expr, lead, options);
  expect(
    engineValue,
    `engine and reference differ for ${JSON.stringify(expr)} on ${JSON.stringify(lead)}`,
  ).toEqual(referenceValue);
  expect(compiled.test(lead as never)).toBe(testReference(expr, lead, options));
  return engineValue;
}

/** Asserts that the engine and the reference reject an expression with the same code. */
export function rejectBoth(
  expr: unknown,
  code: ConditionProblem['code'],
  options?: ConditionOptions,
): ConditionProblem {
  const compiled = compileCondition(expr, options);
  if (compiled.ok) throw new Error(`Expected ${JSON.stringify(expr)} to be rejected with ${code}`);
  expect(compiled.problems[0]?.code).toBe(code);

  let rejection: unknown;
  try {
    applyReference(expr, {}, options);
  } catch (error) {
    rejection = error;
  }
  expect(rejection).toBeInstanceOf(ReferenceRejection);
  expect((rejection as ReferenceRejection).code).toBe(code);
  return compiled.problems[0]!;
}
