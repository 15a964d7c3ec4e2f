import { isPeriodExpired } from '../state/period-retention.js';
import {
  setNested,
  toCanonicalRecord,
  toNestedMap,
  type NestedCounts,
} from '../state/nested-records.js';
import type { AllocationState, StateDelta } from '../state/state.schema.js';
import type { DedupRegistry } from './dedup-registry.js';
import { NodeKind, type ProgramNode } from './program.js';
import type { QuotaCounter } from './quota-counters.js';
import type { RepCounters, RepRoster } from './rep-roster.js';

/** The run's counters and weights, ready to be written back as state. */
export interface RunStateParts {
  input: AllocationState;
  nodes: readonly ProgramNode[];
  roster: RepRoster;
  repCounters: RepCounters;
  quotas: readonly (QuotaCounter | null)[];
  currentWeights: readonly Float64Array[];
  dedup: DedupRegistry;
  /** Local day number before which counters are dropped. */
  cutoffDay: number;
}

/**
 * Builds the state after a run and its delta against the input state. The
 * state is canonical (see toCanonicalRecord), and counters of periods that
 * ended before the cutoff are dropped. Dedup keys stay in first-seen order,
 * so that a large key set needs no sorting.
 */
export function buildStateOutput(parts: RunStateParts): {
  state: AllocationState;
  delta: StateDelta;
} {
  const delta: StateDelta = {
    roundRobin: [],
    quota: [],
    assigned: [],
    dedup: [],
    removed: { quota: [], assigned: [] },
  };

  const roundRobin = writeRoundRobin(parts, delta);
  const quota = writeQuota(parts, delta);
  const assigned = writeAssigned(parts, delta);
  for (const [key, ownerId] of parts.dedup.changed) delta.dedup.push({ key, ownerId });

  const state: AllocationState = {
    ...parts.input,
    format: 'sras.state',
    version: 1,
    roundRobin: toCanonicalRecord(roundRobin) as AllocationState['roundRobin'],
    quota: toCanonicalRecord(quota) as AllocationState['quota'],
    assigned: toCanonicalRecord(assigned) as AllocationState['assigned'],
    dedup: Object.fromEntries(parts.dedup.seen),
  };
  return { state, delta };
}

function writeRoundRobin(parts: RunStateParts, delta: StateDelta): NestedCounts {
  const weights = toNestedMap(parts.input.roundRobin);
  parts.nodes.forEach((node, index) => {
    if (node.kind !== NodeKind.RoundRobin) return;

    const current = parts.currentWeights[index] as Float64Array;
    const initial = parts.input.roundRobin[node.id] ?? {};
    node.repIds.forEach((repId, assignee) => {
      const weight = current[assignee] as number;
      if (weight !== (initial[repId] ?? 0))
        delta.roundRobin.push({ nodeId: node.id, repId, weight });
      setNested(weights, [node.id, repId], weight);
    });
  });
  return weights;
}

function writeQuota(parts: RunStateParts, delta: StateDelta): NestedCounts {
  const { input, cutoffDay } = parts;
  const counts = toNestedMap(input.quota);
  parts.nodes.forEach((node, index) => {
    const counter = parts.quotas[index];
    if (node.kind !== NodeKind.Quota || counter === null || counter === undefined) return;

    for (const [period, values] of counter.counts()) {
      for (const [value, count] of values) {
        if (
          count !== (input.quota[node.id]?.[period]?.[value] ?? 0) &&
          !isPeriodExpired(period, cutoffDay)
        ) {
          delta.quota.push({ nodeId: node.id, period, value, count });
        }
        setNested(counts, [node.id, period, value], count);
      }
    }
  });

  for (const [nodeId, periods] of counts) {
    for (const period of [...(periods as NestedCounts).keys()]) {
      if (!isPeriodExpired(period, cutoffDay)) continue;
      (periods as NestedCounts).delete(period);
      if (input.quota[nodeId]?.[period] !== undefined) delta.removed.quota.push({ nodeId, period });
    }
  }
  return counts;
}

function writeAssigned(parts: RunStateParts, delta: StateDelta): NestedCounts {
  const { input, roster, repCounters, cutoffDay } = parts;
  const counts = toNestedMap(input.assigned);
  for (const [period, byRep] of repCounters.byPeriod) {
    roster.ids.forEach((repId, index) => {
      // A repeated rep id reads and writes the counts of its first entry.
      if (roster.indexOf(repId) !== index) return;

      const count = byRep[index] as number;
      if (count !== (input.assigned[repId]?.[period] ?? 0) && !isPeriodExpired(period, cutoffDay)) {
        delta.assigned.push({ repId, period, count });
      }
      setNested(counts, [repId, period], count);
    });
  }

  for (const [repId, periods] of counts) {
    for (const period of [...(periods as NestedCounts).keys()]) {
      if (!isPeriodExpired(period, cutoffDay)) continue;
      (periods as NestedCounts).delete(period);
      if (input.assigned[repId]?.[period] !== undefined)
        delta.removed.assigned.push({ repId, period });
    }
  }
  return counts;
}
