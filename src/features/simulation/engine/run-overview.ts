/**
 * What the result cards show, computed in the worker from a finished run:
 * leads per rep against the share their weights promise, peak capacity use,
 * and the unassigned leads grouped by where and why they ended.
 */
import {
  buildCapNotes,
  capacityUse,
  type AllocationState,
  type CapNote,
  type Pipeline,
  type Rep,
  type RepCapacityUse,
  type RunSummary,
  type UnassignedEnd,
} from '@sras/engine';
import type { ResultColumns } from './result-columns';

export interface RepShare {
  repId: string;
  name: string;
  active: boolean;
  /** Leads the flow's assigning nodes gave the rep. */
  assigned: number;
  /** Duplicates kept with the rep as their existing owner. */
  existingOwner: number;
  /** Leads the rep's weights promise, from the leads each assigning node gave out. */
  promised: number;
  /** `assigned - promised`. */
  deviation: number;
}

export type { CapacityUse } from '@sras/engine';
export type RepCapacity = RepCapacityUse;

export interface UnassignedGroup extends UnassignedEnd {
  poolReason: string | null;
}

export interface RunOverview {
  summary: RunSummary;
  reps: RepShare[];
  capacity: RepCapacity[];
  unassigned: UnassignedGroup[];
  /** Quota and capacity limits that sent leads to an overflow output. Absent in overviews built before they were listed. */
  capNotes?: CapNote[];
  /** Fields nodes wrote (such as `score`), in the order they first appear. */
  writtenFields: string[];
}

/** Builds the overview of a run. */
export function buildRunOverview(
  pipeline: Pipeline,
  reps: readonly Rep[],
  columns: ResultColumns,
  summary: RunSummary,
  state: AllocationState,
): RunOverview {
  const capacity = capacityUse(reps, state);
  const unassigned = unassignedGroups(columns);

  return {
    summary,
    reps: repShares(pipeline, reps, columns),
    capacity,
    unassigned,
    capNotes: buildCapNotes(pipeline, reps, summary, capacity, unassigned),
    writtenFields: columns.writtenFields(),
  };
}

/**
 * Leads per rep against the weights: each assigning node's leads are
 * spread over its active assignees by weight (round-robin assignee weight,
 * else the rep's weight, else 1; equal shares in least-loaded nodes), and a
 * rep's promise is the sum over the nodes.
 */
export function repShares(
  pipeline: Pipeline,
  reps: readonly Rep[],
  columns: ResultColumns,
): RepShare[] {
  const repById = new Map(reps.map((rep) => [rep.id, rep]));
  const assignedByNode = new Map<string, number>();
  const assigned = new Map<string, number>();
  const existing = new Map<string, number>();

  for (let position = 0; position < columns.count; position += 1) {
    const ownerId = columns.ownerIdAt(position);
    if (ownerId === null) continue;
    const reason = columns.reasonAt(position);
    if (reason === 'existing-owner') {
      existing.set(ownerId, (existing.get(ownerId) ?? 0) + 1);
      continue;
    }
    const nodeId = columns.nodeIdAt(position);
    assignedByNode.set(nodeId, (assignedByNode.get(nodeId) ?? 0) + 1);
    assigned.set(ownerId, (assigned.get(ownerId) ?? 0) + 1);
  }

  const promised = new Map<string, number>();
  for (const node of pipeline.nodes) {
    const given = assignedByNode.get(node.id) ?? 0;
    if (given === 0) continue;

    const weights = assigneeWeights(node, repById);
    const total = weights.reduce((sum, entry) => sum + entry.weight, 0);
    if (total <= 0) continue;
    for (const { repId, weight } of weights)
      promised.set(repId, (promised.get(repId) ?? 0) + (given * weight) / total);
  }

  const ids = new Set([...reps.map((rep) => rep.id), ...assigned.keys(), ...existing.keys()]);
  return [...ids]
    .filter((repId) => assigned.has(repId) || existing.has(repId) || promised.has(repId))
    .map((repId) => {
      const rep = repById.get(repId);
      const count = assigned.get(repId) ?? 0;
      const promise = promised.get(repId) ?? 0;
      return {
        repId,
        name: rep?.name ?? repId,
        active: rep !== undefined && rep.active !== false,
        assigned: count,
        existingOwner: existing.get(repId) ?? 0,
        promised: promise,
        deviation: count - promise,
      };
    });
}

function assigneeWeights(
  node: Pipeline['nodes'][number],
  repById: ReadonlyMap<string, Rep>,
): { repId: string; weight: number }[] {
  const isActive = (repId: string) => {
    const rep = repById.get(repId);
    return rep !== undefined && rep.active !== false;
  };
  switch (node.type) {
    case 'roundRobin':
      return node.assignees
        .filter((assignee) => isActive(assignee.repId))
        .map((assignee) => ({
          repId: assignee.repId,
          weight: assignee.weight ?? repById.get(assignee.repId)?.weight ?? 1,
        }));
    case 'leastLoaded':
      return node.assignees
        .filter((assignee) => isActive(assignee.repId))
        .map((assignee) => ({ repId: assignee.repId, weight: 1 }));
    case 'assign':
      return isActive(node.repId) ? [{ repId: node.repId, weight: 1 }] : [];
    default:
      return [];
  }
}

/** Unassigned leads grouped by reason, node and output, largest group first. */
export function unassignedGroups(columns: ResultColumns): UnassignedGroup[] {
  const groups = new Map<string, UnassignedGroup>();
  for (let position = 0; position < columns.count; position += 1) {
    const reason = columns.reasonAt(position);
    if (reason !== 'pool' && reason !== 'no-route') continue;

    const result = columns.at(position);
    const lastStep = result.route.at(-1) ?? '';
    const handle = reason === 'no-route' ? lastStep.slice(lastStep.indexOf(':') + 1) : null;
    const key = `${reason}\u0001${result.nodeId}\u0001${handle ?? ''}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else
      groups.set(key, {
        reason,
        nodeId: result.nodeId,
        handle,
        poolReason: result.poolReason,
        count: 1,
      });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
