import type { ParameterList } from './condition.codegen.js';
import type { MissingTest } from './condition.values.js';
import { truthy } from './condition.values.js';

/**
 * A compiled piece of an expression. `data` is the lead, or the list element
 * inside `all`, `none` and `some`.
 */
export type Evaluate = (data: unknown) => unknown;
export type Test = (data: unknown) => boolean;

export interface CompiledNode {
  evaluate: Evaluate;
  /** The format's truthiness of `evaluate`, computed without boxing where possible. */
  test: Test;
  /** Set when the node reads no data, so `constant` is its value. */
  isConstant: boolean;
  constant: unknown;
  /** A `var` of a column typed text, phone, postal code or ID, read from the lead. */
  textTyped: boolean;
  /**
   * Set on a `var` that reads one own property as it is (a literal name
   * without a dot, no default, no column conversion), so that operators can
   * read the property directly.
   */
  fieldKey?: string;
  /**
   * Set with `fieldKey` when the field is a `number` column, whose text is
   * read with `parseNumberCell`; only the ordering shortcuts accept it.
   */
  numberColumn?: boolean;
  /**
   * Writes this node's test as an expression of generated code (see
   * `condition.codegen.ts`). Used only from the root down through nodes that
   * have it, so `d` there is always the lead, never a list element.
   */
  emit?: (parameters: ParameterList) => string;
}

/** Builds a node whose value is always a boolean, so its test is its value. */
export function booleanNode(
  evaluate: (data: unknown) => boolean,
  emit?: (parameters: ParameterList) => string,
): CompiledNode {
  const node: CompiledNode = {
    evaluate,
    test: evaluate,
    isConstant: false,
    constant: undefined,
    textTyped: false,
  };
  if (emit !== undefined) node.emit = emit;
  return node;
}

/** Builds a node of any value, tested with the format's truthiness. */
export function valueNode(evaluate: Evaluate, isMissing: MissingTest): CompiledNode {
  return {
    evaluate,
    test: (data) => truthy(evaluate(data), isMissing),
    isConstant: false,
    constant: undefined,
    textTyped: false,
  };
}

/** Builds a node with a fixed value. Lists are frozen because every evaluation shares them. */
export function constantNode(value: unknown, isMissing: MissingTest): CompiledNode {
  const constant = Array.isArray(value) ? Object.freeze(value) : value;
  const result = truthy(constant, isMissing);
  return {
    evaluate: () => constant,
    test: () => result,
    isConstant: true,
    constant,
    textTyped: false,
  };
}
