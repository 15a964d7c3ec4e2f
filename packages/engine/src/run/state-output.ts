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
 * so that a large key set needs no sorting. With `includeState` false only
 * the delta is built and `state` is null, which saves copying every entry
 * of the input state for hosts that store the delta.
 */
export function buildStateOutput(
  parts: RunStateParts,
  includeState: boolean,
): { state: AllocationState | null; delta: StateDelta } {
  const delta: StateDelta = {
    roundRobin: [],
    quota: [],
    assigned: [],
    dedup: [],
    removed: { quota: [], assigned: [] },
  };

  const expired = expiryCheck(parts.cutoffDay);
  const roundRobin = writeRoundRobin(parts, delta, includeState);
  const quota = writeQuota(parts, delta, includeState, expired);
  const assigned = writeAssigned(parts, delta, includeState, expired);
  for (const [key, ownerId] of parts.dedup.changed) delta.dedup.push({ key, ownerId });
  if (roundRobin === null || quota === null || assigned === null) return { state: null, delta };

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

/** Adds the changed weights to the delta; returns every weight when `includeState`, else null. */
function writeRoundRobin(
  parts: RunStateParts,
  delta: StateDelta,
  includeState: boolean,
): NestedCounts | null {
  const weights = includeState ? toNestedMap(parts.input.roundRobin) : null;
  parts.nodes.forEach((node, index) => {
    if (node.kind !== NodeKind.RoundRobin) return;

    const current = parts.currentWeights[index] as Float64Array;
    const initial = parts.input.roundRobin[node.id] ?? {};
    node.repIds.forEach((repId, assignee) => {
      const weight = current[assignee] as number;
      if (weight !== (initial[repId] ?? 0))
        delta.roundRobin.push({ nodeId: node.id, repId, weight });
      if (weights !== null) setNested(weights, [node.id, repId], weight);
    });
  });
  return weights;
}

/** Adds the changed and expired quota counters to the delta; returns every counter when `includeState`. */
function writeQuota(
  parts: RunStateParts,
  delta: StateDelta,
  includeState: boolean,
  expired: (period: string) => boolean,
): NestedCounts | null {
  const { input } = parts;
  const counts = includeState ? toNestedMap(input.quota) : null;
  parts.nodes.forEach((node, index) => {
    const counter = parts.quotas[index];
    if (node.kind !== NodeKind.Quota || counter === null || counter === undefined) return;

    for (const [period, values] of counter.counts()) {
      for (const [value, count] of values) {
        if (count !== (input.quota[node.id]?.[period]?.[value] ?? 0) && !expired(period)) {
          delta.quota.push({ nodeId: node.id, period, value, count });
        }
        if (counts !== null) setNested(counts, [node.id, period, value], count);
      }
    }
  });

  for (const [nodeId, periods] of Object.entries(input.quota)) {
    for (const period of Object.keys(periods)) {
      if (expired(period)) delta.removed.quota.push({ nodeId, period });
    }
  }
  if (counts !== null) dropExpired(counts, expired);
  return counts;
}

/** Adds the changed and expired rep counters to the delta; returns every counter when `includeState`. */
function writeAssigned(
  parts: RunStateParts,
  delta: StateDelta,
  includeState: boolean,
  expired: (period: string) => boolean,
): NestedCounts | null {
  const { input, roster, repCounters } = parts;
  const counts = includeState ? toNestedMap(input.assigned) : null;
  for (const [period, byRep] of repCounters.byPeriod) {
    roster.ids.forEach((repId, index) => {
      // A repeated rep id reads and writes the counts of its first entry.
      if (roster.indexOf(repId) !== index) return;

      const count = byRep[index] as number;
      if (count !== (input.assigned[repId]?.[period] ?? 0) && !expired(period)) {
        delta.assigned.push({ repId, period, count });
      }
      if (counts !== null) setNested(counts, [repId, period], count);
    });
  }

  for (const [repId, periods] of Object.entries(input.assigned)) {
    for (const period of Object.keys(periods)) {
      if (expired(period)) delta.removed.assigned.push({ repId, period });
    }
  }
  if (counts !== null) dropExpired(counts, expired);
  return counts;
}

/** Deletes the counters of expired periods: the second level of `owner → period → …`. */
function dropExpired(counts: NestedCounts, expired: (period: string) => boolean): void {
  for (const periods of counts.values()) {
    if (!(periods instanceof Map)) continue;
    for (const period of [...periods.keys()]) {
      if (expired(period)) periods.delete(period);
    }
  }
}

/**
 * Returns {@link isPeriodExpired} for one cutoff day with each period's
 * result cached, because a run checks the same few periods once per rep.
 */
function expiryCheck(cutoffDay: number): (period: string) => boolean {
  const known = new Map<string, boolean>();
  return (period) => {
    let expired = known.get(period);
    if (expired === undefined) {
      expired = isPeriodExpired(period, cutoffDay);
      known.set(period, expired);
    }
    return expired;
  };
}
