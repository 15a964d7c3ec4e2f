/**
 * Reference semantics for conditions: json-logic-js 2.0.5 with the flow
 * format's deliberate differences registered through `add_operation` and a
 * replaced `truthy`. json-logic-js keeps its own control flow (argument
 * evaluation, `if`, `and`, `or`, `all`, `none`, `some`), `===`, `!==` and
 * `merge`. Everything else is written here from the format's rules, in plain
 * value-level code with regular expressions, so that it checks the engine's
 * compiled closures independently.
 *
 * The operations are registered on the shared json-logic-js module, so any
 * other user of json-logic-js in the same process sees them too.
 */
import jsonLogic from 'json-logic-js';
import type { ConditionOptions, FieldType } from '../../src/conditions/index.js';

/** Thrown for an expression the format rejects, with the engine's problem code. */
export class ReferenceRejection extends Error {
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ReferenceRejection';
  }
}

// --- Value rules -------------------------------------------------------------

const NUMERIC_TEXT = /^[+-]?(0|[1-9]\d*)(\.\d+)?$/;
const NUMBER_CELL = /^([+-]?)(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(万|亿)?$/;
const TEXT_TYPES = new Set<FieldType>(['text', 'phone', 'postalCode', 'id']);
const UNSAFE_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

interface Settings {
  placeholders: Set<string>;
  fieldTypes: Readonly<Record<string, FieldType>>;
}

let settings: Settings = { placeholders: new Set(), fieldTypes: {} };

/** Tells whether a value was read from a text-typed column, which `sras_text_var` boxes. */
function isTyped(value: unknown): value is string {
  return value instanceof String;
}

function unbox(value: unknown): unknown {
  return value instanceof String ? value.valueOf() : value;
}

function isMissing(input: unknown): boolean {
  const value = unbox(input);
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  return trimmed === '' || settings.placeholders.has(trimmed.toLowerCase());
}

/** Returns the number a value stands for, or undefined when it is not a number. */
function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMERIC_TEXT.test(value.trim())) return Number(value.trim());
  return undefined;
}

function asText(value: unknown): string | undefined {
  const plain = unbox(value);
  if (typeof plain === 'string') return plain;
  if (typeof plain === 'number') return String(plain);
  return undefined;
}

function referenceTruthy(input: unknown): boolean {
  const value = unbox(input);
  if (Array.isArray(value)) return value.length > 0;
  if (isMissing(value)) return false;
  if (typeof value === 'string') {
    const number = asNumber(value);
    return number === undefined ? true : number !== 0;
  }
  return Boolean(value);
}

function equal(left: unknown, right: unknown): boolean {
  if (isMissing(left) || isMissing(right)) return isMissing(left) && isMissing(right);

  if (isTyped(left) || isTyped(right)) {
    const leftText = asText(left);
    return leftText !== undefined && leftText === asText(right);
  }

  const leftNumber = asNumber(left);
  const rightNumber = asNumber(right);
  if (leftNumber !== undefined || rightNumber !== undefined) return leftNumber === rightNumber;
  if (typeof left === 'string' && typeof right === 'string') return left === right;
  if (typeof left === 'boolean' && typeof right === 'boolean') return left === right;
  return false;
}

/** Negative, zero, positive, or NaN when the two are not ordered. */
function order(left: unknown, right: unknown): number {
  if (isMissing(left) || isMissing(right)) return NaN;

  let a: unknown = left;
  let b: unknown = right;
  if (isTyped(left) || isTyped(right)) {
    a = asText(left);
    b = asText(right);
    if (a === undefined || b === undefined) return NaN;
  } else {
    const leftNumber = asNumber(left);
    const rightNumber = asNumber(right);
    if (leftNumber !== undefined && rightNumber !== undefined) {
      a = leftNumber;
      b = rightNumber;
    } else if (leftNumber !== undefined || rightNumber !== undefined) {
      return NaN;
    } else if (typeof left !== 'string' || typeof right !== 'string') {
      return NaN;
    }
  }

  const x = a as string | number;
  const y = b as string | number;
  if (x < y) return -1;
  if (x > y) return 1;
  return x === y ? 0 : NaN;
}

function arithmeticOperand(value: unknown): number | undefined {
  if (isTyped(value)) return undefined;
  const number = asNumber(value);
  return number === undefined || Number.isNaN(number) ? undefined : number;
}

