/**
 * Differences between this browser's rep list and the server's in a sync
 * conflict, and the flows that lose reps they assign to when one side is kept.
 */
import type { FlowDocument, Rep } from '@sras/engine';

/** A rep whose fields differ between the two lists, with the names of those fields. */
export interface ChangedRep {
  id: string;
  name: string;
  fields: string[];
}

/** The reps of `after` compared with `before`, each list in id order. */
export interface RepListDiff {
  added: Rep[];
  removed: Rep[];
  changed: ChangedRep[];
}

/** A flow that assigns to reps which the kept list removes or deactivates. */
export interface FlowAtRisk {
  flowId: string;
  flowName: string;
  /** Whether the endangered document is the flow's published version. */
  published: boolean;
  /** Names (or ids) of the reps it would lose. */
  reps: string[];
}

/** A flow document to check, named, and whether it is the published version. */
export interface FlowToCheck {
  flowId: string;
  flowName: string;
  published: boolean;
  document: Pick<FlowDocument, 'nodes'>;
}

/** Fields of a rep compared in a conflict; bookkeeping such as `updatedAt` is left out. */
const COMPARED_FIELDS = [
  'name',
  'team',
  'active',
  'weight',
  'capacity',
  'openLeads',
  'unavailable',
  'employmentStart',
  'employmentEnd',
] as const;

/** Reads the items of a reps list conflict as reps, skipping items without an id. */
export function asReps(items: readonly unknown[]): Rep[] {
  return items.filter(
    (item): item is Rep =>
      typeof item === 'object' && item !== null && typeof (item as Rep).id === 'string',
  );
}

/** Compares two rep lists: reps only in `after`, only in `before`, and in both with other values. */
export function diffRepLists(before: readonly Rep[], after: readonly Rep[]): RepListDiff {
  const beforeById = new Map(before.map((rep) => [rep.id, rep]));
  const afterById = new Map(after.map((rep) => [rep.id, rep]));
  const byId = (a: Rep, b: Rep) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  const added = after.filter((rep) => !beforeById.has(rep.id)).sort(byId);
  const removed = before.filter((rep) => !afterById.has(rep.id)).sort(byId);
  const changed: ChangedRep[] = [];
  for (const rep of [...after].sort(byId)) {
    const previous = beforeById.get(rep.id);
    if (!previous) continue;
    const fields = COMPARED_FIELDS.filter(
      (field) => JSON.stringify(previous[field] ?? null) !== JSON.stringify(rep[field] ?? null),
    );
    if (fields.length > 0) changed.push({ id: rep.id, name: rep.name, fields });
  }
  return { added, removed, changed };
}

/** Collects the rep ids that a flow document assigns to: round-robin and least-loaded assignees, and Assign nodes' reps. */
export function assignedRepIds(document: Pick<FlowDocument, 'nodes'>): Set<string> {
  const ids = new Set<string>();
  for (const node of document.nodes) {
    const data = node.data as { repId?: unknown; assignees?: unknown };
    if (typeof data.repId === 'string') ids.add(data.repId);
    if (!Array.isArray(data.assignees)) continue;
    for (const assignee of data.assignees as { repId?: unknown }[]) {
      if (typeof assignee?.repId === 'string') ids.add(assignee.repId);
    }
  }
  return ids;
}

/**
 * The reps that keeping `kept` instead of `other` removes or deactivates:
 * active in `other` (a rep without `active` counts as active) but missing
 * or inactive in `kept`. Names (or ids) by rep id.
 */
export function repsLost(kept: readonly Rep[], other: readonly Rep[]): Map<string, string> {
  const keptById = new Map(kept.map((rep) => [rep.id, rep]));
  const lost = new Map<string, string>();
  for (const rep of other) {
    if (rep.active === false) continue;
    const next = keptById.get(rep.id);
    if (!next || next.active === false) lost.set(rep.id, rep.name || rep.id);
  }
  return lost;
}

/**
 * Lists the flows that would lose reps if `kept` replaced `other`. A flow
 * loses a rep that it assigns to when the rep is active in `other` (a rep
 * without `active` counts as active) but missing or inactive in `kept`.
 * Such a flow sends that rep's leads to its overflow output, often the pool.
 */
export function flowsLosingReps(
  kept: readonly Rep[],
  other: readonly Rep[],
  flows: readonly FlowToCheck[],
): FlowAtRisk[] {
  const lost = repsLost(kept, other);
  if (lost.size === 0) return [];

  const atRisk: FlowAtRisk[] = [];
  for (const flow of flows) {
    const reps = [...assignedRepIds(flow.document)]
      .filter((id) => lost.has(id))
      .map((id) => lost.get(id) ?? id);
    if (reps.length > 0) atRisk.push({ ...flow, reps });
  }
  return atRisk;
}
