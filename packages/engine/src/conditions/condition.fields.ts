import type { ConditionProblem, FieldType } from './condition.types.js';
import type { CompiledNode, Evaluate } from './condition.node.js';
import { valueNode } from './condition.node.js';
import type { MissingTest } from './condition.values.js';
import { parseBooleanCell, parseNumberCell } from './condition.values.js';
import { createFieldReader, findUnsafeSegment } from './field-path.js';
import { isPlainObject } from './condition.grammar.js';

/**
 * `var`, `missing` and `missing_some`: the operations that read fields.
 * Column types apply to fields of the lead, not to list elements inside
 * `all`, `none` and `some`.
 */

export interface FieldAccess {
  isMissing: MissingTest;
  fieldTypes: Readonly<Record<string, FieldType>> | undefined;
  /** Lead fields read by name, in order of first appearance. */
  fields: string[];
  report(problem: ConditionProblem): void;
}

const TEXT_TYPES: ReadonlySet<FieldType> = new Set(['text', 'phone', 'postalCode', 'id']);

type Convert = (value: unknown) => unknown;

const keepValue: Convert = (value) => value;

const toNumberCell: Convert = (value) => {
  if (typeof value !== 'string') return value;
  const number = parseNumberCell(value);
  return number === number ? number : value;
};

const toBooleanCell: Convert = (value) => {
  if (typeof value !== 'string') return value;
  return parseBooleanCell(value) ?? value;
};

// NOTE: `date` columns are compared as text, which orders zero-padded ISO dates
// correctly but not other date formats.
function converterFor(type: FieldType | undefined): Convert {
  if (type === 'number') return toNumberCell;
  if (type === 'boolean') return toBooleanCell;
  return keepValue;
}

function fieldTypeOf(access: FieldAccess, field: string): FieldType | undefined {
  const types = access.fieldTypes;
  return types !== undefined && Object.hasOwn(types, field) ? types[field] : undefined;
}

function registerField(access: FieldAccess, field: string): void {
  if (!access.fields.includes(field)) access.fields.push(field);
}

/** Tells whether a value contains no operation at any depth, so it is written as data. */
function isLiteralTree(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isLiteralTree);
  return !isPlainObject(value);
}

