/**
 * Problems found while loading, validating or compiling a flow, returned as
 * data so that the editor can highlight the node and field, and the app, CLI
 * and server can word them in Chinese or English from the message catalogue.
 */

/** Every problem code, with its default severity. */
export const PROBLEM_SEVERITIES = {
  // Loading
  'flow-json-invalid': 'error',
  'flow-format-invalid': 'error',
  'flow-version-invalid': 'error',
  'flow-version-unsupported': 'error',
  'flow-migration-missing': 'error',
  'schema-invalid': 'error',

  // Document and graph
  'timezone-invalid': 'error',
  'node-id-duplicate': 'error',
  'edge-id-duplicate': 'error',
  'node-type-unknown': 'error',
  'source-missing': 'error',
  'source-multiple': 'error',
  'edge-source-missing': 'warning',
  'edge-target-missing': 'warning',
  'edge-handle-unknown': 'warning',
  'edge-handle-missing': 'warning',
  'edge-handle-taken': 'error',
  'edge-into-source': 'error',
  cycle: 'error',
  'node-unreachable': 'warning',
  'handle-unconnected': 'warning',

  // Node data
  'node-data-invalid': 'error',
  'condition-missing': 'error',
  'condition-invalid': 'error',
  'condition-operator-not-allowed': 'error',
  'condition-unsafe-path': 'error',
  'condition-too-deep': 'error',
  'condition-too-large': 'error',
  'condition-in-text-list': 'warning',
  'condition-text-column-ordered': 'warning',
  'field-not-in-dataset': 'warning',
  'score-field-invalid': 'error',
  'score-base-invalid': 'error',
  'score-points-invalid': 'error',
  'case-id-invalid': 'error',
  'case-id-duplicate': 'error',
  'region-field-invalid': 'error',
  'region-id-invalid': 'error',
  'region-id-duplicate': 'error',
  'region-value-invalid': 'error',
  'region-value-duplicate': 'warning',
  'quota-limit-invalid': 'error',
  'quota-period-invalid': 'error',
  'quota-per-invalid': 'error',
  'dedup-keys-empty': 'error',
  'dedup-key-unknown': 'error',
  'dedup-key-duplicate': 'warning',
  'assignees-empty': 'error',
  'assignee-duplicate': 'error',
  'assignee-weight-invalid': 'error',
  'rep-id-missing': 'error',
  'rep-unknown': 'error',
  'rep-inactive': 'warning',
} as const satisfies Record<string, ProblemSeverity>;

export type ProblemSeverity = 'error' | 'warning';

export type ProblemCode = keyof typeof PROBLEM_SEVERITIES;

/** All problem codes, in catalogue order. */
export const PROBLEM_CODES = Object.keys(PROBLEM_SEVERITIES) as ProblemCode[];

/** Separator of the node ids in the `path` parameter of a `cycle` problem. */
export const CYCLE_PATH_SEPARATOR = ' → ';

/** Parameters that a message interpolates; always plain text or numbers. */
export type ProblemParams = Record<string, string | number>;

export interface FlowProblem {
  /** Stable identifier; the message catalogue has one entry per code. */
  code: ProblemCode;
  /** `error` blocks compiling; `warning` is shown but lets the flow run. */
  severity: ProblemSeverity;
  /** Node the problem belongs to, for highlighting in the editor. */
  nodeId?: string;
  /** Edge the problem belongs to. */
  edgeId?: string;
  /**
   * Path of the offending field inside the node (`data.limit`,
   * `data.cases[2].condition`) or the document (`timezone`, `nodes[3].id`).
   */
  field?: string;
  params: ProblemParams;
}

/** Builds a problem with the code's default severity. */
export function createProblem(
  code: ProblemCode,
  location: { nodeId?: string; edgeId?: string; field?: string } = {},
  params: ProblemParams = {},
): FlowProblem {
  const problem: FlowProblem = { code, severity: PROBLEM_SEVERITIES[code], params };
  if (location.nodeId !== undefined) problem.nodeId = location.nodeId;
  if (location.edgeId !== undefined) problem.edgeId = location.edgeId;
  if (location.field !== undefined) problem.field = location.field;
  return problem;
}

/** True when any problem in the list blocks compiling. */
export function hasErrors(problems: readonly FlowProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
