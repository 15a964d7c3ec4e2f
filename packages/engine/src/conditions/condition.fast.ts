import type { CompiledNode } from './condition.node.js';
import { booleanNode } from './condition.node.js';
import type { MissingTest } from './condition.values.js';
import { numberOf, parseNumericText, textOf } from './condition.values.js';

/**
 * Specialised closures for the shapes a rule builder writes most: a field
 * against a constant (`budget >= 1000`, `source == "官网"`, `province in
 * [...]`, `phone startsWith "138"`). Each reads the lead's own property
 * directly and settles the common value types without further calls. Every
 * closure here gives exactly the result of the generic operators, which the
 * generated tests check against the reference.
 */

const hasOwn = Object.hasOwn;

/** Reads an own property; undefined for anything else. Small enough to inline. */
function readOwnField(data: unknown, key: string): unknown {
  return typeof data === 'object' && data !== null && hasOwn(data, key)
    ? (data as Record<string, unknown>)[key]
    : undefined;
}

/** The plain field a node reads and the constant of the other operand, when the shape fits. */
interface FieldAndConstant {
  key: string;
  constant: unknown;
  /** Whether the field is the first operand. */
  fieldFirst: boolean;
}

function fieldAndConstant(first: CompiledNode, second: CompiledNode): FieldAndConstant | undefined {
  if (first.fieldKey !== undefined && !first.textTyped && second.isConstant) {
    return { key: first.fieldKey, constant: second.constant, fieldFirst: true };
  }
  if (second.fieldKey !== undefined && !second.textTyped && first.isConstant) {
    return { key: second.fieldKey, constant: first.constant, fieldFirst: false };
  }
  return undefined;
}

/** Returns the number a constant stands for, or NaN. */
function constantNumber(value: unknown, isMissing: MissingTest): number {
  return isMissing(value) ? NaN : numberOf(value);
}

/**
 * Reads a field as a number for ordering against a number: a number value,
 * or numeric text that is not a placeholder; NaN for everything else, which
 * makes every comparison false as the format requires.
 */
function numericField(data: unknown, key: string, isMissing: MissingTest): number {
  const value = readOwnField(data, key);
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return NaN;
  const number = parseNumericText(value);
  return number === number && !isMissing(value) ? number : NaN;
}

export type OrderingOperator = '<' | '<=' | '>' | '>=';

const MIRRORED: Readonly<Record<OrderingOperator, OrderingOperator>> = {
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};

/** `field op number` for the four ordering operators, two operands. */
export function fastOrdering(
  operator: OrderingOperator,
  args: readonly CompiledNode[],
  isMissing: MissingTest,
): CompiledNode | undefined {
  if (args.length !== 2) return fastBetween(operator, args, isMissing);
  const shape = fieldAndConstant(args[0]!, args[1]!);
  if (shape === undefined) return undefined;

  const bound = constantNumber(shape.constant, isMissing);
  if (bound !== bound) return undefined;
  const key = shape.key;
  const effective = shape.fieldFirst ? operator : MIRRORED[operator];

  switch (effective) {
    case '<':
      return booleanNode((data) => numericField(data, key, isMissing) < bound);
    case '<=':
      return booleanNode((data) => numericField(data, key, isMissing) <= bound);
    case '>':
      return booleanNode((data) => numericField(data, key, isMissing) > bound);
    case '>=':
      return booleanNode((data) => numericField(data, key, isMissing) >= bound);
  }
}

/** `number <= field <= number` and `number < field < number`, the between form. */
function fastBetween(
  operator: OrderingOperator,
  args: readonly CompiledNode[],
  isMissing: MissingTest,
): CompiledNode | undefined {
  const [low, middle, high] = args as [CompiledNode, CompiledNode, CompiledNode];
  if (middle.fieldKey === undefined || middle.textTyped || !low.isConstant || !high.isConstant) {
    return undefined;
  }
  const lowBound = constantNumber(low.constant, isMissing);
  const highBound = constantNumber(high.constant, isMissing);
  if (lowBound !== lowBound || highBound !== highBound) return undefined;

  const key = middle.fieldKey;
  if (operator === '<=') {
    return booleanNode((data) => {
      const value = numericField(data, key, isMissing);
      return lowBound <= value && value <= highBound;
    });
  }
  if (operator === '<') {
    return booleanNode((data) => {
      const value = numericField(data, key, isMissing);
      return lowBound < value && value < highBound;
    });
  }
  return undefined;
}

