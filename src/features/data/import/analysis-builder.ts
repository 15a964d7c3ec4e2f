/** Builds what the wizard shows from an import result and the user's settings. */
import type { ImportResult } from '@sras/import';
import { checkKind, type KindGuess } from './dataset-kinds';
import { TEXT_ONLY_FIELDS } from './import-options';
import {
  MAX_ISSUES_SHOWN,
  SAMPLE_ROWS,
  type AnalysisColumn,
  type ColumnMappingSource,
  type ImportAnalysis,
  type ParseSettings,
  type PlaceholderEntry,
  type WizardColumnType,
} from './import-worker.protocol';
import { toStoredRow } from './stored-rows';

export interface AnalysisInput {
  result: ImportResult;
  settings: ParseSettings;
  fileName: string;
  fileSize: number;
  /** Column keys whose mapping came from the remembered mappings. */
  rememberedKeys: ReadonlySet<string>;
  storageKeys: ReadonlyMap<string, string>;
  /** The guess that set `settings.kind`, or null when the user picked the kind. */
  kindGuess: KindGuess | null;
}

export function buildAnalysis(input: AnalysisInput): ImportAnalysis {
  const { result, settings } = input;
  const columns = result.columns.map((column): AnalysisColumn => {
    const typeLocked = column.field !== null && TEXT_ONLY_FIELDS.has(column.field);
    return {
      key: column.key,
      header: column.header,
      position: column.position,
      ...(column.letter ? { letter: column.letter } : {}),
      field: column.field,
      mappedBy: mappingSource(column.key, column.mappedBy, settings, input.rememberedKeys),
      type: shownType(column.field, column.type, settings.columnTypes[column.key], typeLocked),
      typeLocked,
      storageKey: input.storageKeys.get(column.key) ?? column.key,
    };
  });

  const sample = result.rows.slice(0, SAMPLE_ROWS);
  return {
    fileName: input.fileName,
    fileSize: input.fileSize,
    format: result.format,
    encoding: result.encoding,
    delimiter: result.delimiter,
    sheet: result.sheet,
    headerRow: result.headerRow,
    headerDetected: result.headerDetected,
    previewRows: result.previewRows,
    columns,
    sampleRows: sample.map((row) => toStoredRow(row, input.storageKeys)),
    sampleRowNumbers: sample.map((row) => row.row),
    report: shownReport(result),
    placeholders: placeholderEntries(result, settings),
    filledMergedCells: result.filledMergedCells,
    kindCheck: checkKind(
      settings.kind,
      columns.flatMap((column) => (column.field ? [column.field] : [])),
    ),
    kindGuess: input.kindGuess,
  };
}

function mappingSource(
  key: string,
  mappedBy: ImportResult['columns'][number]['mappedBy'],
  settings: ParseSettings,
  rememberedKeys: ReadonlySet<string>,
): ColumnMappingSource {
  if (key in settings.mapping) return 'user';
  if (rememberedKeys.has(key)) return 'memory';
  return mappedBy === 'caller' ? 'user' : mappedBy;
}

function shownType(
  field: string | null,
  parsedType: ImportResult['columns'][number]['type'],
  chosen: WizardColumnType | undefined,
  typeLocked: boolean,
): WizardColumnType {
  if (field === 'phone' || field === 'tel') return 'phone';
  if (typeLocked) return 'text';
  return chosen ?? parsedType;
}

/** The report without placeholder notices (the wizard lists those itself), issues capped per code. */
function shownReport(result: ImportResult): ImportAnalysis['report'] {
  const { placeholders: _placeholders, issues, issueCounts, ...counts } = result.report;
  const shownPerCode = new Map<string, number>();
  const shown = issues.filter((issue) => {
    if (issue.code === 'placeholder-values') return false;
    const count = (shownPerCode.get(issue.code) ?? 0) + 1;
    shownPerCode.set(issue.code, count);
    return count <= MAX_ISSUES_SHOWN;
  });
  const { 'placeholder-values': _placeholderCount, ...otherCounts } = issueCounts;
  return { ...counts, issues: shown, issueCounts: otherCounts };
}

function placeholderEntries(result: ImportResult, settings: ParseSettings): PlaceholderEntry[] {
  return result.report.placeholders.map((entry) => {
    const column = result.columns.find(
      (candidate) => (candidate.header || candidate.key) === entry.column,
    );
    const columnKey = column?.key ?? entry.column;
    const kept = settings.keptPlaceholders.some(
      (choice) => choice.columnKey === columnKey && choice.value === entry.value,
    );
    return { ...entry, columnKey, emptied: !kept };
  });
}
