/**
 * The only module that reads and writes target plans in IndexedDB. Each
 * stored record holds one plan version; the record's status is the plan's
 * status in the storage's words (approved → `active`, superseded →
 * `archived`), so the `status` index finds the plan in force.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase, type SrasDatabase } from '../../storage/db';
import type {
  RepRecord,
  TargetPlanRecord,
  TargetPlanStatus as StoredStatus,
} from '../../storage/records';
import { writeTransaction } from '../../storage/storage-full';
import { planHasTeam, renamePlanTeam } from './plan-rename';
import type { PlanPerson, TargetPlan, TargetPlanStatus } from './target-plan.types';
import { TARGET_PLAN_FORMAT } from './target-plan.types';

const TO_STORED: Record<TargetPlanStatus, StoredStatus> = {
  draft: 'draft',
  approved: 'active',
  superseded: 'archived',
};

function toRecord(plan: TargetPlan): TargetPlanRecord {
  return {
    id: plan.id,
    year: plan.year,
    name: plan.name,
    status: TO_STORED[plan.status],
    plan,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
  };
}

function isTargetPlan(value: unknown): value is TargetPlan {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { format?: unknown }).format === TARGET_PLAN_FORMAT
  );
}

/** Reads every stored plan version; records written by something else are skipped. */
export async function listTargetPlans(
  database: SrasDatabase = getDatabase(),
): Promise<TargetPlan[]> {
  const records = await database.targetPlans.toArray();
  return records.map((record) => record.plan).filter(isTargetPlan);
}

/** Stored plan versions, newest year first, re-read whenever one changes; undefined while loading. */
export function useTargetPlans(): TargetPlan[] | undefined {
  return useLiveQuery(async () => {
    const plans = await listTargetPlans();
    return plans.sort((a, b) => b.year - a.year || b.version - a.version);
  }, []);
}

/** Saves plan versions in one transaction: all of them or, on failure, none. */
export async function saveTargetPlans(
  plans: readonly TargetPlan[],
  database: SrasDatabase = getDatabase(),
): Promise<void> {
  await writeTransaction(
    (db) => [db.targetPlans],
    async (db) => {
      await db.targetPlans.bulkPut(plans.map(toRecord));
    },
    database,
  );
}

export async function deleteTargetPlan(
  id: string,
  database: SrasDatabase = getDatabase(),
): Promise<void> {
  await writeTransaction(
    (db) => [db.targetPlans],
    async (db) => {
      await db.targetPlans.delete(id);
    },
    database,
  );
}

/**
 * Renames team `from` to `to` in every stored plan version, drafts,
 * approved and superseded alike (see `renamePlanTeam`). Runs inside the
 * caller's transaction, which must include `targetPlans`. It returns a
 * Dexie promise, not a native async function's promise, so that the
 * caller's transaction stays active after awaiting it. When a plan that has
 * team `from` also has a team named `to` (a team deleted since the plan was
 * made), nothing is written and those plans are returned, since the two
 * teams' rows would merge.
 */
export function renameTeamInPlans(
  db: SrasDatabase,
  from: string,
  to: string,
): Promise<TargetPlan[]> {
  return db.targetPlans.toArray().then((records) => {
    const affected = records
      .map((record) => record.plan)
      .filter(isTargetPlan)
      .filter((plan) => planHasTeam(plan, from));
    const conflicts = affected.filter((plan) => planHasTeam(plan, to));
    if (conflicts.length > 0 || affected.length === 0) return conflicts;

    const renamed = affected.map((plan) => toRecord(renamePlanTeam(plan, from, to)));
    return db.targetPlans.bulkPut(renamed).then(() => []);
  });
}

/** Maps a stored rep to the plan's view of it. A missing weight counts as 1. */
export function toPlanPerson(rep: RepRecord): PlanPerson {
  return {
    id: rep.id,
    name: rep.name,
    team: rep.team ?? '',
    weight:
      typeof rep.weight === 'number' && Number.isFinite(rep.weight) ? Math.max(0, rep.weight) : 1,
    ...(rep.employmentStart ? { employmentStart: rep.employmentStart } : {}),
    ...(rep.employmentEnd ? { employmentEnd: rep.employmentEnd } : {}),
  };
}

/** Stored reps in team and name order, re-read whenever one changes; undefined while loading. */
export function useReps(): RepRecord[] | undefined {
  return useLiveQuery(async () => {
    const reps = await getDatabase().reps.toArray();
    return reps.sort(
      (a, b) => a.team.localeCompare(b.team, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'),
    );
  }, []);
}
