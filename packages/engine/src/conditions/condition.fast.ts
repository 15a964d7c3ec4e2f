import type { CompiledNode } from './condition.node.js';
import { booleanNode } from './condition.node.js';
import { isInheritedName, readNamedProperty } from './field-path.js';
import type { MissingTest } from './condition.values.js';
import {
  looseEquals,
  numberOf,
  parseNumberCell,
  parseNumericText,
  textOf,
} from './condition.values.js';

/**
 * Specialised closures for the shapes a rule builder writes most: a field
 * against a constant (`budget >= 1000`, `source == "官网"`, `province in
 * [...]`, `phone startsWith "138"`). Each reads the lead's own property
 * directly and settles the common value types without further calls. Every
 * closure here gives exactly the result of the generic operators, which the
 * generated tests check against the reference.
 */

/** The plain field a node reads and the constant of the other operand, when the shape fits. */
interface FieldAndConstant {
  key: string;
  constant: unknown;
  /** Whether the field is the first operand. */
  fieldFirst: boolean;
  field: CompiledNode;
}

/** Tells whether a node reads a field as it is: no column type changes its comparisons. */
function isPlainField(node: CompiledNode): node is CompiledNode & { fieldKey: string } {
  return node.fieldKey !== undefined && !node.textTyped && node.numberColumn !== true;
}

/** Tells whether a node reads a field as text or as it is: plain or text-typed. */
function isTextOrPlainField(node: CompiledNode): node is CompiledNode & { fieldKey: string } {
  return node.fieldKey !== undefined && node.numberColumn !== true;
}

/** Tells whether a node reads a text-typed field as it is. */
function isTypedTextField(node: CompiledNode): node is CompiledNode & { fieldKey: string } {
  return node.fieldKey !== undefined && node.textTyped;
}

/** Tells whether a node reads a field that orders as numbers do: plain or a number column. */
function isNumericField(node: CompiledNode): node is CompiledNode & { fieldKey: string } {
  return node.fieldKey !== undefined && !node.textTyped;
}

function fieldAndConstant(
  first: CompiledNode,
  second: CompiledNode,
  accepts: (node: CompiledNode) => node is CompiledNode & { fieldKey: string },
): FieldAndConstant | undefined {
  if (accepts(first) && second.isConstant) {
    return { key: first.fieldKey, constant: second.constant, fieldFirst: true, field: first };
  }
  if (accepts(second) && first.isConstant) {
    return { key: second.fieldKey, constant: first.constant, fieldFirst: false, field: second };
  }
  return undefined;
}

/** Returns the number a constant stands for, or NaN. */
function constantNumber(value: unknown, isMissing: MissingTest): number {
  return isMissing(value) ? NaN : numberOf(value);
}

type NumericRead = (data: unknown) => number;

/**
 * Returns a reader of a field as a number for ordering against a number: a
 * number value, or numeric text that is not a placeholder (read as a number
 * column reads it when the field is one). It returns NaN for everything
 * else, which makes every comparison false as the format requires.
 */
function numericReader(field: CompiledNode, key: string, isMissing: MissingTest): NumericRead {
  const parse = field.numberColumn === true ? parseNumberCell : parseNumericText;
  const inherited = isInheritedName(key);
  return (data) => {
    const value = readNamedProperty(data, key, inherited);
    if (typeof value === 'number') return value;
    if (typeof value !== 'string') return NaN;
    const number = parse(value);
    return number === number && !isMissing(value) ? number : NaN;
  };
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
  const shape = fieldAndConstant(args[0]!, args[1]!, isNumericField);
  if (shape === undefined) return undefined;

  const bound = constantNumber(shape.constant, isMissing);
  if (bound !== bound) return undefined;
  const read = numericReader(shape.field, shape.key, isMissing);
  const effective = shape.fieldFirst ? operator : MIRRORED[operator];

  switch (effective) {
    case '<':
      return booleanNode((data) => read(data) < bound);
    case '<=':
      return booleanNode((data) => read(data) <= bound);
    case '>':
      return booleanNode((data) => read(data) > bound);
    case '>=':
      return booleanNode((data) => read(data) >= bound);
  }
}

