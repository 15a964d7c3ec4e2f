import { deleteNested, setNested, toCanonicalRecord, toNestedMap } from './nested-records.js';
import type { AllocationState, StateDelta } from './state.schema.js';

/**
 * Applies a run's delta to the state the run started from and returns the
 * state the run returned, in the same canonical form. Hosts that keep the
 * whole state as one document store the run's `state` directly. This function
 * is for hosts that merge deltas, and defines each entry: weights and
 * counters are absolute values (0 removes the entry), dedup entries add a key
 * or fill in its owner, and `removed` drops counters of expired periods.
 */
export function applyStateDelta(state: AllocationState, delta: StateDelta): AllocationState {
  const roundRobin = toNestedMap(state.roundRobin);
  for (const { nodeId, repId, weight } of delta.roundRobin)
    setNested(roundRobin, [nodeId, repId], weight);

  const quota = toNestedMap(state.quota);
  for (const { nodeId, period, value, count } of delta.quota)
    setNested(quota, [nodeId, period, value], count);
  for (const { nodeId, period } of delta.removed.quota) deleteNested(quota, [nodeId, period]);

  const assigned = toNestedMap(state.assigned);
  for (const { repId, period, count } of delta.assigned)
    setNested(assigned, [repId, period], count);
  for (const { repId, period } of delta.removed.assigned) deleteNested(assigned, [repId, period]);

  const dedup = new Map(Object.entries(state.dedup));
  for (const { key, ownerId } of delta.dedup) dedup.set(key, ownerId);

  return {
    ...state,
    roundRobin: toCanonicalRecord(roundRobin) as AllocationState['roundRobin'],
    quota: toCanonicalRecord(quota) as AllocationState['quota'],
    assigned: toCanonicalRecord(assigned) as AllocationState['assigned'],
    dedup: Object.fromEntries(dedup),
  };
}
