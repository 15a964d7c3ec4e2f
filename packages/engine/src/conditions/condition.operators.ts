import type { ParameterList } from './condition.codegen.js';
import { emitTest } from './condition.codegen.js';
import type { CompiledNode, Evaluate, Test } from './condition.node.js';
import { booleanNode, valueNode } from './condition.node.js';
import type { OrderingOperator } from './condition.fast.js';
import {
  createMembership,
  fastAffix,
  fastEquality,
  fastMembership,
  fastOrdering,
} from './condition.fast.js';
import type { MissingTest } from './condition.values.js';
import {
  compareValues,
  isTextComparison,
  looseEquals,
  numberOf,
  textOf,
  truthy,
} from './condition.values.js';

/**
 * Builders for the operations that read no fields. Each returns a closure
 * tree; nothing is interpreted per lead.
 */

export interface OperatorEnv {
  isMissing: MissingTest;
}

export type OperatorBuilder = (args: readonly CompiledNode[], env: OperatorEnv) => CompiledNode;

function at(args: readonly CompiledNode[], index: number): CompiledNode {
  const node = args[index];
  if (node === undefined) throw new Error(`Argument ${index} is missing after the arity check.`);
  return node;
}

// --- Logic -----------------------------------------------------------------

function buildIf(args: readonly CompiledNode[], env: OperatorEnv): CompiledNode {
  const conditions: Test[] = [];
  const branches: CompiledNode[] = [];
  let index = 0;
  for (; index + 1 < args.length; index += 2) {
    conditions.push(at(args, index).test);
    branches.push(at(args, index + 1));
  }
  const otherwise = index < args.length ? at(args, index) : undefined;
  const branchValues = branches.map((branch) => branch.evaluate);
  const branchTests = branches.map((branch) => branch.test);
  const count = conditions.length;

  const evaluate: Evaluate = (data) => {
    for (let i = 0; i < count; i++) {
      if (conditions[i]!(data)) return branchValues[i]!(data);
    }
    return otherwise === undefined ? null : otherwise.evaluate(data);
  };
  const test: Test = (data) => {
    for (let i = 0; i < count; i++) {
      if (conditions[i]!(data)) return branchTests[i]!(data);
    }
    return otherwise === undefined ? false : otherwise.test(data);
  };
  const emit = (parameters: ParameterList) => {
    let expression = otherwise === undefined ? 'false' : emitTest(otherwise, parameters);
    for (let i = count - 1; i >= 0; i--) {
      const condition = emitTest(at(args, 2 * i), parameters);
      expression = `(${condition} ? ${emitTest(at(args, 2 * i + 1), parameters)} : ${expression})`;
    }
    return expression;
  };
  return { ...valueNode(evaluate, env.isMissing), test, emit };
}

function buildAnd(args: readonly CompiledNode[], env: OperatorEnv): CompiledNode {
  return buildShortCircuit(args, env, false);
}

function buildOr(args: readonly CompiledNode[], env: OperatorEnv): CompiledNode {
  return buildShortCircuit(args, env, true);
}

/**
 * `and` returns the first falsy value or the last one; `or` the first truthy
 * value or the last one, as JSON Logic does. Tests short-circuit on booleans.
 */
function buildShortCircuit(
  args: readonly CompiledNode[],
  env: OperatorEnv,
  stopWhen: boolean,
): CompiledNode {
  const tests = args.map((arg) => arg.test);
  const values = args.map((arg) => arg.evaluate);
  const last = args.length - 1;
  const isMissing = env.isMissing;

  const evaluate: Evaluate = (data) => {
    for (let i = 0; i < last; i++) {
      const value = values[i]!(data);
      if (truthy(value, isMissing) === stopWhen) return value;
    }
    return values[last]!(data);
  };
  const test = shortCircuitTest(tests, stopWhen);
  const joiner = stopWhen ? ' || ' : ' && ';
  const emit = (parameters: ParameterList) =>
    `(${args.map((arg) => emitTest(arg, parameters)).join(joiner)})`;

  const allBoolean = args.every((arg) => arg.evaluate === arg.test);
  if (allBoolean) return booleanNode(test, emit);
  return { ...valueNode(evaluate, env.isMissing), test, emit };
}

