/** Compares the owners of two runs of the same dataset: the backtest of two flow versions. */
import type { ResultColumns } from './result-columns';

export interface RepChange {
  repId: string | null;
  before: number;
  after: number;
}

export interface BacktestSummary {
  total: number;
  /** Leads whose owner differs (unassigned counts as an owner). */
  changed: number;
  /** Leads per owner in each run; `repId` null for unassigned leads. */
  reps: RepChange[];
}

/** Counts the changed leads and the leads per owner before and after. */
export function compareRuns(before: ResultColumns, after: ResultColumns): BacktestSummary {
  if (before.count !== after.count)
    throw new RangeError(
      `The runs have ${before.count} and ${after.count} leads; compare runs of one dataset.`,
    );

  const counts = new Map<string | null, RepChange>();
  const entry = (repId: string | null): RepChange => {
    let change = counts.get(repId);
    if (!change) {
      change = { repId, before: 0, after: 0 };
      counts.set(repId, change);
    }
    return change;
  };

  let changed = 0;
  for (let position = 0; position < before.count; position += 1) {
    const owner = before.ownerIdAt(position);
    const next = after.ownerIdAt(position);
    entry(owner).before += 1;
    entry(next).after += 1;
    if (owner !== next) changed += 1;
  }

  const reps = [...counts.values()].sort((a, b) => {
    if (a.repId === null) return 1;
    if (b.repId === null) return -1;
    return (
      Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.repId.localeCompare(b.repId)
    );
  });
  return { total: before.count, changed, reps };
}
