import { MAX_CONDITION_DEPTH, MAX_CONDITION_NODES } from './condition.types.js';
import { SCOPED_OPERATIONS, isPlainObject, operationArguments } from './condition.grammar.js';

/**
 * Lists the lead fields an expression reads by name through `var`,
 * `missing` and `missing_some`, in order of first appearance. Works on
 * expressions that do not compile too, so the editor can show the fields of
 * a broken rule; names computed at run time and names inside `all`, `none`
 * and `some` (which read list elements) are not listed.
 */
export function conditionFields(expr: unknown): string[] {
  const fields: string[] = [];
  let nodes = 0;

  const add = (name: unknown) => {
    const field = typeof name === 'number' ? String(name) : name;
    if (typeof field === 'string' && field !== '' && !fields.includes(field)) fields.push(field);
  };

  const visit = (node: unknown, depth: number): void => {
    nodes++;
    if (nodes > MAX_CONDITION_NODES || depth > MAX_CONDITION_DEPTH) return;

    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    if (!isPlainObject(node)) return;
    const keys = Object.keys(node);
    if (keys.length !== 1) return;

    const operator = keys[0]!;
    const args = operationArguments(node[operator]);
    if (operator === 'var') {
      add(args[0]);
    } else if (operator === 'missing') {
      const keysList = Array.isArray(args[0]) ? args[0] : args;
      keysList.forEach(add);
    } else if (operator === 'missing_some' && Array.isArray(args[1])) {
      const keysList: readonly unknown[] = Array.isArray(args[1][0]) ? args[1][0] : args[1];
      keysList.forEach(add);
    }

    args.forEach((arg, index) => {
      if (SCOPED_OPERATIONS.has(operator) && index === 1) return;
      visit(arg, depth + 1);
    });
  };

  visit(expr, 1);
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
  let nodes = 0;

  const visit = (node: unknown, depth: number, path: string): void => {
    nodes++;
    if (nodes > MAX_CONDITION_NODES || depth > MAX_CONDITION_DEPTH) return;

    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, depth + 1, `${path}[${index}]`));
      return;
    }
    if (!isPlainObject(node)) return;
    const keys = Object.keys(node);
    if (keys.length !== 1) return;

    const operator = keys[0]!;
    const args = operationArguments(node[operator]);
    const argumentPath = (index: number) => `${path === '' ? '' : `${path}.`}${operator}[${index}]`;
    const text = args[1];
    if (operator === 'in' && typeof text === 'string' && LIST_SEPARATORS.test(text)) {
      const items = text
        .split(LIST_SEPARATORS)
        .map((item) => item.trim())
        .filter((item) => item !== '');
      found.push({ path: argumentPath(1), text, items });
    }

    args.forEach((arg, index) => visit(arg, depth + 1, argumentPath(index)));
  };

  visit(expr, 1, '');
  return found;
}
