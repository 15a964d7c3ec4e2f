/**
 * Filters the leads of a run for the results table: by owner, by a node
 * the lead passed, by reason, by leads whose owner differs in another run,
 * and by text found in any of the lead's values, its id or its owner.
 */
import type { Lead, ReasonCode } from '@sras/engine';
import type { ResultColumns } from './result-columns';

/** Owner filter value for leads that nobody got. */
export const NO_OWNER = '';

export interface ResultQuery {
  /** A rep id, or NO_OWNER for unassigned leads. */
  ownerId?: string;
  /** Leads whose route passed this node or ended there. */
  nodeId?: string;
  reason?: ReasonCode;
  /** Text searched in every value of the lead, case-insensitively. */
  search?: string;
  /** Only leads whose owner differs between this run and the compared one. */
  changedOnly?: boolean;
}

/** Positions of the leads that pass the query's filters other than the search, in order. */
export function filterPositions(
  columns: ResultColumns,
  query: ResultQuery,
  compared: ResultColumns | null,
): Int32Array {
  const ownerIndex =
    query.ownerId === undefined
      ? null
      : query.ownerId === NO_OWNER
        ? -1
        : columns.ownerIndexOf(query.ownerId);
  if (ownerIndex === -1 && query.ownerId !== NO_OWNER && query.ownerId !== undefined)
    return new Int32Array(0);

  const routeHasNode = query.nodeId === undefined ? null : routeFilter(columns, query.nodeId);
  const positions = new Int32Array(columns.count);
  let found = 0;
  for (let position = 0; position < columns.count; position += 1) {
    if (ownerIndex !== null && columns.owners[position] !== ownerIndex) continue;
    if (query.reason !== undefined && columns.reasonAt(position) !== query.reason) continue;
    if (routeHasNode !== null && !routeHasNode(position)) continue;
    if (
      query.changedOnly &&
      compared !== null &&
      columns.ownerIdAt(position) === compared.ownerIdAt(position)
    )
      continue;
    positions[found] = position;
    found += 1;
  }
  return positions.slice(0, found);
}

function routeFilter(columns: ResultColumns, nodeId: string): (position: number) => boolean {
  const prefix = `${nodeId}:`;
  const cache = new Map<number, boolean>();
  return (position) => {
    if (columns.nodeIdAt(position) === nodeId) return true;
    const route = columns.routes[position] as number;
    let passed = cache.get(route);
    if (passed === undefined) {
      passed = columns.at(position).route.some((step) => step.startsWith(prefix));
      cache.set(route, passed);
    }
    return passed;
  };
}

/** Folds text for search: trimmed, lower case, full-width letters and digits as half-width. */
export function foldSearchText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .trim()
    .toLowerCase();
}

/** Whether any value of the lead, its id or its owner's name contains the folded needle. */
export function leadMatches(
  lead: Lead,
  needle: string,
  leadId: string | number,
  ownerName: string | null,
): boolean {
  if (foldSearchText(String(leadId)).includes(needle)) return true;
  if (ownerName !== null && foldSearchText(ownerName).includes(needle)) return true;
  for (const key in lead) {
    const value = lead[key];
    if (value === null || value === undefined) continue;
    if (foldSearchText(String(value)).includes(needle)) return true;
  }
  return false;
}
