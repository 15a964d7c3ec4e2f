import { foldFullWidth, isTrimmedCode } from '../text/text.normalise.js';

/**
 * The value rules of the condition language: what counts as empty, when text
 * is a number, truthiness, equality and ordering. The compiler and the
 * exported helpers share them, so a compiled condition and `isTruthy` agree.
 */

/** Tells whether a value counts as missing. */
export type MissingTest = (value: unknown) => boolean;

const CODE_0 = 48;
const CODE_1 = 49;
const CODE_9 = 57;
const CODE_PLUS = 43;
const CODE_MINUS = 45;
const CODE_DOT = 46;
/** Integers with at most this many digits are exact in a double, so they are summed digit by digit. */
const MAX_EXACT_DIGITS = 15;

/**
 * Parses numeric text: an optional sign, then `0` or digits that do not start
 * with `0`, then an optional fraction (`-12`, `0.5`, `+3.25`), with white
 * space around it allowed. Returns NaN for anything else, so digit strings
 * with a leading zero (`010010`, `000881`), `1,200`, `5万`, `1e3` and
 * `.5` are not numbers.
 */
export function parseNumericText(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && isTrimmedCode(text.charCodeAt(start))) start++;
  while (end > start && isTrimmedCode(text.charCodeAt(end - 1))) end--;
  if (start === end) return NaN;

  let index = start;
  let code = text.charCodeAt(index);
  const negative = code === CODE_MINUS;
  if (code === CODE_PLUS || negative) {
    index++;
    if (index === end) return NaN;
    code = text.charCodeAt(index);
  }

  // The integer part's value, exact while it has at most 15 digits.
  let integer = 0;
  const integerStart = index;
  if (code === CODE_0) {
    index++;
  } else if (code >= CODE_1 && code <= CODE_9) {
    integer = code - CODE_0;
    index++;
    while (index < end && isDigit((code = text.charCodeAt(index)))) {
      integer = integer * 10 + (code - CODE_0);
      index++;
    }
  } else {
    return NaN;
  }

  if (index === end && index - integerStart <= MAX_EXACT_DIGITS) {
    return negative ? -integer : integer;
  }
  if (index < end) {
    if (text.charCodeAt(index) !== CODE_DOT) return NaN;
    index++;
    const fractionStart = index;
    while (index < end && isDigit(text.charCodeAt(index))) index++;
    if (index === fractionStart || index !== end) return NaN;
  }

  return Number(start === 0 && end === text.length ? text : text.slice(start, end));
}

const NUMBER_CELL = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万|亿)?$/;
const UNIT_FACTOR: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/**
 * Parses the text of a column the dataset typed as a number, more leniently
 * than `parseNumericText`: full-width digits, leading zeros, thousands
 * separators (`1,200`) and a trailing 万 (10⁴) or 亿 (10⁸) are accepted.
 * Returns NaN when the text is still not a number.
 */
export function parseNumberCell(text: string): number {
  const plain = parseNumericText(text);
  if (plain === plain) return plain;

  const match = NUMBER_CELL.exec(foldFullWidth(text).trim());
  if (match === null) return NaN;

  const [, sign = '', integer = '', fraction, unit] = match;
  const magnitude = Number(
    `${integer.replaceAll(',', '')}${fraction === undefined ? '' : `.${fraction}`}`,
  );
  const scaled = unit === undefined ? magnitude : magnitude * (UNIT_FACTOR[unit] ?? 1);
  return sign === '-' ? -scaled : scaled;
}

const TRUE_TEXTS = new Set(['true', 'yes', 'y', '1', '是', '对']);
const FALSE_TEXTS = new Set(['false', 'no', 'n', '0', '否', '错']);

/**
 * Parses the text of a column the dataset typed as boolean (`true`/`false`,
 * `yes`/`no`, `y`/`n`, `1`/`0`, `是`/`否`, `对`/`错`, case-insensitive).
 * Returns undefined for other text.
 */
export function parseBooleanCell(text: string): boolean | undefined {
  const key = foldFullWidth(text).trim().toLowerCase();
  if (TRUE_TEXTS.has(key)) return true;
  if (FALSE_TEXTS.has(key)) return false;
  return undefined;
}

/** Missing test without placeholders: null, undefined, empty or white-space-only text. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  return isBlankText(value);
}

function isBlankText(text: string): boolean {
  const length = text.length;
  if (length === 0) return true;
  if (!isTrimmedCode(text.charCodeAt(0)) && !isTrimmedCode(text.charCodeAt(length - 1))) {
    return false;
  }
  return text.trim().length === 0;
}

/**
 * Builds the missing test for a dataset: blank values, and text equal to one
 * of the placeholders after trimming, compared case-insensitively.
 */