function arithmetic(values: unknown[], combine: (numbers: number[]) => number): number | null {
  const numbers: number[] = [];
  for (const value of values) {
    const number = arithmeticOperand(value);
    if (number === undefined) return null;
    numbers.push(number);
  }
  const result = combine(numbers);
  return Number.isNaN(result) ? null : result;
}

function convertTyped(value: unknown, type: FieldType | undefined): unknown {
  if (typeof value !== 'string') return value;
  if (type === 'number') {
    const folded = value
      .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
      .trim();
    const match = NUMBER_CELL.exec(folded);
    if (match === null) return value;
    const magnitude = Number(`${match[2]!.split(',').join('')}${match[4] ?? ''}`);
    let factor = 1;
    if (match[5] === '万') factor = 10_000;
    if (match[5] === '亿') factor = 100_000_000;
    return match[1] === '-' ? -(magnitude * factor) : magnitude * factor;
  }
  if (type === 'boolean') {
    const key = value
      .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
      .trim()
      .toLowerCase();
    if (['true', 'yes', 'y', '1', '是', '对'].includes(key)) return true;
    if (['false', 'no', 'n', '0', '否', '错'].includes(key)) return false;
  }
  return value;
}

// --- Field access ----------------------------------------------------------

function lookup(data: unknown, name: string): unknown {
  if (name.split('.').some((segment) => UNSAFE_SEGMENTS.has(segment))) return undefined;
  const isContainer = (value: unknown): value is object =>
    typeof value === 'object' && value !== null;

  if (isContainer(data) && Object.prototype.hasOwnProperty.call(data, name)) {
    return (data as Record<string, unknown>)[name];
  }
  let current: unknown = data;
  for (const segment of name.split('.')) {
    if (!isContainer(current) || !Object.prototype.hasOwnProperty.call(current, segment)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function readVar(data: unknown, args: unknown[], typed: boolean): unknown {
  const [name, fallback] = args;
  if (name === undefined || name === null || name === '') return data;

  const key = String(name);
  let value = lookup(data, key);
  if (typed && Object.prototype.hasOwnProperty.call(settings.fieldTypes, key)) {
    value = convertTyped(value, settings.fieldTypes[key]);
  }
  if (args.length > 1 && isMissing(value)) return fallback;
  return value === undefined ? null : value;
}

function listMissing(data: unknown, args: unknown[]): unknown[] {
  const keys: unknown[] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  return keys.filter((key) => isMissing(readVar(data, [key], false)));
}

// --- Operations ------------------------------------------------------------

type Operation = (this: unknown, ...args: unknown[]) => unknown;

const operations: Record<string, Operation> = {
  var(...args) {
    return readVar(this, args, false);
  },
  sras_lead_var(...args) {
    return readVar(this, args, true);
  },
  sras_text_var(...args) {
    const value = readVar(this, args, true);
    // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- the box marks text-typed values
    return typeof value === 'string' ? (new String(value) as String) : value;
  },
  missing(...args) {
    return listMissing(this, args);
  },
  missing_some(need, options) {
    const keys = Array.isArray(options) ? options : [options];
    const missing = listMissing(this, keys);
    return keys.length - missing.length >= (need as number) ? [] : missing;
  },
  '=='(a, b) {
    return equal(a, b);
  },
  '!='(a, b) {
    return !equal(a, b);
  },
  '<'(a, b, ...rest) {
    if (rest.length === 0) return order(a, b) < 0;
    return order(a, b) < 0 && order(b, rest[0]) < 0;
  },
  '<='(a, b, ...rest) {
    if (rest.length === 0) return order(a, b) <= 0;
    return order(a, b) <= 0 && order(b, rest[0]) <= 0;
  },
  '>'(a, b) {
    return order(a, b) > 0;
  },
  '>='(a, b) {
    return order(a, b) >= 0;
  },
  '!'(a) {
    return !referenceTruthy(a);
  },
  '!!'(a) {
    return referenceTruthy(a);
  },
  '+'(...args) {
    return arithmetic(args, (numbers) => numbers.reduce((sum, n) => sum + n, 0));
  },
  '*'(...args) {
    return arithmetic(args, (numbers) => numbers.reduce((product, n) => product * n, 1));
  },
  '-'(...args) {
    return arithmetic(args, ([a = NaN, b]) => (b === undefined ? -a : a - b));
  },
  '/'(a, b) {
    return arithmetic([a, b], ([x = NaN, y = NaN]) => x / y);
  },
  '%'(a, b) {
    return arithmetic([a, b], ([x = NaN, y = NaN]) => x % y);
  },
  max(...args) {
    return arithmetic(args, (numbers) => Math.max(...numbers));
  },
  min(...args) {
    return arithmetic(args, (numbers) => Math.min(...numbers));
  },
  in(a, b) {
    if (isMissing(a)) return false;
    if (Array.isArray(b)) return b.some((item) => equal(a, item));
    if (typeof b !== 'string' || isMissing(b)) return false;
    const needle = asText(a);
    return needle !== undefined && b.includes(needle);
  },
  cat(...args) {
    return args.map((value) => (isMissing(value) ? '' : value)).join('');
  },
  substr(source, start, end) {
    const text = isMissing(source) ? '' : String(source);
    const position = (value: unknown) =>
      (typeof value === 'string' ? Number(value) : value) as number;
    const from = position(start);
    const length = position(end);
    if (length < 0) {
      const tail = text.substr(from);
      return tail.substr(0, tail.length + length);
    }
    return text.substr(from, length);
  },
  startsWith(a, b) {
    if (isMissing(a) || isMissing(b)) return false;
    const text = asText(a);
    const prefix = asText(b);
    return text !== undefined && prefix !== undefined && text.startsWith(prefix);
  },
  endsWith(a, b) {
    if (isMissing(a) || isMissing(b)) return false;
    const text = asText(a);
    const suffix = asText(b);
    return text !== undefined && suffix !== undefined && text.endsWith(suffix);
  },
};

for (const [name, operation] of Object.entries(operations)) {
  jsonLogic.add_operation(name, operation);
}
Object.assign(jsonLogic, { truthy: referenceTruthy });

// --- Validation --------------------------------------------------------------

const ARITY: Record<string, [number, number]> = {
  var: [0, 2],
  missing: [0, Infinity],
  missing_some: [2, 2],
  if: [0, Infinity],
  '==': [2, 2],
  '===': [2, 2],
  '!=': [2, 2],
  '!==': [2, 2],
  '!': [1, 1],
  '!!': [1, 1],
  or: [1, Infinity],
  and: [1, Infinity],
  '>': [2, 2],
  '>=': [2, 2],
  '<': [2, 3],
  '<=': [2, 3],
  max: [1, Infinity],
  min: [1, Infinity],
  '+': [1, Infinity],
  '-': [1, 2],
  '*': [1, Infinity],
  '/': [2, 2],
  '%': [2, 2],
  in: [2, 2],
  cat: [0, Infinity],
  substr: [2, 3],
  merge: [0, Infinity],
  all: [2, 2],
  none: [2, 2],
  some: [2, 2],
  startsWith: [2, 2],
  endsWith: [2, 2],
};

const TEXT_OPERAND_OPERATIONS = new Set([
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '%',
  'max',
  'min',
]);
const SCOPED = new Set(['all', 'none', 'some']);

function isOperation(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function argumentsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function checkName(name: unknown, dynamicAllowed: boolean): void {
  if (isOperation(name) && dynamicAllowed) return;
  if (name === null || typeof name === 'number') return;
  if (typeof name !== 'string') throw new ReferenceRejection('condition-invalid', 'field name');
  if (name.split('.').some((segment) => UNSAFE_SEGMENTS.has(segment))) {
    throw new ReferenceRejection('condition-unsafe-path', name);
  }
}

/** Rejects what the format rejects, with the engine's problem code. */
function validate(expr: unknown): void {
  let nodes = 0;

  const visit = (node: unknown, depth: number): void => {
    nodes++;
    if (nodes > 10_000) throw new ReferenceRejection('condition-too-large', String(nodes));
    if (depth > 64) throw new ReferenceRejection('condition-too-deep', String(depth));

    if (Array.isArray(node)) {
      node.forEach((item) => visit(item, depth + 1));
      return;
    }
    if (typeof node === 'number' && !Number.isFinite(node)) {
      throw new ReferenceRejection('condition-invalid', 'number');
    }
    if (node === null || ['string', 'number', 'boolean'].includes(typeof node)) return;
    const prototype: unknown = isOperation(node) ? Object.getPrototypeOf(node) : undefined;
    if (!isOperation(node) || (prototype !== Object.prototype && prototype !== null)) {
      throw new ReferenceRejection('condition-invalid', typeof node);
    }

    const keys = Object.keys(node);
    if (keys.length !== 1) throw new ReferenceRejection('condition-invalid', 'keys');
    const operator = keys[0]!;
    const arity = ARITY[operator];
    if (!Object.prototype.hasOwnProperty.call(ARITY, operator) || arity === undefined) {
      throw new ReferenceRejection('condition-operator-not-allowed', operator);
    }
    const args = argumentsOf(node[operator]);
    if (args.length < arity[0] || args.length > arity[1]) {
      throw new ReferenceRejection('condition-invalid', `${operator} arity`);
    }

    args.forEach((arg) => visit(arg, depth + 1));
    if (operator === 'var' && args.length > 0 && !isOperation(args[0])) checkName(args[0], false);
    if (operator === 'missing') {
      const keysList = Array.isArray(args[0]) ? args[0] : args;
      if (!args.some(isOperation) && !keysList.some(isOperation)) {
        keysList.forEach((key) => checkName(key, false));
      }
    }
    if (operator === 'missing_some' && Array.isArray(args[1])) {
      const keysList: unknown[] = Array.isArray(args[1][0]) ? args[1][0] : args[1];
      if (!keysList.some(isOperation)) keysList.forEach((key) => checkName(key, false));
    }
  };

  visit(expr, 1);
}

// --- Preparation -------------------------------------------------------------

function isTextField(name: unknown): boolean {
  if (typeof name !== 'string' && typeof name !== 'number') return false;
  const key = String(name);
  const type = Object.prototype.hasOwnProperty.call(settings.fieldTypes, key)
    ? settings.fieldTypes[key]
    : undefined;
  return type !== undefined && TEXT_TYPES.has(type);
}

/**
 * Rewrites `var` outside `all`, `none` and `some` to read lead fields with
 * their column types, and marks a text-typed `var` that is a direct operand
 * of a comparison, of arithmetic or the first operand of `in`.
 */
function prepare(node: unknown, scoped: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => prepare(item, scoped));
  if (!isOperation(node)) return node;

  const operator = Object.keys(node)[0]!;
  const args = argumentsOf(node[operator]);
  const prepared = args.map((arg, index) => {
    const inner = prepare(arg, scoped || (SCOPED.has(operator) && index === 1));
    const marks =
      !scoped && (TEXT_OPERAND_OPERATIONS.has(operator) || (operator === 'in' && index === 0));
    if (!marks || !isOperation(inner) || !('sras_lead_var' in inner)) return inner;
    const varArgs = argumentsOf(inner.sras_lead_var);
    return isTextField(varArgs[0]) ? { sras_text_var: varArgs } : inner;
  });

  if (operator === 'var' && !scoped) return { sras_lead_var: prepared };
  return { [operator]: prepared };
}

// --- Entry points ------------------------------------------------------------

function configure(options: ConditionOptions): Settings {
  return {
    placeholders: new Set(
      (options.emptyValues ?? []).map((value) => value.trim().toLowerCase()).filter(Boolean),
    ),
    fieldTypes: options.fieldTypes ?? {},
  };
}

/** An expression checked and prepared once, for evaluating many leads. */
export interface PreparedReference {
  /** The expression's value for a lead. */
  apply(lead: Record<string, unknown>): unknown;
  /** The reference truthiness of that value. */
  test(lead: Record<string, unknown>): boolean;
}

/**
 * Checks and prepares an expression once; use it to run many leads through
 * json-logic-js, as a benchmark does. Throws `ReferenceRejection` for an
 * expression the format rejects.
 */
export function createReference(expr: unknown, options: ConditionOptions = {}): PreparedReference {
  validate(expr);
  const own = configure(options);
  const prepared = withSettings(own, () => prepare(expr, false)) as never;

  return {
    apply: (lead) => withSettings(own, () => unbox(jsonLogic.apply(prepared, lead))),
    test: (lead) => withSettings(own, () => referenceTruthy(jsonLogic.apply(prepared, lead))),
  };
}

function withSettings<T>(next: Settings, run: () => T): T {
  const previous = settings;
  settings = next;
  try {
    return run();
  } finally {
    settings = previous;
  }
}

/**
 * Evaluates an expression with the reference semantics. Throws
 * `ReferenceRejection` for an expression the format rejects.
 */
export function applyReference(
  expr: unknown,
  lead: Record<string, unknown>,
  options: ConditionOptions = {},
): unknown {
  return createReference(expr, options).apply(lead);
}

/** Returns the reference truthiness of an expression's value. */
export function testReference(
  expr: unknown,
  lead: Record<string, unknown>,
  options: ConditionOptions = {},
): boolean {
  return createReference(expr, options).test(lead);
}

/** Returns the reference truthiness of a value, to check the engine's `isTruthy`. */
export function truthyReference(value: unknown, options: ConditionOptions = {}): boolean {
  return withSettings(configure(options), () => referenceTruthy(value));
}
