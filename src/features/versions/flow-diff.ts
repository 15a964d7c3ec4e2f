/**
 * Differences between two flow documents: nodes and edges added, removed and
 * changed, each change field by field. Pure, so a CLI or server can use it.
 */
import type { FlowDocument, FlowEdge, FlowNode } from '@sras/engine';

/** One field that differs, with its path inside the node, edge or document. */
export interface FieldChange {
  /** Path such as `data.limit`, `position.x` or `data.regions[id=east].values`. */
  path: string;
  /** Absent when the field did not exist before. */
  before?: unknown;
  /** Absent when the field does not exist after. */
  after?: unknown;
}

export interface ChangedItem<T> {
  id: string;
  before: T;
  after: T;
  changes: FieldChange[];
}

export interface CollectionDiff<T> {
  added: T[];
  removed: T[];
  changed: ChangedItem<T>[];
}

export interface FlowDiff {
  /** Changes to the document's own fields (name, description, time zone, unknown fields). */
  document: FieldChange[];
  nodes: CollectionDiff<FlowNode>;
  edges: CollectionDiff<FlowEdge>;
}

const IDENTITY_KEYS = ['id', 'repId'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The key by which elements of `list` are matched, when every element has a distinct one. */
function identityKey(list: readonly unknown[]): (typeof IDENTITY_KEYS)[number] | undefined {
  if (list.length === 0) return undefined;
  return IDENTITY_KEYS.find((key) => {
    const values = list.map((item) => (isPlainObject(item) ? item[key] : undefined));
    const allText = values.every((value) => typeof value === 'string');
    return allText && new Set(values).size === values.length;
  });
}

function joinPath(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function describeChange(path: string, before: unknown, after: unknown): FieldChange {
  const change: FieldChange = { path };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  return change;
}

function diffLists(path: string, before: unknown[], after: unknown[], out: FieldChange[]): void {
  const key = identityKey(before) ?? identityKey(after);
  const keyedBoth = key && identityKey(before) === key && identityKey(after) === key;

  // Lists of identified elements (cases, regions, assignees) are matched by
  // id, so that inserting one element reports one change rather than a
  // change at every later index. A reorder alone is reported on the list.
  if (keyedBoth) {
    const beforeById = new Map(before.map((item) => [(item as Record<string, string>)[key], item]));
    const afterById = new Map(after.map((item) => [(item as Record<string, string>)[key], item]));
    for (const [id, item] of beforeById) {
      diffValues(`${path}[${key}=${id}]`, item, afterById.get(id), out);
    }
    for (const [id, item] of afterById) {
      if (!beforeById.has(id)) out.push(describeChange(`${path}[${key}=${id}]`, undefined, item));
    }
    const orderBefore = [...beforeById.keys()].filter((id) => afterById.has(id));
    const orderAfter = [...afterById.keys()].filter((id) => beforeById.has(id));
    if (!sameValue(orderBefore, orderAfter)) {
      out.push(describeChange(`${path}.order`, orderBefore, orderAfter));
    }
    return;
  }

  // Lists of plain values (province names, dedup keys) are reported whole.
  out.push(describeChange(path, before, after));
}

function diffValues(path: string, before: unknown, after: unknown, out: FieldChange[]): void {
  if (sameValue(before, after)) return;

  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) diffValues(joinPath(path, key), before[key], after[key], out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    diffLists(path, before, after, out);
    return;
  }
  out.push(describeChange(path, before, after));
}

/** Field-by-field differences between two values, in a stable order. */
export function diffFields(
  before: unknown,
  after: unknown,
  ignore: readonly string[] = [],
): FieldChange[] {
  const changes: FieldChange[] = [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) {
      if (!ignore.includes(key)) diffValues(key, before[key], after[key], changes);
    }
    return changes;
  }
  diffValues('', before, after, changes);
  return changes;
}

function diffCollection<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
): CollectionDiff<T> {
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterById = new Map(after.map((item) => [item.id, item]));

  const added = after.filter((item) => !beforeById.has(item.id));
  const removed = before.filter((item) => !afterById.has(item.id));
  const changed: ChangedItem<T>[] = [];
  for (const item of before) {
    const next = afterById.get(item.id);
    if (!next) continue;
    const changes = diffFields(item, next, ['id']);
    if (changes.length > 0) changed.push({ id: item.id, before: item, after: next, changes });
  }
  return { added, removed, changed };
}

/**
 * Compares two flow documents. Nodes and edges are matched by id; the
 * document's id and the nodes and edges lists themselves are not compared
 * as fields.
 */
export function diffFlows(before: FlowDocument, after: FlowDocument): FlowDiff {
  return {
    document: diffFields(before, after, ['id', 'nodes', 'edges']),
    nodes: diffCollection(before.nodes, after.nodes),
    edges: diffCollection(before.edges, after.edges),
  };
}

/** Whether the diff has no change at all. */
export function isEmptyDiff(diff: FlowDiff): boolean {
  const collections = [diff.nodes, diff.edges];
  return (
    diff.document.length === 0 &&
    collections.every(
      (c) => c.added.length === 0 && c.removed.length === 0 && c.changed.length === 0,
    )
  );
}

/** Whether every change of a node is to its position, i.e. it was only moved. */
export function isMoveOnly(item: ChangedItem<FlowNode>): boolean {
  return item.changes.every(
    (change) => change.path === 'position' || change.path.startsWith('position.'),
  );
}
