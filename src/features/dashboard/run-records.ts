/**
 * Applied runs as dashboard input: each run's leads (its dataset's rows),
 * its per-lead results and the round-robin nodes of the flow it ran.
 *
 * A per-lead result is read as the engine writes it: `ownerId`, and the
 * node that ended the lead as `terminalNodeId` (else `nodeId`, else the
 * node of the last `route` step, written `nodeId:handle`). When that node is
 * a round-robin node of the run's flow, the lead counts for that pool.
 */
import type { FlowDocument } from '@sras/engine';
import { getDatabase, type SrasDatabase } from '../../storage/db';
import type { RepRecord, RunRecord } from '../../storage/records';
import { readAllDatasetRows } from '../targets/dataset-reader';
import type { RoundRobinPool } from './fairness';
import type { RunInput, RunLeadResult } from './outcome-records';

function terminalNodeOf(result: Record<string, unknown>): string | null {
  if (typeof result.terminalNodeId === 'string') return result.terminalNodeId;
  if (typeof result.nodeId === 'string') return result.nodeId;
  const route = result.route;
  if (Array.isArray(route) && route.length > 0) {
    const last = route[route.length - 1];
    if (typeof last === 'string') return last.split(':')[0] ?? null;
    if (
      last &&
      typeof last === 'object' &&
      typeof (last as { nodeId?: unknown }).nodeId === 'string'
    ) {
      return (last as { nodeId: string }).nodeId;
    }
  }
  return null;
}

/** Reads one stored result into the fields the dashboard needs. */
export function readLeadResult(
  value: unknown,
  roundRobinNodeIds: ReadonlySet<string>,
): RunLeadResult {
  if (!value || typeof value !== 'object') return { ownerId: null };
  const result = value as Record<string, unknown>;
  const ownerId =
    typeof result.ownerId === 'string' && result.ownerId !== '' ? result.ownerId : null;
  const terminal = terminalNodeOf(result);
  return {
    ownerId,
    roundRobinNodeId: ownerId && terminal && roundRobinNodeIds.has(terminal) ? terminal : null,
  };
}

/** The round-robin nodes of a flow with their assignees' weights (assignee weight, else rep weight, else 1). */
export function roundRobinPoolsOf(
  document: FlowDocument,
  reps: readonly RepRecord[],
  flowName?: string,
): RoundRobinPool[] {
  return document.nodes
    .filter((node) => node.type === 'roundRobin')
    .map((node) => {
      const data = node.data as { label?: unknown; assignees?: unknown };
      const assignees = Array.isArray(data.assignees) ? data.assignees : [];
      return {
        nodeId: node.id,
        label: [flowName, typeof data.label === 'string' ? data.label : node.id]
          .filter(Boolean)
          .join(' · '),
        assignees: assignees.flatMap((assignee: unknown) => {
          if (!assignee || typeof assignee !== 'object') return [];
          const { repId, weight } = assignee as { repId?: unknown; weight?: unknown };
          if (typeof repId !== 'string') return [];
          const repWeight = reps.find((rep) => rep.id === repId)?.weight;
          const resolved =
            typeof weight === 'number' ? weight : typeof repWeight === 'number' ? repWeight : 1;
          return [{ repId, weight: resolved }];
        }),
      };
    });
}

/** Stored applied runs, newest first. Simulations (runs never applied) are left out. */
export async function listAppliedRuns(
  database: SrasDatabase = getDatabase(),
): Promise<RunRecord[]> {
  const runs = await database.runs.toArray();
  return runs
    .filter((run) => typeof run.appliedAt === 'number')
    .sort((a, b) => (b.appliedAt ?? 0) - (a.appliedAt ?? 0));
}

/** Loads an applied run's leads, results and round-robin pools. */
export async function loadRunInput(
  run: RunRecord,
  reps: readonly RepRecord[],
  database: SrasDatabase = getDatabase(),
): Promise<{ input: RunInput; pools: RoundRobinPool[] } | null> {
  if (run.appliedAt === undefined) return null;

  // The copy of the flow the run saved is what it ran; older runs fall back to the version or flow.
  const version =
    !run.flowDocument && run.versionId ? await database.flowVersions.get(run.versionId) : undefined;
  const flow = await database.flows.get(run.flowId);
  const document = run.flowDocument ?? version?.document ?? flow?.document;
  const pools = document ? roundRobinPoolsOf(document, reps, flow?.name) : [];
  const poolIds = new Set(pools.map((pool) => pool.nodeId));

  const chunks = await database.runResults.where('runId').equals(run.id).sortBy('chunk');
  const results = chunks
    .flatMap((chunk) => chunk.results)
    .map((result) => readLeadResult(result, poolIds));
  const leads = await readAllDatasetRows(run.datasetId, database);
  const dataset = await database.datasets.get(run.datasetId);
  const createdColumn = dataset?.columns.find((column) => column.field === 'createdAt')?.key;
  const sourceColumn = dataset?.columns.find((column) => column.field === 'source')?.key;
  const idColumn = dataset?.columns.find((column) => column.field === 'id')?.key;

  return {
    input: {
      id: run.id,
      appliedAt: run.appliedAt,
      now: run.now,
      leads,
      results,
      datasetId: run.datasetId,
      ...(idColumn ? { idColumn } : {}),
      mapping: {
        ...(createdColumn ? { createdAt: createdColumn } : {}),
        ...(sourceColumn ? { source: sourceColumn } : {}),
      },
    },
    pools,
  };
}
