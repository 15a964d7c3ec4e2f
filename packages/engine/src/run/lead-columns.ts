import { REASON_CODES, type LeadColumns, type LeadResult, type ReasonCode } from './run.types.js';

/** Builds the {@link LeadResult} of one lead from a run's columns. */
export function leadResultAt(columns: LeadColumns, index: number): LeadResult {
  const owner = columns.owners[index] as number;
  const node = columns.nodes[index] as number;
  const reason = REASON_CODES[columns.reasons[index] as number] as ReasonCode;

  const result: LeadResult = {
    leadId: columns.leadIdAt(index),
    ownerId: owner < 0 ? null : (columns.repIds[owner] as string),
    nodeId: columns.nodeIds[node] as string,
    route: columns.routeTable[columns.routes[index] as number] as readonly string[],
    fields: columns.fieldsTable[columns.fieldIds[index] as number] as LeadResult['fields'],
    reason,
    poolReason: reason === 'pool' ? (columns.poolReasons[node] ?? null) : null,
  };
  const trace = columns.traces?.[index];
  if (trace !== undefined) result.trace = trace;
  return result;
}

/** Builds the {@link LeadResult} of every lead, in input order. */
export function leadResultsOf(columns: LeadColumns): LeadResult[] {
  const results = new Array<LeadResult>(columns.count);
  for (let index = 0; index < columns.count; index += 1)
    results[index] = leadResultAt(columns, index);
  return results;
}
