import type { AllocationState, Lead, LeadResult } from '@sras/engine';
import { EngineInputError, listDedupKeys } from '@sras/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { apiError, flowNotFound, inputIssueWords } from '../http/api-messages.js';
import type { AllocationResultView } from './allocation.service.js';
import type {
  CompiledVersion,
  ExistingOwnerIndex,
  FlowRuntimeCache,
  RepList,
} from './flow-runtime.cache.js';
import type { StateNeeds } from './state-rows.js';

/**
 * The steps of an allocation that both databases share: reading the
 * published flow and lists, what state a batch needs, running the engine
 * and the answer's form.
 */

/** The published flow and the workspace's lists that a batch runs with. */
export interface Runtime {
  compiled: CompiledVersion;
  reps: RepList;
  owners: ExistingOwnerIndex;
}

/** Lists the state rows a batch reads: the periods it counts against at `now` and its dedup keys. */
export function stateNeedsOf(
  compiled: CompiledVersion,
  flowId: string,
  leads: Lead[],
  now: Date,
): StateNeeds {
  const periods = compiled.calendar.periodsAt(now.getTime());
  return {
    flowId,
    periods: [periods.day, periods.week, periods.month, 'total'],
    dedupKeys: listDedupKeys(compiled.pipeline, leads),
  };
}

/** Runs the engine on a batch with the state read for it. */
export function runAllocation(
  { compiled, reps, owners }: Runtime,
  leads: Lead[],
  needs: StateNeeds,
  state: AllocationState,
  now: Date,
) {
  return runEngine(() =>
    compiled.runner.runDelta({
      leads,
      reps: reps.reps,
      existingOwners: owners.rowsMatching(needs.dedupKeys),
      state,
      now: now.getTime(),
      // The lists were checked when the cache read them, and the state is
      // built in the engine's form from the server's own rows.
      trusted: reps.checked && owners.checked,
    }),
  );
}

/** Reads the flow's compiled published version and the workspace's lists, or throws 404 or 409. */
export async function readRuntime(
  cache: FlowRuntimeCache,
  db: Kysely<Database>,
  workspaceId: string,
  flowId: string,
): Promise<Runtime> {
  const heads = await cache.readHeads(db, workspaceId, flowId);
  if (heads.publishedVersion === undefined) throw flowNotFound(flowId);
  if (heads.publishedVersion === null) {
    throw apiError(409, 'flow-not-published', 'flowNotPublished', { flowId });
  }

  const compiled = await cache.compiledVersion(db, workspaceId, flowId, heads.publishedVersion);
  const { reps, owners } = await cache.listsOf(db, workspaceId, heads.lists);
  return { compiled, reps, owners };
}

/** Runs the engine, turning its report of unusable input (leads, reps) into a 422 that lists the issues. */
export function runEngine<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof EngineInputError)) throw error;
    throw apiError(
      422,
      'validation-failed',
      'engineInput',
      { reason: inputIssueWords(error.issues) },
      () => ({ issues: error.issues }),
    );
  }
}

export function toView(result: LeadResult): AllocationResultView {
  return {
    leadId: String(result.leadId),
    ownerId: result.ownerId,
    route: [...result.route],
    reason: result.reason,
    reasonText: result.poolReason,
  };
}
