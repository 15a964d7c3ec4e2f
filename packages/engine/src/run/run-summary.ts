import type { Program } from './program.js';
import { REASON_CODES, type ReasonCode, type RunSummary } from './run.types.js';

export interface SummaryCounts {
  total: number;
  program: Program;
  repIds: readonly string[];
  repCounts: Float64Array;
  nodeCounts: Float64Array;
  edgeCounts: Float64Array;
  /** Leads per reason, in the order of REASON_CODES. */
  reasonCounts: readonly number[];
  duplicatesFound: number;
}

/** Builds a run's summary from its counters; every rep, node and edge appears, with 0 when unused. */
export function buildSummary(counts: SummaryCounts): RunSummary {
  const byReason = Object.fromEntries(
    REASON_CODES.map((reason, index) => [reason, counts.reasonCounts[index] ?? 0]),
  ) as Record<ReasonCode, number>;
  const assigned = byReason.assigned + byReason['existing-owner'];

  const byRep: Record<string, number> = {};
  counts.repIds.forEach((repId, index) => {
    byRep[repId] = (byRep[repId] ?? 0) + (counts.repCounts[index] ?? 0);
  });

  return {
    total: counts.total,
    assigned,
    unassigned: counts.total - assigned,
    byRep: Object.fromEntries(Object.entries(byRep)),
    byNode: Object.fromEntries(
      counts.program.nodes.map((node, index) => [node.id, counts.nodeCounts[index] ?? 0]),
    ),
    byEdge: Object.fromEntries(
      counts.program.edgeIds.map((edgeId, index) => [edgeId, counts.edgeCounts[index] ?? 0]),
    ),
    byReason,
    unassignedByReason: { pool: byReason.pool, 'no-route': byReason['no-route'] },
    duplicates: {
      found: counts.duplicatesFound,
      keptWithExistingOwner: byReason['existing-owner'],
    },
  };
}
