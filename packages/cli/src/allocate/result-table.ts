import { numberToPlainText } from '@sras/import';
import type { Lead, LeadValue, Rep } from '@sras/engine';

/** One lead's outcome as the result file shows it. */
export interface LeadOutcome {
  ownerId: string | null;
  route: readonly string[];
  reason: string;
  reasonText: string;
  fields: Readonly<Record<string, LeadValue>>;
}

/** Columns the result file adds after the input columns, in this order. */
export const RESULT_COLUMNS = ['owner_id', 'owner_name', 'route', 'reason', 'reason_text'] as const;

/**
 * Lays out the result file: every input column in input order, then
 * owner_id, owner_name, route (the `nodeId:handle` steps joined by ` > `),
 * reason, reason_text, then the fields nodes wrote (such as `score`) in the
 * order they first appear. A written field named like an input column gets
 * the suffix `_result` so that neither value is lost.
 */
export function buildResultTable(
  columns: readonly string[],
  leads: readonly Lead[],
  outcomes: readonly LeadOutcome[],
  reps: readonly Rep[],
): { header: string[]; rows: string[][] } {
  const namesById = new Map(reps.map((rep) => [rep.id, rep.name]));
  const taken = new Set<string>([...columns, ...RESULT_COLUMNS]);
  const writtenFields: { field: string; column: string }[] = [];
  const seenFields = new Set<string>();
  for (const outcome of outcomes) {
    for (const field of Object.keys(outcome.fields)) {
      if (seenFields.has(field)) continue;
      seenFields.add(field);
      writtenFields.push({ field, column: taken.has(field) ? `${field}_result` : field });
    }
  }

  const header = [...columns, ...RESULT_COLUMNS, ...writtenFields.map((entry) => entry.column)];
  const rows = leads.map((lead, index) => {
    const outcome = outcomes[index] as LeadOutcome;
    return [
      ...columns.map((column) => cellText(lead[column])),
      outcome.ownerId ?? '',
      outcome.ownerId === null ? '' : (namesById.get(outcome.ownerId) ?? ''),
      outcome.route.join(' > '),
      outcome.reason,
      outcome.reasonText,
      ...writtenFields.map((entry) => cellText(outcome.fields[entry.field])),
    ];
  });
  return { header, rows };
}

/** Writes a lead value as the text of a cell. */
export function cellText(value: LeadValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberToPlainText(value);
  return String(value);
}