function shortCircuitTest(tests: readonly Test[], stopWhen: boolean): Test {
  if (tests.length === 1) return tests[0]!;
  if (tests.length === 2) {
    const [first, second] = tests as [Test, Test];
    return stopWhen ? (data) => first(data) || second(data) : (data) => first(data) && second(data);
  }
  if (tests.length === 3) {
    const [first, second, third] = tests as [Test, Test, Test];
    return stopWhen
      ? (data) => first(data) || second(data) || third(data)
      : (data) => first(data) && second(data) && third(data);
  }
  const count = tests.length;
  return (data) => {
    for (let i = 0; i < count; i++) {
      if (tests[i]!(data) === stopWhen) return stopWhen;
    }
    return !stopWhen;
  };
}

function buildNot(args: readonly CompiledNode[]): CompiledNode {
  const operand = at(args, 0);
  const test = operand.test;
  return booleanNode(
    (data) => !test(data),
    (parameters) => `!(${emitTest(operand, parameters)})`,
  );
}

function buildDoubleNot(args: readonly CompiledNode[]): CompiledNode {
  const operand = at(args, 0);
  return booleanNode(operand.test, (parameters) => `(${emitTest(operand, parameters)})`);
}

// --- Equality and ordering -------------------------------------------------

function buildLooseEquality(negate: boolean): OperatorBuilder {
  return (args, env) => {
    const fast = fastEquality(negate, args, env.isMissing);
    if (fast !== undefined) return fast;

    const left = at(args, 0);
    const right = at(args, 1);
    const readLeft = left.evaluate;
    const readRight = right.evaluate;
    const isMissing = env.isMissing;

    if (!left.textTyped && !right.textTyped) {
      return booleanNode(
        (data) => looseEquals(readLeft(data), readRight(data), false, isMissing) !== negate,
      );
    }
    const leftTyped = left.textTyped;
    const rightTyped = right.textTyped;
    return booleanNode((data) => {
      const leftValue = readLeft(data);
      const rightValue = readRight(data);
      const textMode = isTextComparison(leftValue, leftTyped, rightValue, rightTyped);
      return looseEquals(leftValue, rightValue, textMode, isMissing) !== negate;
    });
  };
}

function buildStrictEquality(negate: boolean): OperatorBuilder {
  return (args) => {
    const readLeft = at(args, 0).evaluate;
    const readRight = at(args, 1).evaluate;
    return booleanNode((data) => (readLeft(data) === readRight(data)) !== negate);
  };
}

type Ordering = (order: number) => boolean;

const isBelow: Ordering = (order) => order < 0;
const isAtMost: Ordering = (order) => order <= 0;
const isAbove: Ordering = (order) => order > 0;
const isAtLeast: Ordering = (order) => order >= 0;

/** `<` and `<=` also take three arguments: `a < b < c`, the between form. */
function buildOrdering(operator: OrderingOperator, accept: Ordering): OperatorBuilder {
  return (args, env) => {
    const isMissing = env.isMissing;
    const fast = fastOrdering(operator, args, isMissing);
    if (fast !== undefined) return fast;

    const first = at(args, 0);
    const second = at(args, 1);
    const readFirst = first.evaluate;
    const readSecond = second.evaluate;
    const compare = (left: unknown, leftTyped: boolean, right: unknown, rightTyped: boolean) =>
      accept(
        compareValues(left, right, isTextComparison(left, leftTyped, right, rightTyped), isMissing),
      );

    if (args.length === 2) {
      if (!first.textTyped && !second.textTyped) {
        return booleanNode((data) =>
          accept(compareValues(readFirst(data), readSecond(data), false, isMissing)),
        );
      }
      return booleanNode((data) =>
        compare(readFirst(data), first.textTyped, readSecond(data), second.textTyped),
      );
    }

    const third = at(args, 2);
    const readThird = third.evaluate;
    return booleanNode((data) => {
      const middle = readSecond(data);
      return (
        compare(readFirst(data), first.textTyped, middle, second.textTyped) &&
        compare(middle, second.textTyped, readThird(data), third.textTyped)
      );
    });
  };
}

// --- Arithmetic ------------------------------------------------------------