export function createMissingTest(emptyValues: readonly string[] | undefined): MissingTest {
  const placeholders = new Set<string>();
  for (const placeholder of emptyValues ?? []) {
    const key = placeholder.trim().toLowerCase();
    if (key.length > 0) placeholders.add(key);
  }
  if (placeholders.size === 0) return isBlank;

  let shortest = Infinity;
  let longest = 0;
  for (const key of placeholders) {
    shortest = Math.min(shortest, key.length);
    longest = Math.max(longest, key.length);
  }

  return (value) => {
    if (value === null || value === undefined) return true;
    if (typeof value !== 'string') return false;
    if (isBlankText(value)) return true;
    if (value.length < shortest) return false;

    // Trim only when the text could be a padded placeholder, so long values
    // are checked without allocating.
    const padded =
      isTrimmedCode(value.charCodeAt(0)) || isTrimmedCode(value.charCodeAt(value.length - 1));
    if (!padded && value.length > longest) return false;
    const trimmed = padded ? value.trim() : value;
    if (trimmed.length < shortest || trimmed.length > longest) return false;
    return placeholders.has(trimmed.toLowerCase());
  };
}

/**
 * Returns the number a value stands for in arithmetic and ordering: a number
 * itself, or numeric text. Returns NaN for anything else (missing values,
 * other text, booleans, lists), and for NaN itself.
 */
export function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return parseNumericText(value);
  return NaN;
}

/** Returns the text form of a text or number value, else undefined. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * Applies the format's truthiness. Missing values, `false`, 0, NaN, numeric
 * text equal to 0 (`"0"`, `"0.0"`) and empty lists are false. Everything
 * else is true.
 */
export function truthy(value: unknown, isMissing: MissingTest): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && value === value;
  if (typeof value === 'string') {
    if (isMissing(value)) return false;
    const number = parseNumericText(value);
    return number === number ? number !== 0 : true;
  }
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Tells whether two operands compare as text: one of them is text read from
 * a column typed text, phone, postal code or ID.
 */
export function isTextComparison(
  left: unknown,
  leftTyped: boolean,
  right: unknown,
  rightTyped: boolean,
): boolean {
  return (leftTyped && typeof left === 'string') || (rightTyped && typeof right === 'string');
}

/**
 * The format's `==`. A missing value equals another missing value (null
 * included) and nothing else. In text mode (see `isTextComparison`) both
 * sides compare as text, a number written in decimal. Otherwise
 * numeric text counts as its number, a number equals only a number, text
 * only text and a boolean only a boolean; lists and objects equal nothing.
 */
export function looseEquals(
  left: unknown,
  right: unknown,
  textMode: boolean,
  isMissing: MissingTest,
): boolean {
  const leftMissing = isMissing(left);
  const rightMissing = isMissing(right);
  if (leftMissing || rightMissing) return leftMissing && rightMissing;

  if (textMode) {
    const leftText = textOf(left);
    const rightText = textOf(right);
    return leftText !== undefined && leftText === rightText;
  }

  const leftNumber = numberOf(left);
  const rightNumber = numberOf(right);
  const leftIsNumber = leftNumber === leftNumber;
  const rightIsNumber = rightNumber === rightNumber;
  if (leftIsNumber || rightIsNumber)
    return leftIsNumber && rightIsNumber && leftNumber === rightNumber;

  const kind = typeof left;
  return (kind === 'string' || kind === 'boolean') && kind === typeof right && left === right;
}

/**
 * Orders two values for `<`, `<=`, `>` and `>=`: negative, zero or positive,
 * or NaN when they are not ordered, which makes every comparison false. A
 * missing side is never ordered. In text mode both sides compare as text.
 * Otherwise numbers (numeric text included) order numerically and other text
 * by UTF-16 code units, as JavaScript does; a number and other text, and any
 * boolean, list or object, are not ordered.
 */
export function compareValues(
  left: unknown,
  right: unknown,
  textMode: boolean,
  isMissing: MissingTest,
): number {
  if (isMissing(left) || isMissing(right)) return NaN;

  if (textMode) {
    const leftText = textOf(left);
    const rightText = textOf(right);
    if (leftText === undefined || rightText === undefined) return NaN;
    return compareText(leftText, rightText);
  }

  const leftNumber = numberOf(left);
  const rightNumber = numberOf(right);
  const leftIsNumber = leftNumber === leftNumber;
  const rightIsNumber = rightNumber === rightNumber;
  if (leftIsNumber && rightIsNumber) return compareNumbers(leftNumber, rightNumber);
  if (leftIsNumber || rightIsNumber) return NaN;

  if (typeof left === 'string' && typeof right === 'string') return compareText(left, right);
  return NaN;
}

export function compareNumbers(left: number, right: number): number {
  if (left < right) return -1;
  if (left > right) return 1;
  return left === right ? 0 : NaN;
}

export function compareText(left: string, right: string): number {
  if (left < right) return -1;
  return left > right ? 1 : 0;
}

function isDigit(code: number): boolean {
  return code >= CODE_0 && code <= CODE_9;
}
