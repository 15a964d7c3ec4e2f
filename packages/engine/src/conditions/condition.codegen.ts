import type { CompiledNode, Test } from './condition.node.js';

/**
 * Optional code generation for a compiled condition's test. Closures that
 * share one function literal also share V8's inline caches, so a rule that
 * reads `budget` and one that reads `province` make every property read
 * megamorphic, several times slower than hand-written code. A generated
 * function has caches of its own and runs as fast as hand-written code.
 *
 * Safety: the source is assembled only from the fixed templates in this
 * package and from parameter names it makes up (`p0`, `p1` …). Every field
 * name, constant and list from the expression is passed to the generated
 * function as an argument value, never written into the source, and
 * `isGeneratedSourceSafe` checks the assembled source before it is compiled.
 * Where the host forbids `new Function` (a Content Security Policy without
 * `unsafe-eval`), the closures are used instead.
 */

/** Collects the values a generated function receives. */
export class ParameterList {
  readonly names: string[] = [];
  readonly values: unknown[] = [];

  /** Passes a value to the generated function and returns the name of the parameter that receives it. */
  bind(value: unknown): string {
    const name = `p${this.values.length}`;
    this.names.push(name);
    this.values.push(value);
    return name;
  }

  /**
   * Returns the expression that reads field `key` as a number with
   * `parse`, written by `write`. A pipeline's generated run overrides it to
   * read each field once per lead.
   */
  numericRead(_key: string, _parse: unknown, write: () => string): string {
    return write();
  }
}

/**
 * Returns the expression of a node's test in generated code. The expression
 * reads the lead from `d` and may use the scratch variable `v`. A node
 * without a template is called through its closure.
 */
export function emitTest(node: CompiledNode, parameters: ParameterList): string {
  if (node.emit !== undefined) return node.emit(parameters);
  if (node.isConstant) return node.test(undefined) ? 'true' : 'false';
  return `${parameters.bind(node.test)}(d)`;
}

/** The template of each generated test, for inlining it into a pipeline's generated run. */
const TEMPLATES = new WeakMap<Test, (parameters: ParameterList) => string>();

/**
 * Returns the template of a test that `generateTest` made: a function that
 * writes the test's expression (reading the lead from `d`, scratch variable
 * `v`) with its values bound to `parameters`. Undefined for any other test.
 */
export function conditionTemplateOf(
  test: Test,
): ((parameters: ParameterList) => string) | undefined {
  return TEMPLATES.get(test);
}

/** Quoted words the templates use; nothing else in a generated source is quoted. */
export const TEMPLATE_WORDS = /'(?:use strict|object|number|string|function)'/g;
const SAFE_SOURCE = /^[A-Za-z0-9_\s()[\]{};,.=!<>&|?:]*$/;

/** Checks that a generated source contains only template text and parameter names. */
export function isGeneratedSourceSafe(source: string): boolean {
  return SAFE_SOURCE.test(source.replace(TEMPLATE_WORDS, ''));
}

/**
 * Generates the test of a compiled condition, or returns undefined when the
 * root has no template or the host forbids generated code.
 */
export function generateTest(root: CompiledNode): Test | undefined {
  if (root.emit === undefined) return undefined;

  const parameters = new ParameterList();
  const fallback = parameters.bind(root.test);
  const expression = root.emit(parameters);
  const source =
    `'use strict'; return function (d) { ` +
    `if (typeof d !== 'object' || d === null) return ${fallback}(d); ` +
    `let v; return ${expression}; };`;
  if (!isGeneratedSourceSafe(source)) {
    throw new Error('A generated condition source contains text outside the templates.');
  }

  try {
    // eslint-disable-next-line no-restricted-syntax -- the source holds template text and parameter names only; every value from the expression is an argument.
    const factory = new Function(...parameters.names, source) as (...values: unknown[]) => Test;
    const test = factory(...parameters.values);
    TEMPLATES.set(test, root.emit);
    return test;
  } catch (error) {
    // A Content Security Policy without 'unsafe-eval' makes `new Function` throw EvalError.
    if (!(error instanceof EvalError)) throw error;
    return undefined;
  }
}