/** Numbers of an argument: a text-typed column never converts its text. */
function numberReader(node: CompiledNode): (data: unknown) => number {
  const read = node.evaluate;
  if (node.textTyped) {
    return (data) => {
      const value = read(data);
      return typeof value === 'number' ? value : NaN;
    };
  }
  return (data) => numberOf(read(data));
}

/** Returns null where JavaScript would give NaN. */
function numberOrNull(value: number): number | null {
  return value === value ? value : null;
}

function buildSum(args: readonly CompiledNode[], env: OperatorEnv): CompiledNode {
  const readers = args.map(numberReader);
  const count = readers.length;
  return valueNode((data) => {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += readers[i]!(data);
    return numberOrNull(sum);
  }, env.isMissing);
}

function buildProduct(args: readonly CompiledNode[], env: OperatorEnv): CompiledNode {
  const readers = args.map(numberReader);
  const count = readers.length;
  return valueNode((data) => {
    let product = 1;
    for (let i = 0; i < count; i++) product *= readers[i]!(data);
    return numberOrNull(product);
  }, env.isMissing);
}

function buildDifference(args: readonly CompiledNode[], env: OperatorEnv): CompiledNode {
  const readFirst = numberReader(at(args, 0));
  if (args.length === 1) return valueNode((data) => numberOrNull(-readFirst(data)), env.isMissing);

  const readSecond = numberReader(at(args, 1));
  return valueNode((data) => numberOrNull(readFirst(data) - readSecond(data)), env.isMissing);
}

function buildBinaryArithmetic(operate: (left: number, right: number) => number): OperatorBuilder {
  return (args, env) => {
    const readLeft = numberReader(at(args, 0));
    const readRight = numberReader(at(args, 1));
    return valueNode(
      (data) => numberOrNull(operate(readLeft(data), readRight(data))),
      env.isMissing,
    );
  };
}

function buildExtreme(pick: (left: number, right: number) => number): OperatorBuilder {
  return (args, env) => {
    const readers = args.map(numberReader);
    const count = readers.length;
    return valueNode((data) => {
      let result = readers[0]!(data);
      for (let i = 1; i < count; i++) result = pick(result, readers[i]!(data));
      return numberOrNull(result);
    }, env.isMissing);
  };
}

// --- Text and lists --------------------------------------------------------

/**
 * `in`: membership when the second argument is a list (with the format's
 * `==`), substring when it is text. A missing first argument is never
 * contained; anything else as the second argument contains nothing.
 */
function buildIn(args: readonly CompiledNode[], env: OperatorEnv): CompiledNode {
  const needleNode = at(args, 0);
  const haystackNode = at(args, 1);
  const fast = fastMembership(needleNode, haystackNode, env.isMissing);
  if (fast !== undefined) return fast;

  const needleTyped = needleNode.textTyped;
  const readNeedle = needleNode.evaluate;
  const isMissing = env.isMissing;

  if (haystackNode.isConstant && Array.isArray(haystackNode.constant)) {
    const contains = createMembership(haystackNode.constant, false, isMissing);
    if (!needleTyped) return booleanNode((data) => contains(readNeedle(data)));

    const containsText = createMembership(haystackNode.constant, true, isMissing);
    return booleanNode((data) => {
      const needle = readNeedle(data);
      return typeof needle === 'string' ? containsText(needle) : contains(needle);
    });
  }

  const readHaystack = haystackNode.evaluate;
  return booleanNode((data) => {
    const needle = readNeedle(data);
    const textMode = needleTyped && typeof needle === 'string';
    return isContained(needle, readHaystack(data), textMode, isMissing);
  });
}

export function isContained(
  needle: unknown,
  haystack: unknown,
  textMode: boolean,
  isMissing: MissingTest,
): boolean {
  if (isMissing(needle)) return false;

  if (Array.isArray(haystack)) {
    for (const item of haystack) {
      if (looseEquals(needle, item, textMode, isMissing)) return true;
    }
    return false;
  }

  if (typeof haystack !== 'string' || isMissing(haystack)) return false;
  const needleText = textOf(needle);
  return needleText !== undefined && haystack.includes(needleText);
}

