import type { ParameterList } from './condition.codegen.js';
import type { CompiledNode } from './condition.node.js';
import { booleanNode } from './condition.node.js';
import { isInheritedName, readNamedProperty } from './field-path.js';
import type { MissingTest } from './condition.values.js';
import {
  isBlank,
  looseEquals,
  numberOf,
  parseNumberCell,
  parseNumericText,
  textOf,
} from './condition.values.js';

/**
 * Shortcuts for the shapes a rule builder writes most: a field against a
 * constant (`budget >= 1000`, `source == "官网"`, `province in [...]`,
 * `phone startsWith "138"`). Each shortcut is a closure that reads the
 * property as `readNamedProperty` does and settles the common value types
 * without further calls, plus a template of the same test for generated
 * code. Closure and template give exactly the result of the generic
 * operators; the generated tests check both against the reference.
 *
 * Templates read `d[key]` directly, so names that `Object.prototype` has get
 * no template and run as closures. A template treats a function found on
 * the lead as the closures do, as an absent value.
 */

type Emit = (parameters: ParameterList) => string;

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

/** Returns a template only for names that can be read directly; see the file comment. */
function templateFor(key: string, emit: Emit): Emit | undefined {
  return isInheritedName(key) ? undefined : emit;
}

function negated(negate: boolean, expression: string): string {
  return negate ? `!(${expression})` : `(${expression})`;
}

/** Returns the number a constant stands for, or NaN. */
function constantNumber(value: unknown, isMissing: MissingTest): number {
  return isMissing(value) ? NaN : numberOf(value);
}

/**
 * Returns the number a field's text stands for when ordered against a
 * number: numeric text that is not a placeholder, read as a number column
 * reads it when the field is one; NaN otherwise, which makes every
 * comparison false as the format requires.
 */
function textNumberParser(field: CompiledNode, isMissing: MissingTest): (text: string) => number {
  const parse = field.numberColumn === true ? parseNumberCell : parseNumericText;
  // Both parsers return NaN for blank text, so without placeholders the
  // missing test could not change a result.
  if (isMissing === isBlank) return parse;
  return (text) => {
    const number = parse(text);
    return number === number && !isMissing(text) ? number : NaN;
  };
}

type NumericRead = (data: unknown) => number;

function numericReader(key: string, parseText: (text: string) => number): NumericRead {
  const inherited = isInheritedName(key);
  return (data) => {
    const value = readNamedProperty(data, key, inherited);
    if (typeof value === 'number') return value;
    return typeof value === 'string' ? parseText(value) : NaN;
  };
}

/** Writes the template of `numericReader`: the field as a number, or NaN. */
function emitNumericRead(parameters: ParameterList, key: string, parseText: unknown): string {
  return parameters.numericRead(key, parseText, () => {
    const name = parameters.bind(key);
    const parse = parameters.bind(parseText);
    return `(typeof (v = d[${name}]) === 'number' ? v : typeof v === 'string' ? ${parse}(v) : NaN)`;
  });
}

export type OrderingOperator = '<' | '<=' | '>' | '>=';

const MIRRORED: Readonly<Record<OrderingOperator, OrderingOperator>> = {
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};

/** `field op number` for the four ordering operators. */
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
  const key = shape.key;
  const parseText = textNumberParser(shape.field, isMissing);
  const read = numericReader(key, parseText);
  const effective = shape.fieldFirst ? operator : MIRRORED[operator];
  const emit = templateFor(
    key,
    (parameters) =>
      `(${emitNumericRead(parameters, key, parseText)} ${effective} ${parameters.bind(bound)})`,
  );

  switch (effective) {
    case '<':
      return booleanNode((data) => read(data) < bound, emit);
    case '<=':
      return booleanNode((data) => read(data) <= bound, emit);
    case '>':
      return booleanNode((data) => read(data) > bound, emit);
    case '>=':
      return booleanNode((data) => read(data) >= bound, emit);
  }
}

/** `number <= field <= number` and `number < field < number`, the between form. */
function fastBetween(
  operator: OrderingOperator,
  args: readonly CompiledNode[],
  isMissing: MissingTest,
): CompiledNode | undefined {
  const [low, middle, high] = args as [CompiledNode, CompiledNode, CompiledNode];
  if (operator !== '<' && operator !== '<=') return undefined;
  if (!isNumericField(middle) || !low.isConstant || !high.isConstant) return undefined;
  const lowBound = constantNumber(low.constant, isMissing);
  const highBound = constantNumber(high.constant, isMissing);
  if (lowBound !== lowBound || highBound !== highBound) return undefined;

  const key = middle.fieldKey;
  const parseText = textNumberParser(middle, isMissing);
  const read = numericReader(key, parseText);
  const emit = templateFor(key, (parameters) => {
    const value = emitNumericRead(parameters, key, parseText);
    const lowName = parameters.bind(lowBound);
    const highName = parameters.bind(highBound);
    return `((v = ${value}), ${lowName} ${operator} v && v ${operator} ${highName})`;
  });

  if (operator === '<=') {
    return booleanNode((data) => {
      const value = read(data);
      return lowBound <= value && value <= highBound;
    }, emit);
  }
  return booleanNode((data) => {
    const value = read(data);
    return lowBound < value && value < highBound;
  }, emit);
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

  if (isMissing(constant)) return missingEquality(negate, key, isMissing);

  const number = numberOf(constant);
  if (number === number) {
    const textEquals = (text: string) => parseNumericText(text) === number && !isMissing(text);
    return booleanNode(
      (data) => {
        const value = readNamedProperty(data, key, inherited);
        if (typeof value === 'number') return (value === number) !== negate;
        return (typeof value === 'string' && textEquals(value)) !== negate;
      },
      templateFor(key, (parameters) => {
        const name = parameters.bind(key);
        const numberName = parameters.bind(number);
        const equals = parameters.bind(textEquals);
        const test = `typeof (v = d[${name}]) === 'number' ? v === ${numberName} : typeof v === 'string' && ${equals}(v)`;
        return negated(negate, test);
      }),
    );
  }

  if (typeof constant === 'string' || typeof constant === 'boolean') {
    return booleanNode(
      (data) => (readNamedProperty(data, key, inherited) === constant) !== negate,
      templateFor(key, (parameters) => {
        const comparison = negate ? '!==' : '===';
        return `(d[${parameters.bind(key)}] ${comparison} ${parameters.bind(constant)})`;
      }),
    );
  }
  return undefined;
}

