import type { Program } from './program.js';
import { REASON_CODES, type LeadColumns, type ReasonCode, type RunSummary } from './run.types.js';

const NO_ROUTE = REASON_CODES.indexOf('no-route');

/** Leads per reason, rep, route id and end node (not counting leads without a route). */
export interface RunTally {
  reasonCounts: Float64Array;
  repCounts: Float64Array;
  routeCounts: Float64Array;
  nodeCounts: Float64Array;
}

/** Creates an empty tally for a run's reps and the program's routes so far. */
export function emptyTally(program: Program, repCount: number): RunTally {
  return {
    reasonCounts: new Float64Array(REASON_CODES.length),
    repCounts: new Float64Array(repCount),
    routeCounts: new Float64Array(program.routes.table.length),
    nodeCounts: new Float64Array(program.nodes.length),
  };
}

/** Tallies a run's columns in one pass after the run, so that the generic loop counts nothing. */
function tallyColumns(columns: LeadColumns, program: Program): RunTally {
  const tally = emptyTally(program, columns.repIds.length);
  const { reasonCounts, repCounts, routeCounts, nodeCounts } = tally;
  const { reasons, owners, routes, nodes, count } = columns;
  for (let index = 0; index < count; index += 1) {
    const reason = reasons[index] as number;
    reasonCounts[reason] = (reasonCounts[reason] as number) + 1;
    const owner = owners[index] as number;
    if (owner >= 0) repCounts[owner] = (repCounts[owner] as number) + 1;
    const route = routes[index] as number;
    routeCounts[route] = (routeCounts[route] as number) + 1;
    if (reason !== NO_ROUTE) {
      const node = nodes[index] as number;
      nodeCounts[node] = (nodeCounts[node] as number) + 1;
    }
  }
  return tally;
}

/**
 * Builds a run's summary from its tally, made from the columns after the
 * run unless the run counted it (`tally`). Leads per rep come from the
 * owners. Leads per node and edge come from the routes, because every step
 * enters its node and takes its edge, plus the node each lead ended in
 * (unless it ended at an unconnected output, whose node its last step
 * already counts). Every rep, node and edge appears, with 0 when unused.
 */
export function buildSummary(
  columns: LeadColumns,
  program: Program,
  duplicatesFound: number,
  tally: RunTally = tallyColumns(columns, program),
): RunSummary {
  const { reasonCounts, repCounts, routeCounts } = tally;
  const nodeCounts = Float64Array.from(tally.nodeCounts);
  const edgeCounts = new Float64Array(program.edgeIds.length);

  routeCounts.forEach((count, route) => {
    if (count === 0) return;
    for (const slot of program.routes.slots[route] as readonly number[]) {
      const node = program.slotNodes[slot] as number;
      nodeCounts[node] = (nodeCounts[node] as number) + count;
      const edge = program.slotEdges[slot] as number;
      if (edge >= 0) edgeCounts[edge] = (edgeCounts[edge] as number) + count;
    }
  });

  const byReason = Object.fromEntries(
    REASON_CODES.map((reason, index) => [reason, reasonCounts[index] ?? 0]),
  ) as Record<ReasonCode, number>;
  const assigned = byReason.assigned + byReason['existing-owner'];

  const byRep: Record<string, number> = {};
  columns.repIds.forEach((repId, index) => {
    byRep[repId] = (byRep[repId] ?? 0) + (repCounts[index] ?? 0);
  });

  return {
    total: columns.count,
    assigned,
    unassigned: columns.count - assigned,
    byRep: Object.fromEntries(Object.entries(byRep)),
    byNode: Object.fromEntries(
      program.nodes.map((node, index) => [node.id, nodeCounts[index] ?? 0]),
    ),
    byEdge: Object.fromEntries(
      program.edgeIds.map((edgeId, index) => [edgeId, edgeCounts[index] ?? 0]),
    ),
    byReason,
    unassignedByReason: { pool: byReason.pool, 'no-route': byReason['no-route'] },
    duplicates: { found: duplicatesFound, keptWithExistingOwner: byReason['existing-owner'] },
  };
}