/** `field == constant` and `field != constant`. */
export function fastEquality(
  negate: boolean,
  args: readonly CompiledNode[],
  isMissing: MissingTest,
): CompiledNode | undefined {
  const shape = fieldAndConstant(args[0]!, args[1]!);
  if (shape === undefined) return undefined;
  const key = shape.key;
  const constant = shape.constant;

  if (isMissing(constant)) {
    return booleanNode((data) => isMissing(readOwnField(data, key)) !== negate);
  }

  const number = numberOf(constant);
  if (number === number) {
    return booleanNode((data) => {
      const value = readOwnField(data, key);
      if (typeof value === 'number') return (value === number) !== negate;
      if (typeof value !== 'string') return negate;
      return (parseNumericText(value) === number && !isMissing(value)) !== negate;
    });
  }

  if (typeof constant === 'string' || typeof constant === 'boolean') {
    return booleanNode((data) => (readOwnField(data, key) === constant) !== negate);
  }
  return undefined;
}

/**
 * Membership in a fixed list under the format's `==`: numbers (numeric text
 * included), other text and booleans each in their own set, or only text in
 * text mode.
 */
export function createMembership(
  list: readonly unknown[],
  textMode: boolean,
  isMissing: MissingTest,
): (needle: unknown) => boolean {
  const texts = new Set<string>();
  const numbers = new Set<number>();
  const booleans = new Set<boolean>();
  for (const item of list) {
    if (isMissing(item)) continue;
    if (textMode) {
      const text = textOf(item);
      if (text !== undefined) texts.add(text);
      continue;
    }
    if (typeof item === 'boolean') {
      booleans.add(item);
      continue;
    }
    const number = numberOf(item);
    if (number === number) numbers.add(number);
    else if (typeof item === 'string') texts.add(item);
  }

  if (textMode) {
    return (needle) => {
      const text = textOf(needle);
      return text !== undefined && texts.has(text) && !isMissing(needle);
    };
  }
  return (needle) => {
    if (typeof needle === 'string') {
      if (texts.has(needle)) return true;
      if (numbers.size === 0) return false;
      const number = parseNumericText(needle);
      return number === number && numbers.has(number) && !isMissing(needle);
    }
    if (typeof needle === 'number') return numbers.has(needle);
    if (typeof needle === 'boolean') return booleans.has(needle);
    return false;
  };
}

/** `field in [constants]`. */
export function fastMembership(
  needle: CompiledNode,
  haystack: CompiledNode,
  isMissing: MissingTest,
): CompiledNode | undefined {
  const key = needle.fieldKey;
  if (key === undefined || needle.textTyped || !haystack.isConstant) return undefined;
  if (!Array.isArray(haystack.constant)) return undefined;

  const contains = createMembership(haystack.constant, false, isMissing);
  return booleanNode((data) => contains(readOwnField(data, key)));
}

/** `startsWith` and `endsWith` of a field and a constant, as react-querybuilder writes them. */
export function fastAffix(
  atStart: boolean,
  args: readonly CompiledNode[],
  isMissing: MissingTest,
): CompiledNode | undefined {
  const [field, affixNode] = args as [CompiledNode, CompiledNode];
  const key = field.fieldKey;
  if (key === undefined || !affixNode.isConstant) return undefined;
  if (isMissing(affixNode.constant)) return booleanNode(() => false);
  const affix = textOf(affixNode.constant);
  if (affix === undefined) return booleanNode(() => false);

  const matches = atStart
    ? (text: string) => text.startsWith(affix)
    : (text: string) => text.endsWith(affix);
  return booleanNode((data) => {
    const value = readOwnField(data, key);
    if (typeof value === 'string') return matches(value) && !isMissing(value);
    return typeof value === 'number' && matches(String(value));
  });
}