/** `field == null` and every other comparison with a missing constant. */
function missingEquality(negate: boolean, key: string, isMissing: MissingTest): CompiledNode {
  const inherited = isInheritedName(key);
  return booleanNode(
    (data) => isMissing(readNamedProperty(data, key, inherited)) !== negate,
    templateFor(key, (parameters) => {
      const name = parameters.bind(key);
      const missing = parameters.bind(isMissing);
      return negated(negate, `typeof (v = d[${name}]) === 'function' || ${missing}(v)`);
    }),
  );
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
  if (isMissing(constant)) return missingEquality(negate, key, isMissing);

  const constantText = textOf(constant);
  const otherEquals = (value: unknown) =>
    looseEquals(typeof value === 'function' ? undefined : value, constant, false, isMissing);
  return booleanNode(
    (data) => {
      const value = readNamedProperty(data, key, inherited);
      if (typeof value === 'string') return (value === constantText) !== negate;
      return otherEquals(value) !== negate;
    },
    templateFor(key, (parameters) => {
      const name = parameters.bind(key);
      const text = parameters.bind(constantText);
      const other = parameters.bind(otherEquals);
      return negated(negate, `typeof (v = d[${name}]) === 'string' ? v === ${text} : ${other}(v)`);
    }),
  );
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

/**
 * Returns the text set that `createMembership` (not in text mode) builds for
 * a list whose items are text, booleans or missing values, none of them
 * numeric: a text value is then a member exactly when the set holds it.
 * Returns undefined for a list with numbers or numeric text.
 */
function textOnlyMembers(
  list: readonly unknown[],
  isMissing: MissingTest,
): Set<string> | undefined {
  const texts = new Set<string>();
  for (const item of list) {
    if (isMissing(item) || typeof item === 'boolean') continue;
    if (typeof item !== 'string') return undefined;
    const number = numberOf(item);
    if (number === number) return undefined;
    texts.add(item);
  }
  return texts;
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
  if (!needle.textTyped) {
    // A list without numbers holds text only in its text set, so a text
    // value is a set lookup written into the template.
    const texts = textOnlyMembers(haystack.constant, isMissing);
    return booleanNode(
      (data) => contains(readNamedProperty(data, key, inherited)),
      templateFor(key, (parameters) => {
        const name = parameters.bind(key);
        const other = parameters.bind(contains);
        if (texts === undefined) return `${other}(d[${name}])`;
        const set = parameters.bind(texts);
        return `(typeof (v = d[${name}]) === 'string' ? ${set}.has(v) : ${other}(v))`;
      }),
    );
  }

  const containsText = createMembership(haystack.constant, true, isMissing);
  return booleanNode(
    (data) => {
      const value = readNamedProperty(data, key, inherited);
      return typeof value === 'string' ? containsText(value) : contains(value);
    },
    templateFor(key, (parameters) => {
      const name = parameters.bind(key);
      const text = parameters.bind(containsText);
      const other = parameters.bind(contains);
      return `(typeof (v = d[${name}]) === 'string' ? ${text}(v) : ${other}(v))`;
    }),
  );
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
  const affix = isMissing(affixNode.constant) ? undefined : textOf(affixNode.constant);
  if (affix === undefined)
    return booleanNode(
      () => false,
      () => 'false',
    );

  const matches = atStart
    ? (text: string) => text.startsWith(affix)
    : (text: string) => text.endsWith(affix);
  const numberMatches = (value: number) => matches(String(value));
  return booleanNode(
    (data) => {
      const value = readNamedProperty(data, key, inherited);
      if (typeof value === 'string') return matches(value) && !isMissing(value);
      return typeof value === 'number' && numberMatches(value);
    },
    templateFor(key, (parameters) => {
      const name = parameters.bind(key);
      const affixName = parameters.bind(affix);
      const missing = parameters.bind(isMissing);
      const numbers = parameters.bind(numberMatches);
      const method = atStart ? 'startsWith' : 'endsWith';
      return (
        `(typeof (v = d[${name}]) === 'string' ? v.${method}(${affixName}) && !${missing}(v) : ` +
        `typeof v === 'number' && ${numbers}(v))`
      );
    }),
  );
}