/** Text of a value for `cat` and `substr`, as JavaScript's `join` writes it. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(toText).join(',');
  if (typeof value === 'object') return '[object Object]';
  return String(value);
}

function buildCat(args: readonly CompiledNode[], env: OperatorEnv): CompiledNode {
  const readers = args.map((arg) => arg.evaluate);
  const count = readers.length;
  const isMissing = env.isMissing;
  return valueNode((data) => {
    let text = '';
    for (let i = 0; i < count; i++) {
      const value = readers[i]!(data);
      if (!isMissing(value)) text += toText(value);
    }
    return text;
  }, isMissing);
}

/** Number of a `substr` position, as `String.prototype.substr` converts it. */
function toPosition(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return NaN;
  return Number(Array.isArray(value) ? toText(value) : value);
}

/**
 * `substr` as json-logic-js writes it: a start and a length, where a
 * negative length drops that many characters from the end.
 */
function buildSubstr(args: readonly CompiledNode[], env: OperatorEnv): CompiledNode {
  const readSource = at(args, 0).evaluate;
  const readStart = at(args, 1).evaluate;
  const readLength = args.length > 2 ? at(args, 2).evaluate : undefined;
  const isMissing = env.isMissing;

  return valueNode((data) => {
    const source = readSource(data);
    const text = isMissing(source) ? '' : toText(source);
    const start = toPosition(readStart(data));
    if (readLength === undefined) return text.substr(start);

    const length = toPosition(readLength(data));
    if (length < 0) {
      const tail = text.substr(start);
      return tail.substr(0, tail.length + length);
    }
    return text.substr(start, length);
  }, isMissing);
}

function buildMerge(args: readonly CompiledNode[], env: OperatorEnv): CompiledNode {
  const readers = args.map((arg) => arg.evaluate);
  return valueNode((data) => {
    const merged: unknown[] = [];
    for (const read of readers) {
      const value = read(data);
      if (Array.isArray(value)) {
        for (const item of value) merged.push(item);
      } else {
        merged.push(value);
      }
    }
    return merged;
  }, env.isMissing);
}

/** `startsWith` and `endsWith` as react-querybuilder writes them: `[field, value]`. */
function buildAffix(
  atStart: boolean,
  matches: (text: string, affix: string) => boolean,
): OperatorBuilder {
  return (args, env) => {
    const fast = fastAffix(atStart, args, env.isMissing);
    if (fast !== undefined) return fast;

    const readText = at(args, 0).evaluate;
    const readAffix = at(args, 1).evaluate;
    const isMissing = env.isMissing;
    return booleanNode((data) => {
      const value = readText(data);
      const affix = readAffix(data);
      if (isMissing(value) || isMissing(affix)) return false;
      const valueText = textOf(value);
      const affixText = textOf(affix);
      return valueText !== undefined && affixText !== undefined && matches(valueText, affixText);
    });
  };
}

/** Builders of every operation that needs no field access or scope. */
export const OPERATOR_BUILDERS: ReadonlyMap<string, OperatorBuilder> = new Map<
  string,
  OperatorBuilder
>([
  ['if', buildIf],
  ['and', buildAnd],
  ['or', buildOr],
  ['!', buildNot],
  ['!!', buildDoubleNot],
  ['==', buildLooseEquality(false)],
  ['!=', buildLooseEquality(true)],
  ['===', buildStrictEquality(false)],
  ['!==', buildStrictEquality(true)],
  ['<', buildOrdering('<', isBelow)],
  ['<=', buildOrdering('<=', isAtMost)],
  ['>', buildOrdering('>', isAbove)],
  ['>=', buildOrdering('>=', isAtLeast)],
  ['+', buildSum],
  ['*', buildProduct],
  ['-', buildDifference],
  ['/', buildBinaryArithmetic((left, right) => left / right)],
  ['%', buildBinaryArithmetic((left, right) => left % right)],
  ['max', buildExtreme(Math.max)],
  ['min', buildExtreme(Math.min)],
  ['in', buildIn],
  ['cat', buildCat],
  ['substr', buildSubstr],
  ['merge', buildMerge],
  ['startsWith', buildAffix(true, (text, affix) => text.startsWith(affix))],
  ['endsWith', buildAffix(false, (text, affix) => text.endsWith(affix))],
]);
