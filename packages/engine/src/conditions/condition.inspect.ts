import { MAX_CONDITION_DEPTH, MAX_CONDITION_NODES, type FieldType } from './condition.types.js';
import { SCOPED_OPERATIONS, isPlainObject, operationArguments } from './condition.grammar.js';

/** One operation met by `forEachOperation`. */
interface OperationVisit {
  operator: string;
  args: readonly unknown[];
  /** Path of argument `index`, in the compiler's notation (`and[1].in[1]`). */
  argumentPath(index: number): string;
}

/**
 * Calls `visit` for every operation of an expression, outermost first,
 * within the compiler's depth and size limits, so that it also works on
 * expressions that do not compile. With `skipScoped`, the second argument
 * of `all`, `none` and `some` is skipped: its `var`s read list elements,
 * not lead fields.
 */
function forEachOperation(
  expr: unknown,
  skipScoped: boolean,
  visit: (operation: OperationVisit) => void,
): void {
  let nodes = 0;

  const walk = (node: unknown, depth: number, path: string): void => {
    nodes++;
    if (nodes > MAX_CONDITION_NODES || depth > MAX_CONDITION_DEPTH) return;

    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, depth + 1, `${path}[${index}]`));
      return;
    }
    if (!isPlainObject(node)) return;
    const keys = Object.keys(node);
    if (keys.length !== 1) return;

    const operator = keys[0]!;
    const args = operationArguments(node[operator]);
    const argumentPath = (index: number) => `${path === '' ? '' : `${path}.`}${operator}[${index}]`;
    visit({ operator, args, argumentPath });

    args.forEach((arg, index) => {
      if (skipScoped && SCOPED_OPERATIONS.has(operator) && index === 1) return;
      walk(arg, depth + 1, argumentPath(index));
    });
  };

  walk(expr, 1, '');
}

/**
 * Lists the lead fields an expression reads by name through `var`,
 * `missing` and `missing_some`, in order of first appearance. Works on
 * expressions that do not compile too, so the editor can show the fields of
 * a broken rule; names computed at run time and names inside `all`, `none`
 * and `some` (which read list elements) are not listed.
 */
export function conditionFields(expr: unknown): string[] {
  const fields: string[] = [];
  const add = (name: unknown) => {
    const field = typeof name === 'number' ? String(name) : name;
    if (typeof field === 'string' && field !== '' && !fields.includes(field)) fields.push(field);
  };

  forEachOperation(expr, true, ({ operator, args }) => {
    if (operator === 'var') {
      add(args[0]);
    } else if (operator === 'missing') {
      const keysList = Array.isArray(args[0]) ? args[0] : args;
      keysList.forEach(add);
    } else if (operator === 'missing_some' && Array.isArray(args[1])) {
      const keysList: readonly unknown[] = Array.isArray(args[1][0]) ? args[1][0] : args[1];
      keysList.forEach(add);
    }
  });
  return fields;
}

/** Separators that show a text was meant as several values: ASCII and full-width commas, and 、. */
const LIST_SEPARATORS = /[,，、]/;

/** An `in` whose second argument is one literal text that looks like a list. */
export interface TextListTest {
  /** Path of the text argument, in the compiler's notation (`and[1].in[1]`). */
  path: string;
  /** The text as written. */
  text: string;
  /** The text split at its separators, trimmed, empty parts dropped. */
  items: string[];
}

/**
 * Finds each `in` whose second argument is a literal text containing a comma
 * or 、 (`{"in": [{"var": "province"}, "广东,广西"]}`). The format reads that
 * as a substring test on one text, so `东` and `广东,广` match too. The author
 * almost always meant a list of values, so the validator warns, but the
 * expression keeps its meaning.
 */
export function findTextListTests(expr: unknown): TextListTest[] {
  const found: TextListTest[] = [];
  forEachOperation(expr, false, ({ operator, args, argumentPath }) => {
    const text = args[1];
    if (operator !== 'in' || typeof text !== 'string' || !LIST_SEPARATORS.test(text)) return;
    const items = text
      .split(LIST_SEPARATORS)
      .map((item) => item.trim())
      .filter((item) => item !== '');
    found.push({ path: argumentPath(1), text, items });
  });
  return found;
}

/** Column types whose values a condition keeps as text (see `FieldType`). */
const TEXT_COLUMN_TYPES: ReadonlySet<FieldType> = new Set(['text', 'phone', 'postalCode', 'id']);

const ORDERINGS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);

/** A `<`, `<=`, `>` or `>=` between a text-typed column and a number. */
export interface TextColumnOrdering {
  /** Path of the column's `var`, in the compiler's notation (`and[0].>[0]`). */
  path: string;
  /** The column read. */
  field: string;
  /** The column's declared type. */
  type: FieldType;
  /** The number it is compared with. */
  value: number;
}

/**
 * Finds each ordering (`<`, `<=`, `>`, `>=`) that compares a column typed as
 * text, phone, postal code or id with a number literal. Such a column keeps
 * its values as text, so the comparison orders them as text ("9" after
 * "10"), which is almost never what the author meant. Only direct reads of a literal
 * field name count, as the compiler types only those.
 */
export function findTextColumnOrderings(
  expr: unknown,
  fieldTypes: Readonly<Record<string, FieldType>> | undefined,
): TextColumnOrdering[] {
  const found: TextColumnOrdering[] = [];
  if (fieldTypes === undefined) return found;

  const textColumnOf = (arg: unknown): { field: string; type: FieldType } | null => {
    if (!isPlainObject(arg) || !Object.hasOwn(arg, 'var') || Object.keys(arg).length !== 1)
      return null;
    const name = operationArguments(arg.var)[0];
    const field = typeof name === 'number' ? String(name) : name;
    if (typeof field !== 'string' || !Object.hasOwn(fieldTypes, field)) return null;
    const type = fieldTypes[field]!;
    return TEXT_COLUMN_TYPES.has(type) ? { field, type } : null;
  };

  forEachOperation(expr, true, ({ operator, args, argumentPath }) => {
    if (!ORDERINGS.has(operator)) return;
    const number = args.find((arg): arg is number => typeof arg === 'number');
    if (number === undefined) return;
    args.forEach((arg, index) => {
      const column = textColumnOf(arg);
      if (column !== null) found.push({ path: argumentPath(index), ...column, value: number });
    });
  });
  return found;
}
