import { numberToPlainText } from '../workbook-reader.js';

/** A value of a lead field as the engine reads it. */
export type ResultCellValue = string | number | boolean | null;

/** One lead's outcome as the result file shows it. */
export interface LeadOutcome {
  ownerId: string | null;
  route: readonly string[];
  reason: string;
  reasonText: string;
  fields: Readonly<Record<string, ResultCellValue>>;
}

/** A rep as the result file names it. */
export interface ResultRep {
  id: string;
  name: string;
}

/** Columns the result file adds after the input columns, in this order. */
export const RESULT_COLUMNS = ['owner_id', 'owner_name', 'route', 'reason', 'reason_text'] as const;

/** One input column of the result file: the header written and the lead field read. */
export interface ResultInputColumn {
  header: string;
  field: string;
}

/** Where each cell of a result row comes from; build it once with {@link createResultLayout}. */
export interface ResultLayout {
  header: string[];
  inputFields: string[];
  /** Written field names (such as `score`) in column order. */
  writtenFields: string[];
  repNames: ReadonlyMap<string, string>;
}

/**
 * Lays out the result file: every input column in input order, then
 * owner_id, owner_name, route (the `nodeId:handle` steps joined by ` > `),
 * reason, reason_text, then the fields nodes wrote (such as `score`) in the
 * order they first appear among the leads. A written field named like an
 * input column gets the suffix `_result` so that neither value is lost.
 * Input columns are given as header names that are also the field read, or
 * as `{ header, field }` when a lead stores the column under another key.
 */
export function createResultLayout(
  columns: readonly (string | ResultInputColumn)[],
  writtenFieldsInOrder: readonly string[],
  reps: readonly ResultRep[],
): ResultLayout {
  const inputs = columns.map((column) =>
    typeof column === 'string' ? { header: column, field: column } : column,
  );
  const taken = new Set<string>([...inputs.map((column) => column.header), ...RESULT_COLUMNS]);
  const writtenHeaders = writtenFieldsInOrder.map((field) =>
    taken.has(field) ? `${field}_result` : field,
  );

  return {
    header: [...inputs.map((column) => column.header), ...RESULT_COLUMNS, ...writtenHeaders],
    inputFields: inputs.map((column) => column.field),
    writtenFields: [...writtenFieldsInOrder],
    repNames: new Map(reps.map((rep) => [rep.id, rep.name])),
  };
}

/** Builds one row of the result file for a lead and its outcome. */
export function buildResultRow(
  layout: ResultLayout,
  lead: Readonly<Record<string, ResultCellValue | undefined>>,
  outcome: LeadOutcome,
): string[] {
  const row: string[] = [];
  for (const field of layout.inputFields) row.push(cellText(lead[field]));

  row.push(
    outcome.ownerId ?? '',
    outcome.ownerId === null ? '' : (layout.repNames.get(outcome.ownerId) ?? ''),
    outcome.route.join(' > '),
    outcome.reason,
    outcome.reasonText,
  );
  for (const field of layout.writtenFields) row.push(cellText(outcome.fields[field]));
  return row;
}

/** Lists the fields the outcomes wrote, in the order they first appear. */
export function listWrittenFields(outcomes: Iterable<LeadOutcome>): string[] {
  const seen = new Set<string>();
  for (const outcome of outcomes) {
    for (const field of Object.keys(outcome.fields)) seen.add(field);
  }
  return [...seen];
}

/**
 * Builds the whole result table at once (see {@link createResultLayout}
 * for the columns). Leads and outcomes are matched by position.
 */
export function buildResultTable(
  columns: readonly (string | ResultInputColumn)[],
  leads: readonly Readonly<Record<string, ResultCellValue | undefined>>[],
  outcomes: readonly LeadOutcome[],
  reps: readonly ResultRep[],
): { header: string[]; rows: string[][] } {
  const layout = createResultLayout(columns, listWrittenFields(outcomes), reps);
  const rows = leads.map((lead, index) =>
    buildResultRow(layout, lead, outcomes[index] as LeadOutcome),
  );
  return { header: layout.header, rows };
}

/** Writes a lead value as the text of a cell: numbers in plain decimal notation. */
export function cellText(value: ResultCellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberToPlainText(value);
  return String(value);
}
