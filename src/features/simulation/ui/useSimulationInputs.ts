/** The stored things a simulation can use: datasets, the team, versions and the applied state. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Rep } from '@sras/engine';
import { getDatabase } from '../../../storage/db';
import type {
  AllocationStateRecord,
  DatasetRecord,
  RepRecord,
  RunRecord,
} from '../../../storage/records';

const NONE: never[] = [];

/** Imported datasets of one kind, newest first. */
export function useDatasetsOfKind(kind: DatasetRecord['kind']): DatasetRecord[] {
  return (
    useLiveQuery(async () => {
      const datasets = await getDatabase().datasets.where('kind').equals(kind).toArray();
      return datasets.sort((a, b) => b.importedAt - a.importedAt);
    }, [kind]) ?? NONE
  );
}

/** The sales team as the engine reads it, in the order the Team screen stores it. */
export function useTeam(): Rep[] | undefined {
  return useLiveQuery(async () => {
    const reps = await getDatabase().reps.toArray();
    return reps.map(toEngineRep);
  }, []);
}

/** A rep without the app's bookkeeping fields. */
export function toEngineRep(record: RepRecord): Rep {
  const {
    createdAt: _created,
    updatedAt: _updated,
    employmentStart: _start,
    employmentEnd: _end,
    ...rep
  } = record;
  return rep;
}

/** The flow's saved state with the applied run that produced it, if any. */
export function useAppliedState(
  flowId: string,
): { state: AllocationStateRecord; run: RunRecord | undefined } | null | undefined {
  return useLiveQuery(async () => {
    const state = await getDatabase().allocationStates.get(flowId);
    if (!state) return null;
    const run = state.runId ? await getDatabase().runs.get(state.runId) : undefined;
    return { state, run };
  }, [flowId]);
}

/** Saved runs of a flow, newest first, without their per-lead results. */
export function useSavedRuns(flowId: string): RunRecord[] | undefined {
  return useLiveQuery(async () => {
    const runs = await getDatabase().runs.where('flowId').equals(flowId).toArray();
    return runs.sort((a, b) => b.createdAt - a.createdAt);
  }, [flowId]);
}
