import {
  ImportError,
  formatImportIssue,
  formatImportMessage,
  importFile,
  textFieldKind,
  type ImportResult,
  type TextFieldKind,
} from '@sras/import';
import type { Lead, LeadValue } from '@sras/engine';

import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli.error.js';
import { ProgressReporter } from './progress-reporter.js';

/** Leads read from a file, with their columns in file order. */
export interface LoadedLeads {
  leads: Lead[];
  /** Column keys in file order: what the result file repeats before its own columns. */
  columns: string[];
  /**
   * Every field name a lead can have: the column keys and the standard fields
   * they are mapped to. Null when a JSON file contains no lead to learn them from.
   */
  fields: string[] | null;
  /** Keys of columns that contain identifiers or phones and must compare as text. */
  textColumns: Record<string, TextFieldKind>;
  /** Fully blank rows skipped. */
  skippedRows: number;
}

/** How to read a leads file. */
export interface LeadFileOptions {
  mapping: Record<string, string>;
  sheet?: string | number;
  encoding?: string;
  keepPlaceholders: boolean;
}

const ISSUES_SHOWN = 5;

/**
 * Reads leads from JSON (an array of records) or from any file the import
 * package reads. A spreadsheet lead contains every column under its header and
 * the mapped standard fields (`phone`, `province`…) beside them; a JSON lead
 * contains its keys and the fields `--map` maps them to. Import notes
 * (encoding, header row, placeholders, the first data warnings) go to stderr.
 */
export async function loadLeads(
  context: CliContext,
  file: string,
  options: LeadFileOptions,
): Promise<LoadedLeads> {
  if (file.toLowerCase().endsWith('.json')) return leadsFromJson(context, file, options.mapping);

  const bytes = await context.readBytes(file);
  const progress = new ProgressReporter(context, file);
  let result: ImportResult;
  try {
    result = await importFile(bytes, {
      fileName: file,
      mapping: options.mapping,
      placeholders: options.keepPlaceholders ? 'keep' : 'empty',
      ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
      ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
      onProgress: (update) => progress.update(update.rows),
    });
  } catch (error) {
    throw importFailure(context, file, error);
  } finally {
    progress.finish();
  }

  reportImport(context, file, result, options.keepPlaceholders);
  const textColumns: LoadedLeads['textColumns'] = {};
  for (const column of result.columns) {
    const kind = textFieldKind(column.field);
    if (kind) {
      textColumns[column.key] = kind;
      textColumns[column.field as string] = kind;
    }
  }
  return {
    leads: result.rows.map((row) => ({ ...row.values, ...row.fields })),
    columns: result.columns.map((column) => column.key),
    fields: [
      ...new Set(
        result.columns.flatMap((column) => [column.key, ...(column.field ? [column.field] : [])]),
      ),
    ],
    textColumns,
    skippedRows: result.report.blankRowCount,
  };
}

/** Turns a failure of the import package into a `CliError` worded in the context's language. */
export function importFailure(context: CliContext, file: string, error: unknown): CliError {
  if (error instanceof ImportError) {
    const message = formatImportMessage(error.code, error.params, context.language);
    return new CliError(context.t('error.import', { file, message }));
  }
  return new CliError(
    context.t('error.fileUnreadable', {
      file,
      reason: error instanceof Error ? error.message : String(error),
    }),
  );
}

function reportImport(
  context: CliContext,
  file: string,
  result: ImportResult,
  keepPlaceholders: boolean,
): void {
  const say = (text: string): void => context.io.stderr(`${text}\n`);
  if (result.encoding) {
    const reason = context.t(`allocate.encoding.${result.encoding.reason}`);
    say(
      context.t('allocate.encoding', {
        file,
        encoding: result.encoding.encoding.toUpperCase(),
        reason,
      }),
    );
    if (result.encoding.overriddenEncoding) {
      say(
        context.t('allocate.encoding.overridden', {
          file,
          encoding: result.encoding.encoding.toUpperCase(),
          forced: result.encoding.overriddenEncoding,
        }),
      );
    }
  }
  say(
    context.t('allocate.header', {
      file,
      row: result.headerRow ?? '-',
      rows: result.rows.length,
      skipped: result.report.blankRowCount,
    }),
  );

  const placeholderCount = result.report.placeholders.reduce((sum, entry) => sum + entry.count, 0);
  const firstPlaceholder = result.report.placeholders[0];
  if (!keepPlaceholders && firstPlaceholder) {
    say(
      context.t('allocate.placeholders', {
        file,
        count: placeholderCount,
        value: firstPlaceholder.value,
      }),
    );
  }

  const issues = result.report.issues.filter((issue) => issue.code !== 'placeholder-values');
  const total = Object.entries(result.report.issueCounts)
    .filter(([code]) => code !== 'placeholder-values')
    .reduce((sum, [, count]) => sum + (count ?? 0), 0);
  if (total === 0) return;
  say(context.t('error.importRowsWarning', { file, count: total }));
  for (const issue of issues.slice(0, ISSUES_SHOWN))
    say(`  ${formatImportIssue(issue, context.language)}`);
  if (total > ISSUES_SHOWN)
    say(`  ${context.t('error.importMore', { count: total - ISSUES_SHOWN })}`);
}

async function leadsFromJson(
  context: CliContext,
  file: string,
  mapping: Readonly<Record<string, string>>,
): Promise<LoadedLeads> {
  const json = await context.readJson(file);
  if (!Array.isArray(json))
    throw new CliError(context.t('error.leadsJsonShape', { file, index: 0 }));

  const columns: string[] = [];
  const seen = new Set<string>();
  const leads = json.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new CliError(context.t('error.leadsJsonShape', { file, index }));
    }
    const lead: Lead = {};
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      if (!isLeadValue(value))
        throw new CliError(context.t('error.leadsJsonShape', { file, index }));
      lead[key] = value;
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
    return lead;
  });
  const textColumns: LoadedLeads['textColumns'] = {
    phone: 'phone',
    tel: 'phone',
    postalCode: 'postalCode',
    id: 'id',
  };
  const mapped = applyJsonMapping(context, file, leads, columns, mapping, textColumns);
  const fields = [...new Set([...columns, ...mapped])];
  return { leads, columns, fields: leads.length > 0 ? fields : null, textColumns, skippedRows: 0 };
}

/**
 * Copies each key that `--map` names to its field in every lead, as the
 * import does for a spreadsheet column, and returns the mapped fields. A
 * mapped field that compares as text (a phone, an id) makes its key compare
 * as text too. Rejects a key that no lead of the file has.
 */
function applyJsonMapping(
  context: CliContext,
  file: string,
  leads: Lead[],
  columns: readonly string[],
  mapping: Readonly<Record<string, string>>,
  textColumns: LoadedLeads['textColumns'],
): string[] {
  const entries = Object.entries(mapping);
  for (const [column] of entries) {
    if (columns.includes(column) || leads.length === 0) continue;
    const message = formatImportMessage(
      'mapping-column-not-found',
      { column, columns: columns.join(', ') },
      context.language,
    );
    throw new CliError(context.t('error.import', { file, message }));
  }

  for (const lead of leads) {
    for (const [column, field] of entries) {
      if (column in lead) lead[field] = lead[column] ?? null;
    }
  }
  for (const [column, field] of entries) {
    const kind = textFieldKind(field);
    if (kind) textColumns[column] = kind;
  }
  return entries.map(([, field]) => field);
}

function isLeadValue(value: unknown): value is LeadValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}
