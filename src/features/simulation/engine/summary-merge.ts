/** Adds up the engine's run summaries of the segments of one simulation. */
import type { Pipeline, Rep, RunSummary } from '@sras/engine';

/** A summary with every rep, node and edge at 0. */
export function emptySummary(reps: readonly Rep[], pipeline: Pipeline): RunSummary {
  const byNode: Record<string, number> = {};
  const byEdge: Record<string, number> = {};
  for (const node of pipeline.nodes) {
    byNode[node.id] = 0;
    for (const edgeId of node.edges) if (edgeId !== null) byEdge[edgeId] = 0;
  }
  return {
    total: 0,
    assigned: 0,
    unassigned: 0,
    byRep: Object.fromEntries(reps.map((rep) => [rep.id, 0])),
    byNode,
    byEdge,
    byReason: { assigned: 0, 'existing-owner': 0, pool: 0, 'no-route': 0 },
    unassignedByReason: { pool: 0, 'no-route': 0 },
    duplicates: { found: 0, keptWithExistingOwner: 0 },
  };
}

/** Adds `part` into `total` in place. */
export function addSummary(total: RunSummary, part: RunSummary): void {
  total.total += part.total;
  total.assigned += part.assigned;
  total.unassigned += part.unassigned;
  addCounts(total.byRep, part.byRep);
  addCounts(total.byNode, part.byNode);
  addCounts(total.byEdge, part.byEdge);
  addCounts(total.byReason, part.byReason);
  addCounts(total.unassignedByReason, part.unassignedByReason);
  total.duplicates.found += part.duplicates.found;
  total.duplicates.keptWithExistingOwner += part.duplicates.keptWithExistingOwner;
}

function addCounts(total: Record<string, number>, part: Readonly<Record<string, number>>): void {
  for (const [key, count] of Object.entries(part)) total[key] = (total[key] ?? 0) + count;
}