/** `number <= field <= number` and `number < field < number`, the between form. */
function fastBetween(
  operator: OrderingOperator,
  args: readonly CompiledNode[],
  isMissing: MissingTest,
): CompiledNode | undefined {
  const [low, middle, high] = args as [CompiledNode, CompiledNode, CompiledNode];
  if (!isNumericField(middle) || !low.isConstant || !high.isConstant) return undefined;
  const lowBound = constantNumber(low.constant, isMissing);
  const highBound = constantNumber(high.constant, isMissing);
  if (lowBound !== lowBound || highBound !== highBound) return undefined;

  const read = numericReader(middle, middle.fieldKey, isMissing);
  if (operator === '<=') {
    return booleanNode((data) => {
      const value = read(data);
      return lowBound <= value && value <= highBound;
    });
  }
  if (operator === '<') {
    return booleanNode((data) => {
      const value = read(data);
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
  const typed = fieldAndConstant(args[0]!, args[1]!, isTypedTextField);
  if (typed !== undefined) return typedTextEquality(negate, typed, isMissing);

  const shape = fieldAndConstant(args[0]!, args[1]!, isPlainField);
  if (shape === undefined) return undefined;
  const key = shape.key;
  const inherited = isInheritedName(key);
  const constant = shape.constant;

  if (isMissing(constant)) {
    return booleanNode((data) => isMissing(readNamedProperty(data, key, inherited)) !== negate);
  }

  const number = numberOf(constant);
  if (number === number) {
    return booleanNode((data) => {
      const value = readNamedProperty(data, key, inherited);
      if (typeof value === 'number') return (value === number) !== negate;
      if (typeof value !== 'string') return negate;
      return (parseNumericText(value) === number && !isMissing(value)) !== negate;
    });
  }

  if (typeof constant === 'string' || typeof constant === 'boolean') {
    return booleanNode((data) => (readNamedProperty(data, key, inherited) === constant) !== negate);
  }
  return undefined;
}

/**
 * `==` of a text-typed field and a constant: text held by the field equals
 * the constant's text (a number in decimal); any other value follows the
 * ordinary rules.
 */
function typedTextEquality(
  negate: boolean,
  shape: FieldAndConstant,
  isMissing: MissingTest,
): CompiledNode {
  const key = shape.key;
  const inherited = isInheritedName(key);
  const constant = shape.constant;
  if (isMissing(constant)) {
    return booleanNode((data) => isMissing(readNamedProperty(data, key, inherited)) !== negate);
  }

  const constantText = textOf(constant);
  return booleanNode((data) => {
    const value = readNamedProperty(data, key, inherited);
    if (typeof value === 'string') return (value === constantText) !== negate;
    return looseEquals(value, constant, false, isMissing) !== negate;
  });
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

/** `field in [constants]`; a text-typed field holding text is looked up as text. */
export function fastMembership(
  needle: CompiledNode,
  haystack: CompiledNode,
  isMissing: MissingTest,
): CompiledNode | undefined {
  if (!isTextOrPlainField(needle) || !haystack.isConstant) return undefined;
  if (!Array.isArray(haystack.constant)) return undefined;

  const key = needle.fieldKey;

  const inherited = isInheritedName(key);
  const contains = createMembership(haystack.constant, false, isMissing);
  if (!needle.textTyped)
    return booleanNode((data) => contains(readNamedProperty(data, key, inherited)));

  const containsText = createMembership(haystack.constant, true, isMissing);
  return booleanNode((data) => {
    const value = readNamedProperty(data, key, inherited);
    return typeof value === 'string' ? containsText(value) : contains(value);
  });
}

/** `startsWith` and `endsWith` of a field and a constant, as react-querybuilder writes them. */
export function fastAffix(
  atStart: boolean,
  args: readonly CompiledNode[],
  isMissing: MissingTest,
): CompiledNode | undefined {
  const [field, affixNode] = args as [CompiledNode, CompiledNode];
  if (!isTextOrPlainField(field) || !affixNode.isConstant) return undefined;
  const key = field.fieldKey;
  const inherited = isInheritedName(key);
  if (isMissing(affixNode.constant)) return booleanNode(() => false);
  const affix = textOf(affixNode.constant);
  if (affix === undefined) return booleanNode(() => false);

  const matches = atStart
    ? (text: string) => text.startsWith(affix)
    : (text: string) => text.endsWith(affix);
  return booleanNode((data) => {
    const value = readNamedProperty(data, key, inherited);
    if (typeof value === 'string') return matches(value) && !isMissing(value);
    return typeof value === 'number' && matches(String(value));
  });
}
