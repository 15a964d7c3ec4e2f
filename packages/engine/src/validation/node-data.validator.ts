import {
  compileCondition,
  findTextColumnOrderings,
  findTextListTests,
  type ConditionOptions,
} from '../conditions/index.js';
import { describeValue } from '../flow/flow.parse.js';
import type { FlowNode, Rep } from '../flow/flow.types.js';
import { ELSE_HANDLE } from '../flow/node-handles.js';
import { normaliseRegionValue } from '../regions/index.js';
import {
  createProblem,
  type FlowProblem,
  type ProblemCode,
  type ProblemParams,
} from './problem.types.js';

/** Context of the node checks: the team and the condition options. */
export interface NodeCheckContext {
  /** Reps by id, when the caller knows the team; null skips the rep checks. */
  reps: ReadonlyMap<string, Rep> | null;
  conditionOptions: ConditionOptions | undefined;
}

/** Dedup keys of the format, also the default of a dedup node without `keys`. */
export const DEDUP_KEYS = ['phone', 'email', 'company'] as const;

export const QUOTA_PERIODS = ['day', 'week', 'month', 'total'] as const;

type Report = (code: ProblemCode, field: string, params?: ProblemParams) => void;

/**
 * Checks a node's data against the rules of its type and returns the
 * problems, each naming the node and the field (`data.cases[2].condition`).
 * Nodes of unknown type have no data rules here; the flow validator reports
 * the type.
 */
export function validateNodeData(node: FlowNode, context: NodeCheckContext): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const report: Report = (code, field, params = {}) => {
    problems.push(createProblem(code, { nodeId: node.id, field }, params));
  };
  const data = node.data;

  switch (node.type) {
    case 'filter':
      checkCondition(data.condition, 'data.condition', report, context);
      break;
    case 'score':
      checkScore(data, report, context);
      break;
    case 'branch':
      checkBranch(data, report, context);
      break;
    case 'regionSplit':
      checkRegionSplit(data, report);
      break;
    case 'quota':
      checkQuota(data, report);
      break;
    case 'dedup':
      checkDedup(data, report);
      break;
    case 'roundRobin':
    case 'leastLoaded':
      checkAssignees(data, node.type === 'roundRobin', report, context);
      break;
    case 'assign':
      checkRepId(data.repId, 'data.repId', report, context);
      break;
    case 'pool':
      if (data.reason !== undefined && data.reason !== null && typeof data.reason !== 'string') {
        report('node-data-invalid', 'data.reason', { expected: 'string' });
      }
      break;
  }

  return problems;
}

function checkCondition(
  condition: unknown,
  field: string,
  report: Report,
  context: NodeCheckContext,
): void {
  if (condition === undefined || condition === null) {
    report('condition-missing', field);
    return;
  }

  const compiled = compileCondition(condition, { ...context.conditionOptions, codegen: false });
  if (!compiled.ok) {
    for (const problem of compiled.problems) {
      report(problem.code, field, { ...problem.params, path: problem.path });
    }
    return;
  }

  for (const test of findTextListTests(condition)) {
    report('condition-in-text-list', field, {
      path: test.path,
      value: test.text,
      items: JSON.stringify(test.items),
    });
  }
  for (const ordering of findTextColumnOrderings(condition, context.conditionOptions?.fieldTypes)) {
    report('condition-text-column-ordered', field, {
      path: ordering.path,
      field: ordering.field,
      value: ordering.value,
    });
  }
}

function checkScore(
  data: Record<string, unknown>,
  report: Report,
  context: NodeCheckContext,
): void {
  if (data.field !== undefined && !isNonEmptyString(data.field))
    report('score-field-invalid', 'data.field');
  if (data.base !== undefined && !isFiniteNumber(data.base)) {
    report('score-base-invalid', 'data.base', { value: describeValue(data.base) });
  }

  const rules = listOf(data.rules, 'data.rules', report);
  rules.forEach((rule, index) => {
    const field = `data.rules[${index}]`;
    if (!isRecord(rule)) {
      report('node-data-invalid', field, { expected: 'object' });
      return;
    }
    if (!isFiniteNumber(rule.points)) {
      report('score-points-invalid', `${field}.points`, { value: describeValue(rule.points) });
    }
    checkOptionalLabel(rule.label, `${field}.label`, report);
    checkCondition(rule.condition, `${field}.condition`, report, context);
  });
}

function checkBranch(
  data: Record<string, unknown>,
  report: Report,
  context: NodeCheckContext,
): void {
  const cases = listOf(data.cases, 'data.cases', report);
  const seen = new Set<string>();
  cases.forEach((item, index) => {
    const field = `data.cases[${index}]`;
    if (!isRecord(item)) {
      report('node-data-invalid', field, { expected: 'object' });
      return;
    }
    checkHandleId(item.id, `${field}.id`, seen, 'case-id-invalid', 'case-id-duplicate', report);
    checkOptionalLabel(item.label, `${field}.label`, report);
    checkCondition(item.condition, `${field}.condition`, report, context);
  });
}

