import type { z } from 'zod';
import { formatFieldPath } from '../validation/field-path.js';
import {
  createProblem,
  type FlowProblem,
  type ProblemParams,
} from '../validation/problem.types.js';

/** Maximum length of a received text that a message quotes; longer text is cut. */
const MAX_QUOTED_LENGTH = 40;

/**
 * Turns one zod issue of the flow schema into a `schema-invalid` problem
 * whose parameters describe it without zod's English text, so that
 * `formatProblem` can word it in any language:
 *
 * - `subject`: `node`, `edge`, `flow` (a field of the document) or
 *   `document` (the document itself), with `node` (the node's label, else
 *   its id, else `#` and its position in the list) or `edge` (its id, else
 *   its position);
 * - `fieldKey`: the field relative to its node or edge (`position.x`);
 * - `issue`: zod's issue code, and `received`: what the file holds there
 *   (`missing`, `text`, `number`, `boolean`, `null`, `list`, `object`),
 *   with `value` quoting a text, number or boolean;
 * - the issue's own details: `expected` (zod type names joined by `|`),
 *   `origin`, `minimum`, `maximum`, `inclusive` (1 or 0), `values` (JSON
 *   array text), `keys`, `format`, `divisor`.
 *
 * `path` and `message` keep the raw path and zod's message for engineers.
 */
export function schemaIssueProblem(
  document: Record<string, unknown>,
  issue: z.core.$ZodIssue,
): FlowProblem {
  const field = formatFieldPath(issue.path);
  const location: { nodeId?: string; edgeId?: string; field: string } = { field };
  const params: ProblemParams = { path: field, message: issue.message, issue: issue.code };

  const [collection, index, ...rest] = issue.path;
  if ((collection === 'nodes' || collection === 'edges') && typeof index === 'number') {
    const item = itemAt(document[collection], index);
    const id = typeof item?.id === 'string' && item.id !== '' ? item.id : undefined;
    const position = `#${index + 1}`;
    if (collection === 'nodes') {
      if (id !== undefined) location.nodeId = id;
      params.subject = 'node';
      params.node = ownLabel(item) ?? id ?? position;
    } else {
      if (id !== undefined) location.edgeId = id;
      params.subject = 'edge';
      params.edge = id ?? position;
    }
    params.fieldKey = formatFieldPath(rest);
  } else {
    params.subject = issue.path.length === 0 ? 'document' : 'flow';
    params.fieldKey = field;
  }

  Object.assign(params, describeSchemaIssue(document, issue));
  return createProblem('schema-invalid', location, params);
}

/**
 * Describes a zod issue without zod's English text: `issue` (zod's code),
 * `received` and `value` (what `root` holds at the issue's path) and the
 * issue's own details, the parameters that `formatProblem` words a
 * `schema-invalid` problem from (see {@link schemaIssueProblem}). For input
 * other than a flow file, such as a request body: add `subject: 'field'`,
 * `field` (the field in words) and `wording: 'request'`.
 */
export function describeSchemaIssue(root: unknown, issue: z.core.$ZodIssue): ProblemParams {
  return {
    issue: issue.code,
    ...describeReceived(valueAt(root, issue.path)),
    ...issueDetails(issue),
  };
}

/** Picks the details of an issue that its message needs, by zod issue code. */
function issueDetails(issue: z.core.$ZodIssue): ProblemParams {
  switch (issue.code) {
    case 'invalid_type':
      return { expected: issue.expected };
    case 'too_small':
      return {
        origin: issue.origin,
        minimum: Number(issue.minimum),
        inclusive: issue.inclusive === false ? 0 : 1,
      };
    case 'too_big':
      return {
        origin: issue.origin,
        maximum: Number(issue.maximum),
        inclusive: issue.inclusive === false ? 0 : 1,
      };
    case 'invalid_value':
      return { values: JSON.stringify(issue.values.map(jsonValue)) };
    case 'invalid_format':
      return { format: issue.format };
    case 'not_multiple_of':
      return { divisor: issue.divisor };
    case 'unrecognized_keys':
      return { keys: issue.keys.join(', ') };
    case 'invalid_union': {
      // A union of plain types (such as text or a number) reads best as a
      // list of expected types. Any other union has no short description.
      const expected = unionTypes(issue.errors);
      return expected === undefined ? {} : { expected };
    }
    default:
      return {};
  }
}

/** Returns `string|number` when every branch of a union failed only on its type, else undefined. */
function unionTypes(branches: readonly (readonly z.core.$ZodIssue[])[]): string | undefined {
  const types: string[] = [];
  for (const branch of branches) {
    const [only, ...others] = branch;
    if (only?.code !== 'invalid_type' || others.length > 0 || only.path.length > 0)
      return undefined;
    if (!types.includes(only.expected)) types.push(only.expected);
  }
  return types.length > 0 ? types.join('|') : undefined;
}

/** Describes the kind of value in the file, and quotes it when it is text, a number or a boolean. */
function describeReceived(value: unknown): ProblemParams {
  if (value === undefined) return { received: 'missing' };
  if (value === null) return { received: 'null' };
  if (typeof value === 'string') {
    const quoted =
      value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}…` : value;
    return { received: 'text', value: quoted };
  }
  if (typeof value === 'number') return { received: 'number', value: String(value) };
  if (typeof value === 'boolean') return { received: 'boolean', value: String(value) };
  return { received: Array.isArray(value) ? 'list' : 'object' };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function itemAt(items: unknown, index: number): Record<string, unknown> | undefined {
  const item: unknown = Array.isArray(items) ? items[index] : undefined;
  return typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : undefined;
}

/** Reads the node's own label, on the node or in its data, as `nodeLabels` does. */
function ownLabel(node: Record<string, unknown> | undefined): string | undefined {
  const data = node?.data;
  const label =
    node?.label ??
    (typeof data === 'object' && data !== null ? (data as { label?: unknown }).label : undefined);
  return typeof label === 'string' && label.trim() !== '' ? label.trim() : undefined;
}

/** Converts a literal of `invalid_value` to a JSON value (bigint and undefined become text). */
function jsonValue(value: unknown): string | number | boolean | null {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return value === null ? null : String(value);
}
