/**
 * Plain statements of the limits that held leads back in a run: a quota
 * node whose limit filled, and an assigning node whose reps reached their
 * capacity, with how many leads left by the overflow output and where they
 * went. A first run on a large file without a time column sends most leads
 * to the pool for these reasons. The app's overview and `sras allocate`
 * state them in the words of `formatCapNote`.
 */
import type { Pipeline } from '../compile/pipeline.types.js';
import type { QuotaPeriod, Rep } from '../flow/flow.types.js';
import type { AllocationState } from '../state/state.schema.js';
import type { LeadResult, RunSummary } from './run.types.js';

/** A rep's busiest period of one length after a run. */
export interface CapacityUse {
  /** The busiest period of that length, such as `2026-05-02`, with the rep's count in it. */
  period: string | null;
  used: number;
  /** The rep's capacity for that length; null for no limit. */
  limit: number | null;
}

/** A rep's busiest day, week and month after a run. */
export interface RepCapacityUse {
  repId: string;
  name: string;
  day: CapacityUse;
  week: CapacityUse;
  month: CapacityUse;
}

/** Unassigned leads that ended at the same node, for the same reason and output. */
export interface UnassignedEnd {
  reason: 'pool' | 'no-route';
  nodeId: string;
  /** The unconnected output, for `no-route`. */
  handle: string | null;
  count: number;
}

const OVERFLOW = 'overflow';

/** A quota node whose limit filled, so leads left by its overflow output. */
export interface QuotaCapNote {
  kind: 'quota';
  nodeId: string;
  limit: number;
  period: QuotaPeriod;
  /** The lead field counted separately, when the quota has one. */
  per: string | null;
  /** Leads that left by the overflow output. */
  overflow: number;
  /** The node that the overflow output leads to, or null when the output is not connected. */
  targetNodeId: string | null;
  /** The reason text of that node when it is a pool with one. */
  targetPoolReason: string | null;
}

/** An assigning node whose reps reached their capacity, so leads left by its overflow output. */
export interface CapacityCapNote {
  kind: 'capacity';
  nodeId: string;
  /** The shortest period in which a rep of the node reached the capacity. */
  period: 'day' | 'week' | 'month';
  /** Reps of the node at their capacity of that period, and all active reps of the node. */
  fullReps: number;
  activeReps: number;
  /** The capacities of the full reps, added up. */
  capacity: number;
  overflow: number;
  targetNodeId: string | null;
  targetPoolReason: string | null;
}

export type CapNote = QuotaCapNote | CapacityCapNote;

const CAPACITY_PERIODS = ['day', 'week', 'month'] as const;

/**
 * Lists the quota and capacity limits that sent leads to an overflow output
 * in a run, in pipeline order. `capacity` is each rep's busiest period after
 * the run (from `capacityUse`), so a rep counts as full when that period
 * reached the rep's limit.
 */
export function buildCapNotes(
  pipeline: Pipeline,
  reps: readonly Rep[],
  summary: RunSummary,
  capacity: readonly RepCapacityUse[],
  unassigned: readonly UnassignedEnd[],
): CapNote[] {
  const repById = new Map(reps.map((rep) => [rep.id, rep]));
  const capacityById = new Map(capacity.map((entry) => [entry.repId, entry]));
  const notes: CapNote[] = [];

  for (const node of pipeline.nodes) {
    const handle = node.handles.indexOf(OVERFLOW);
    if (handle < 0) continue;
    const overflow = overflowCount(node.id, node.edges[handle] ?? null, summary, unassigned);
    if (overflow === 0) continue;
    const targetIndex = node.targets[handle];
    const target =
      targetIndex === null || targetIndex === undefined ? undefined : pipeline.nodes[targetIndex];
    const targetNodeId = target?.id ?? null;
    const targetPoolReason = target?.type === 'pool' ? target.reason : null;

    if (node.type === 'quota') {
      notes.push({
        kind: 'quota',
        nodeId: node.id,
        limit: node.limit,
        period: node.period,
        per: node.per,
        overflow,
        targetNodeId,
        targetPoolReason,
      });
      continue;
    }

    const repIds = assigneeIds(node);
    if (repIds === null) continue;
    const activeIds = repIds.filter((repId) => {
      const rep = repById.get(repId);
      return rep !== undefined && rep.active !== false;
    });
    const full = fullReps(activeIds, capacityById);
    if (full === null) continue;
    notes.push({
      kind: 'capacity',
      nodeId: node.id,
      period: full.period,
      fullReps: full.count,
      activeReps: activeIds.length,
      capacity: full.capacity,
      overflow,
      targetNodeId,
      targetPoolReason,
    });
  }
  return notes;
}