function checkRegionSplit(data: Record<string, unknown>, report: Report): void {
  if (data.field !== undefined && !isNonEmptyString(data.field)) {
    report('region-field-invalid', 'data.field');
  }

  const regions = listOf(data.regions, 'data.regions', report);
  const seenIds = new Set<string>();
  // Normalised value → label of the first region that lists it.
  const firstRegionOf = new Map<string, string>();
  regions.forEach((region, index) => {
    const field = `data.regions[${index}]`;
    if (!isRecord(region)) {
      report('node-data-invalid', field, { expected: 'object' });
      return;
    }
    checkHandleId(
      region.id,
      `${field}.id`,
      seenIds,
      'region-id-invalid',
      'region-id-duplicate',
      report,
    );
    checkOptionalLabel(region.label, `${field}.label`, report);

    const name = regionName(region, index);
    const values = listOf(region.values, `${field}.values`, report);
    const ownValues = new Set<string>();
    values.forEach((value, valueIndex) => {
      const valueField = `${field}.values[${valueIndex}]`;
      if (typeof value !== 'string') {
        report('region-value-invalid', valueField, { value: describeValue(value) });
        return;
      }
      const normalised = normaliseRegionValue(value);
      if (normalised === '' || ownValues.has(normalised)) return;
      ownValues.add(normalised);

      const first = firstRegionOf.get(normalised);
      if (first === undefined) {
        firstRegionOf.set(normalised, name);
      } else {
        report('region-value-duplicate', valueField, { value, region: first, otherRegion: name });
      }
    });
  });
}

function checkQuota(data: Record<string, unknown>, report: Report): void {
  const limit = data.limit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) {
    report('quota-limit-invalid', 'data.limit', { value: describeValue(limit) });
  }
  if (!(QUOTA_PERIODS as readonly unknown[]).includes(data.period)) {
    report('quota-period-invalid', 'data.period', { value: describeValue(data.period) });
  }
  const per = data.per;
  if (per !== undefined && per !== null && per !== '' && !isNonEmptyString(per)) {
    report('quota-per-invalid', 'data.per');
  }
}

function checkDedup(data: Record<string, unknown>, report: Report): void {
  if (data.assignExistingOwner !== undefined && typeof data.assignExistingOwner !== 'boolean') {
    report('node-data-invalid', 'data.assignExistingOwner', { expected: 'boolean' });
  }
  if (data.keys === undefined) return;
  if (!Array.isArray(data.keys)) {
    report('node-data-invalid', 'data.keys', { expected: 'array' });
    return;
  }
  if (data.keys.length === 0) {
    report('dedup-keys-empty', 'data.keys');
    return;
  }

  const seen = new Set<unknown>();
  data.keys.forEach((key: unknown, index) => {
    const field = `data.keys[${index}]`;
    if (!(DEDUP_KEYS as readonly unknown[]).includes(key)) {
      report('dedup-key-unknown', field, { key: describeValue(key) });
    } else if (seen.has(key)) {
      report('dedup-key-duplicate', field, { key: key as string });
    }
    seen.add(key);
  });
}

function checkAssignees(
  data: Record<string, unknown>,
  weighted: boolean,
  report: Report,
  context: NodeCheckContext,
): void {
  if (data.assignees !== undefined && !Array.isArray(data.assignees)) {
    report('node-data-invalid', 'data.assignees', { expected: 'array' });
    return;
  }
  const assignees: unknown[] = Array.isArray(data.assignees) ? data.assignees : [];
  if (assignees.length === 0) {
    report('assignees-empty', 'data.assignees');
    return;
  }

  const seen = new Set<string>();
  assignees.forEach((assignee, index) => {
    const field = `data.assignees[${index}]`;
    if (!isRecord(assignee)) {
      report('node-data-invalid', field, { expected: 'object' });
      return;
    }
    if (!checkRepId(assignee.repId, `${field}.repId`, report, context)) return;

    const repId = assignee.repId as string;
    if (seen.has(repId)) report('assignee-duplicate', `${field}.repId`, { repId });
    seen.add(repId);

    const weight = assignee.weight;
    if (
      weighted &&
      weight !== undefined &&
      weight !== null &&
      !(isFiniteNumber(weight) && weight >= 0)
    ) {
      report('assignee-weight-invalid', `${field}.weight`, { repId, value: describeValue(weight) });
    }
  });
}

/** Reports a missing, unknown or inactive rep; returns whether the id is usable text. */
function checkRepId(
  repId: unknown,
  field: string,
  report: Report,
  context: NodeCheckContext,
): boolean {
  if (!isNonEmptyString(repId)) {
    report('rep-id-missing', field);
    return false;
  }
  if (context.reps === null) return true;

  const rep = context.reps.get(repId);
  if (rep === undefined) {
    report('rep-unknown', field, { repId });
  } else if (rep.active === false) {
    report('rep-inactive', field, { repId, repName: rep.name });
  }
  return true;
}

function checkHandleId(
  id: unknown,
  field: string,
  seen: Set<string>,
  invalidCode: ProblemCode,
  duplicateCode: ProblemCode,
  report: Report,
): void {
  if (!isNonEmptyString(id) || id === ELSE_HANDLE) {
    report(invalidCode, field, { id: describeValue(id) });
    return;
  }
  if (seen.has(id)) report(duplicateCode, field, { id });
  seen.add(id);
}

function checkOptionalLabel(label: unknown, field: string, report: Report): void {
  if (label !== undefined && label !== null && typeof label !== 'string') {
    report('node-data-invalid', field, { expected: 'string' });
  }
}

/** Returns the items of an optional list field, reporting a value that is not a list. */
function listOf(value: unknown, field: string, report: Report): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  report('node-data-invalid', field, { expected: 'array' });
  return [];
}

function regionName(region: Record<string, unknown>, index: number): string {
  if (isNonEmptyString(region.label)) return region.label;
  if (isNonEmptyString(region.id)) return region.id;
  return `#${index + 1}`;
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
