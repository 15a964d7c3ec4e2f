import type { Lead } from '../flow/flow.types.js';

/**
 * Column types a dataset can declare. Values of `text`, `phone`,
 * `postalCode` and `id` columns stay text; `number` and `boolean` columns
 * convert their text when a condition reads them; `date` values are read as
 * they are.
 */
export type FieldType = 'text' | 'number' | 'date' | 'phone' | 'postalCode' | 'id' | 'boolean';

export interface ConditionOptions {
  /** Column types from the dataset. 'text'/'phone'/'postalCode'/'id' never convert to numbers; 'number' does. */
  fieldTypes?: Readonly<Record<string, FieldType>>;
  /** Placeholder values that mean empty (e.g. 'Select'), matched after trimming, case-insensitively. */
  emptyValues?: readonly string[];
  /**
   * Whether `test` may run as generated code, which is several times faster
   * (see `condition.codegen.ts`); default true. Pass false when a condition
   * is compiled only to validate it. Generation falls back to the closures
   * by itself where the host forbids it.
   */
  codegen?: boolean;
}

export type ConditionProblemCode =
  | 'condition-invalid'
  | 'condition-operator-not-allowed'
  | 'condition-unsafe-path'
  | 'condition-too-deep'
  | 'condition-too-large';

/**
 * A reason an expression was rejected. `params` carries what a message needs:
 * `operator` for a rejected operation, `field` and `segment` for an unsafe
 * path, `maxDepth` or `maxNodes` for the limits, and for `condition-invalid`
 * a `reason` (`not-an-operation`, `unsupported-value`, `argument-count`,
 * `field-name`) with the details of that reason.
 */
export interface ConditionProblem {
  code: ConditionProblemCode;
  /** Path inside the expression, e.g. "and[1].<[0]", so the editor can point at it. */
  path: string;
  params: Record<string, string | number>;
}

/** A compiled expression: returns the expression's value for a lead. */
export type CompiledCondition = (lead: Lead) => unknown;

/** A compiled expression reduced to the format's truthiness. */
export type CompiledTest = (lead: Lead) => boolean;

export type CompileConditionResult =
  | {
      ok: true;
      /** The expression's value, as JSON Logic defines it with the format's differences. */
      evaluate: CompiledCondition;
      /** Whether the value is truthy; faster than `isTruthy(evaluate(lead))`. */
      test: CompiledTest;
      /** Lead fields the expression reads by name, in order of appearance. */
      fields: string[];
    }
  | { ok: false; problems: ConditionProblem[] };

/** Expressions deeper than this many levels are rejected. */
export const MAX_CONDITION_DEPTH = 64;
/** Expressions with more nodes than this are rejected. */
export const MAX_CONDITION_NODES = 10_000;
