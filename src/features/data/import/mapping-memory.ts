/**
 * Column mappings the user chose, remembered per header for the next
 * import. A header is stored normalised (`normaliseHeader`: full-width
 * folded, lower case, spaces, `*` markers and bracketed hints removed), so
 * `手机号码*` and `手机号码` share one entry. A field of '' records that the
 * user chose to leave such a column unmapped.
 */
import { normaliseHeader } from '@sras/import';
import type { SrasDatabase } from '../../../storage/db';
import type { ColumnMappingRecord } from '../../../storage/records';

/** A remembered choice: a field name, or null for "no field". */
export type RememberedField = string | null;

/** Key of a header in the `columnMappings` table; '' for a header that has no letters left. */
export function headerKeyOf(header: string): string {
  return normaliseHeader(header);
}

/** The remembered field of each header that has one, keyed by the header as given. */
export async function loadRememberedMappings(
  database: SrasDatabase,
  headers: readonly string[],
): Promise<Map<string, RememberedField>> {
  const keyed = headers
    .map((header) => ({ header, key: headerKeyOf(header) }))
    .filter((entry) => entry.key !== '');
  if (keyed.length === 0) return new Map();

  const records = await database.columnMappings.bulkGet(keyed.map((entry) => entry.key));
  const remembered = new Map<string, RememberedField>();
  keyed.forEach((entry, index) => {
    const record = records[index];
    if (record) remembered.set(entry.header, record.field === '' ? null : record.field);
  });
  return remembered;
}

/** The records that remember `choices` (header → field or null). Headers without letters are skipped. */
export function toMappingRecords(
  choices: readonly { header: string; field: RememberedField }[],
  now: number,
): ColumnMappingRecord[] {
  return choices
    .map((choice) => ({
      headerKey: headerKeyOf(choice.header),
      field: choice.field ?? '',
      updatedAt: now,
    }))
    .filter((record) => record.headerKey !== '');
}