/** Counts the leads that left a node by its overflow output: along its edge, or ending there unconnected. */
function overflowCount(
  nodeId: string,
  edgeId: string | null,
  summary: RunSummary,
  unassigned: readonly UnassignedEnd[],
): number {
  if (edgeId !== null) return summary.byEdge[edgeId] ?? 0;

  const group = unassigned.find(
    (entry) => entry.reason === 'no-route' && entry.nodeId === nodeId && entry.handle === OVERFLOW,
  );
  return group?.count ?? 0;
}

function assigneeIds(node: Pipeline['nodes'][number]): string[] | null {
  switch (node.type) {
    case 'roundRobin':
    case 'leastLoaded':
      return node.assignees.map((assignee) => assignee.repId);
    case 'assign':
      return [node.repId];
    default:
      return null;
  }
}

/** Finds the shortest period in which any of the reps reached the capacity, and the full reps of it. */
function fullReps(
  repIds: readonly string[],
  capacityById: ReadonlyMap<string, RepCapacityUse>,
): { period: 'day' | 'week' | 'month'; count: number; capacity: number } | null {
  for (const period of CAPACITY_PERIODS) {
    let count = 0;
    let capacity = 0;
    for (const repId of repIds) {
      const use = capacityById.get(repId)?.[period];
      if (use === undefined || use.limit === null || use.used < use.limit) continue;
      count += 1;
      capacity += use.limit;
    }
    if (count > 0) return { period, count, capacity };
  }
  return null;
}

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;
const WEEK_KEY = /^\d{4}-W\d{2}$/;
const MONTH_KEY = /^\d{4}-\d{2}$/;

/**
 * Finds the busiest day, week and month of each rep in the state after the
 * run, with the rep's limit for each. The state counts this run's leads and
 * the counts carried over from earlier runs, which capacity is checked
 * against.
 */
export function capacityUse(reps: readonly Rep[], state: AllocationState): RepCapacityUse[] {
  return reps.map((rep) => {
    const counts = state.assigned[rep.id] ?? {};
    const peak = (pattern: RegExp, limit: number | null | undefined): CapacityUse => {
      let period: string | null = null;
      let used = 0;
      for (const [key, count] of Object.entries(counts)) {
        if (pattern.test(key) && count > used) {
          period = key;
          used = count;
        }
      }
      return { period, used, limit: limit ?? null };
    };
    return {
      repId: rep.id,
      name: rep.name,
      day: peak(DAY_KEY, rep.capacity?.day),
      week: peak(WEEK_KEY, rep.capacity?.week),
      month: peak(MONTH_KEY, rep.capacity?.month),
    };
  });
}

/** Groups the unassigned results of a run by reason, node and output, largest group first. */
export function unassignedEndsOf(results: readonly LeadResult[]): UnassignedEnd[] {
  const groups = new Map<string, UnassignedEnd>();
  for (const result of results) {
    if (result.reason !== 'pool' && result.reason !== 'no-route') continue;

    const lastStep = result.route.at(-1) ?? '';
    const handle = result.reason === 'no-route' ? lastStep.slice(lastStep.indexOf(':') + 1) : null;
    const key = `${result.reason}\u0001${result.nodeId}\u0001${handle ?? ''}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { reason: result.reason, nodeId: result.nodeId, handle, count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
