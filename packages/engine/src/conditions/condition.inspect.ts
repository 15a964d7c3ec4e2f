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
