import { conditionFields } from '../conditions/index.js';
import type { FlowNode } from '../flow/flow.types.js';
import { DEDUP_KEYS, isNonEmptyString, isRecord } from './node-data.validator.js';
import { createProblem, type FlowProblem } from './problem.types.js';

/** A lead field that a node reads, with the path of the node field that names it. */
export interface NodeFieldRead {
  field: string;
  /** Path inside the node, such as `data.cases[1].condition` or `data.field`. */
  path: string;
}

/**
 * Lists the lead fields a node reads, in node order, each with the first
 * place that reads it: the fields of its conditions, the region split's
 * field (`province` by default), the quota's `per` field and the dedup keys.
 * Fields of conditions that do not compile are listed too.
 */
export function listNodeFieldReads(node: Pick<FlowNode, 'type' | 'data'>): NodeFieldRead[] {
  const reads: NodeFieldRead[] = [];
  const add = (field: string, path: string) => {
    if (!reads.some((read) => read.field === field)) reads.push({ field, path });
  };
  const addCondition = (condition: unknown, path: string) => {
    for (const field of conditionFields(condition)) add(field, path);
  };
  const data = node.data;

  switch (node.type) {
    case 'filter':
      addCondition(data.condition, 'data.condition');
      break;
    case 'score':
    case 'branch': {
      const list = node.type === 'score' ? 'rules' : 'cases';
      const items: unknown[] = Array.isArray(data[list]) ? (data[list] as unknown[]) : [];
      items.forEach((item, index) => {
        if (isRecord(item)) addCondition(item.condition, `data.${list}[${index}].condition`);
      });
      break;
    }
    case 'regionSplit':
      add(isNonEmptyString(data.field) ? data.field : 'province', 'data.field');
      break;
    case 'quota':
      if (isNonEmptyString(data.per)) add(data.per, 'data.per');
      break;
    case 'dedup': {
      const keys: unknown[] = Array.isArray(data.keys) ? (data.keys as unknown[]) : [...DEDUP_KEYS];
      keys.forEach((key, index) => {
        if (isNonEmptyString(key)) add(key, `data.keys[${index}]`);
      });
      break;
    }
  }
  return reads;
}

/**
 * Reports each field that a node reads but the dataset lacks, once per
 * node and field, as a `field-not-in-dataset` warning. Such a field is
 * empty for every lead, so the node cannot tell leads apart by it: a region
 * split on it sends every lead to `else`, often the pool. Fields that a
 * score node of the flow writes are not read
 * from the dataset and never reported. A dotted name (`address.city`) is
 * found when the dataset has the whole name or its first segment.
 */
export function findFieldsNotInDataset(
  nodes: readonly FlowNode[],
  datasetFields: readonly string[],
): FlowProblem[] {
  const available = new Set(datasetFields);
  const written = new Set(
    nodes
      .filter((node) => node.type === 'score')
      .map((node) => (isNonEmptyString(node.data.field) ? node.data.field : 'score')),
  );
  const isAvailable = (field: string) =>
    available.has(field) || written.has(field) || available.has(field.split('.')[0] as string);

  const problems: FlowProblem[] = [];
  for (const node of nodes) {
    for (const read of listNodeFieldReads(node)) {
      if (isAvailable(read.field)) continue;
      problems.push(
        createProblem(
          'field-not-in-dataset',
          { nodeId: node.id, field: read.path },
          { column: read.field },
        ),
      );
    }
  }
  return problems;
}