/** Returns the field name a literal gives: text as it is, a number as its digits. */
function literalFieldName(value: unknown): string | null | undefined {
  if (value === null || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Returns the field name a value computed at run time gives, as json-logic-js converts it. */
function runtimeFieldName(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : String(value);
}

/**
 * Checks a literal field name and records it. Returns false after reporting
 * a problem.
 */
function checkFieldName(
  access: FieldAccess,
  name: string | null | undefined,
  path: string,
  scoped: boolean,
): name is string | null {
  if (name === undefined) {
    access.report({ code: 'condition-invalid', path, params: { reason: 'field-name' } });
    return false;
  }
  if (name === null) return true;

  const segment = findUnsafeSegment(name);
  if (segment !== undefined) {
    access.report({ code: 'condition-unsafe-path', path, params: { field: name, segment } });
    return false;
  }
  if (!scoped) registerField(access, name);
  return true;
}

/**
 * `var`: the field's value, null when absent. A name written as a literal is
 * checked and recorded at compile time, and only such a `var` can be a
 * text-typed operand; a computed name gets its column's conversion when read. With a default, the default
 * replaces any missing value (absent, null, blank or a placeholder). An
 * empty name returns the data itself.
 */
export function buildVar(
  args: readonly CompiledNode[],
  rawArgs: readonly unknown[],
  access: FieldAccess,
  namePath: string,
  scoped: boolean,
): CompiledNode | null {
  const nameNode = args[0];
  const readDefault = args[1]?.evaluate;
  const isMissing = access.isMissing;

  if (nameNode === undefined || !isPlainObject(rawArgs[0])) {
    const name = nameNode === undefined ? null : literalFieldName(rawArgs[0]);
    if (!checkFieldName(access, name, namePath, scoped)) return null;
    if (name === null) return valueNode((data) => data, isMissing);

    const type = scoped ? undefined : fieldTypeOf(access, name);
    const convert = converterFor(type);
    const node = valueNode(readLiteralField(name, convert, readDefault, isMissing), isMissing);
    const isDirectRead =
      readDefault === undefined &&
      (convert === keepValue || convert === toNumberCell) &&
      !name.includes('.') &&
      findUnsafeSegment(name) === undefined;
    if (!isDirectRead) return { ...node, textTyped: type !== undefined && TEXT_TYPES.has(type) };
    return {
      ...node,
      textTyped: type !== undefined && TEXT_TYPES.has(type),
      fieldKey: name,
      numberColumn: convert === toNumberCell,
    };
  }

  const readName = nameNode.evaluate;
  const evaluate: Evaluate = (data) => {
    const name = runtimeFieldName(readName(data));
    if (name === null) return data;

    const type = scoped ? undefined : fieldTypeOf(access, name);
    const raw = createFieldReader(name)(data);
    const value = raw === undefined ? undefined : converterFor(type)(raw);
    if (readDefault !== undefined && isMissing(value)) return readDefault(data);
    return value === undefined ? null : value;
  };
  return valueNode(evaluate, isMissing);
}

function readLiteralField(
  name: string,
  convert: Convert,
  readDefault: Evaluate | undefined,
  isMissing: MissingTest,
): Evaluate {
  const read = createFieldReader(name);
  if (readDefault !== undefined) {
    return (data) => {
      const raw = read(data);
      const value = raw === undefined ? undefined : convert(raw);
      return isMissing(value) ? readDefault(data) : value;
    };
  }
  if (convert === keepValue) {
    return (data) => {
      const value = read(data);
      return value === undefined ? null : value;
    };
  }
  return (data) => {
    const value = read(data);
    return value === undefined ? null : convert(value);
  };
}

/** Keys of `missing`: a list as the first argument stands for all of them. */
function missingKeys(values: readonly unknown[]): readonly unknown[] {
  const first = values[0];
  return Array.isArray(first) ? first : values;
}

function isKeyMissing(data: unknown, key: unknown, isMissing: MissingTest): boolean {
  const name = runtimeFieldName(key);
  return isMissing(name === null ? data : createFieldReader(name)(data));
}

function listMissing(data: unknown, keys: readonly unknown[], isMissing: MissingTest): unknown[] {
  const missing: unknown[] = [];
  for (const key of keys) {
    if (isKeyMissing(data, key, isMissing)) missing.push(key);
  }
  return missing;
}

/** Checks and records the literal keys of `missing` or `missing_some`. */
function checkLiteralKeys(
  keys: readonly unknown[],
  access: FieldAccess,
  keyPath: (index: number) => string,
  scoped: boolean,
): boolean {
  let valid = true;
  keys.forEach((key, index) => {
    if (!checkFieldName(access, literalFieldName(key), keyPath(index), scoped)) valid = false;
  });
  return valid;
}

/** `missing`: the keys whose fields are missing, in the order given. */
export function buildMissing(
  args: readonly CompiledNode[],
  rawArgs: readonly unknown[],
  access: FieldAccess,
  argPath: (index: number) => string,
  scoped: boolean,
): CompiledNode | null {
  const isMissing = access.isMissing;

  if (isLiteralTree(rawArgs)) {
    const values = args.map((arg) => arg.constant);
    const listed = Array.isArray(values[0]);
    const keys = missingKeys(values);
    const keyPath = (index: number) => (listed ? `${argPath(0)}[${index}]` : argPath(index));
    if (!checkLiteralKeys(keys, access, keyPath, scoped)) return null;

    const readers = keys.map((key) => {
      const name = runtimeFieldName(key);
      return name === null ? (data: unknown) => data : createFieldReader(name);
    });
    return valueNode((data) => {
      const missing: unknown[] = [];
      for (let i = 0; i < readers.length; i++) {
        if (isMissing(readers[i]!(data))) missing.push(keys[i]);
      }
      return missing;
    }, isMissing);
  }

  const readers = args.map((arg) => arg.evaluate);
  return valueNode((data) => {
    const values = readers.map((read) => read(data));
    return listMissing(data, missingKeys(values), isMissing);
  }, isMissing);
}

/**
 * `missing_some`: `[need, keys]` gives an empty list when at least `need` of
 * the keys are present, else the missing keys.
 */
export function buildMissingSome(
  args: readonly CompiledNode[],
  rawArgs: readonly unknown[],
  access: FieldAccess,
  argPath: (index: number) => string,
  scoped: boolean,
): CompiledNode | null {
  const isMissing = access.isMissing;
  const [needNode, keysNode] = args as [CompiledNode, CompiledNode];

  if (Array.isArray(rawArgs[1]) && isLiteralTree(rawArgs[1])) {
    const keys = missingKeys(keysNode.constant as readonly unknown[]);
    const keyPath = (index: number) => `${argPath(1)}[${index}]`;
    if (!checkLiteralKeys(keys, access, keyPath, scoped)) return null;
  }

  const readNeed = needNode.evaluate;
  const readKeys = keysNode.evaluate;
  return valueNode((data) => {
    const options = readKeys(data);
    const keys = Array.isArray(options) ? options : [options];
    const missing = listMissing(data, missingKeys(keys), isMissing);
    const need = readNeed(data) as number;
    return keys.length - missing.length >= need ? [] : missing;
  }, isMissing);
}
