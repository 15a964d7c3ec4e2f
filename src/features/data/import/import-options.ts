/** Turns the wizard's settings into options of the import package's `importFile`. */
import type { ColumnType, ImportOptions } from '@sras/import';
import { defaultTypeOf } from './dataset-kinds';
import type { ParseSettings } from './import-worker.protocol';

/** Issues kept per code while parsing; the screen shows fewer, the counts stay exact. */
export const MAX_ISSUES_KEPT = 200;

/** Fields stored as text whatever type is chosen, so that leading zeros survive. */
export const TEXT_ONLY_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'phone',
  'tel',
  'postalCode',
  'qq',
  'wechat',
]);

const KIND_TYPED_FIELDS = ['amount', 'createdAt', 'closedAt', 'wonFlag'];

/**
 * Options for `importFile`. `mapping` is the mapping to apply (remembered
 * choices merged under the user's). Placeholders are emptied by the package
 * when the user keeps none; otherwise they are kept and the wizard empties
 * the chosen ones itself (see placeholder-emptying.ts).
 */
export function toImportOptions(
  settings: ParseSettings,
  fileName: string,
  mapping: Record<string, string | null>,
): ImportOptions {
  const columnTypes: Record<string, ColumnType> = {};
  for (const field of KIND_TYPED_FIELDS) {
    const type = defaultTypeOf(settings.kind, field);
    if (type && type !== 'phone') columnTypes[field] = type;
  }
  for (const [key, type] of Object.entries(settings.columnTypes)) {
    columnTypes[key] = type === 'phone' ? 'text' : type;
  }

  return {
    fileName,
    ...(settings.encoding ? { encoding: settings.encoding } : {}),
    ...(settings.delimiter ? { delimiter: settings.delimiter } : {}),
    headerRow: settings.headerRow,
    ...(settings.sheet !== undefined ? { sheet: settings.sheet } : {}),
    mapping,
    columnTypes,
    placeholders: settings.keptPlaceholders.length === 0 ? 'empty' : 'keep',
    maxIssuesPerCode: MAX_ISSUES_KEPT,
    // A header without rows is shown with a `no-data-rows` error; saving is blocked.
    emptyTable: 'allow',
    // Only leads need a phone or e-mail column, because dedup compares them.
    contactColumns: settings.kind === 'leads' ? 'expected' : 'optional',
  };
}
