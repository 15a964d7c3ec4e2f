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
 * Runs an expression through the engine, with generated code and with the
 * closures alone, and through the reference. Asserts that all give the same
 * value and the same truthiness, and returns the value.
 */
export function evaluateBoth(expr: unknown, lead: Lead, options?: ConditionOptions): unknown {
  const generated = compileOrFail(expr, options);
  const closures = compileOrFail(expr, { ...options, codegen: false });
  const referenceValue = applyReference(expr, lead, options);
  const referenceTest = testReference(expr, lead, options);
  const context = `${JSON.stringify(expr)} on ${JSON.stringify(lead)}`;

  const engineValue = generated.evaluate(lead as never);
  expect(engineValue, `generated value of ${context}`).toEqual(referenceValue);
  expect(closures.evaluate(lead as never), `closure value of ${context}`).toEqual(referenceValue);
  expect(generated.test(lead as never), `generated test of ${context}`).toBe(referenceTest);
  expect(closures.test(lead as never), `closure test of ${context}`).toBe(referenceTest);
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
