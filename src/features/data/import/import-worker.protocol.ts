/**
 * Messages between the Data screen and the import worker. The worker keeps
 * the file's bytes and every parsed row; the screen only ever receives the
 * analysis (columns, a sample of rows, the report), so that no message with
 * user data is large enough to block the main thread while it is cloned.
 */
import type { CellValue, ImportIssue, ImportReport, ImportResult } from '@sras/import';
import type { DatasetKind, DatasetRecord } from '../../../storage/records';
import type { KindCheck, KindGuess } from './dataset-kinds';

/** Column types the wizard offers; `phone` is text checked as a phone number. */
export type WizardColumnType = 'text' | 'number' | 'date' | 'boolean' | 'phone';

/** How the wizard asks for the file to be read. Unset values are detected. */
export interface ParseSettings {
  /** Encoding for a file without a byte order mark; detected when absent. */
  encoding?: string;
  delimiter?: NonNullable<ImportResult['delimiter']>;
  headerRow: number | 'auto' | 'none';
  sheet?: string;
  /** The user's mapping: column key → field, or null for no field. */
  mapping: Record<string, string | null>;
  /** The user's types by column key; other columns get the kind's defaults. */
  columnTypes: Record<string, WizardColumnType>;
  /**
   * Placeholder values the user keeps as they are, by column key. Every
   * other placeholder the file holds is stored as an empty cell.
   */
  keptPlaceholders: { columnKey: string; value: string }[];
  kind: DatasetKind;
  /**
   * True until the user picks a kind: the worker then guesses the kind from
   * the mapped fields and reads the table as that kind instead of `kind`.
   */
  guessKind?: boolean;
}

/** How a column got its field: the importer's synonyms, the remembered mapping, or the user. */
export type ColumnMappingSource = 'synonym' | 'keyword' | 'memory' | 'user' | null;

export interface AnalysisColumn {
  /** Key of the column in the import (the header, made unique, or `column_N`). */
  key: string;
  header: string;
  /** 1-based column of the file; `letter` for a sheet. */
  position: number;
  letter?: string;
  field: string | null;
  mappedBy: ColumnMappingSource;
  type: WizardColumnType;
  /** True when the field forces text (ids, phones, postal codes). */
  typeLocked: boolean;
  /** Key of the column's value in every stored row. */
  storageKey: string;
}

/** A placeholder value found in one column, and whether it is stored as empty. */
export interface PlaceholderEntry {
  columnKey: string;
  column: string;
  value: string;
  count: number;
  firstRow: number;
  emptied: boolean;
}

/** Everything the wizard shows about a parsed file. */
export interface ImportAnalysis {
  fileName: string;
  fileSize: number;
  format: ImportResult['format'];
  encoding: ImportResult['encoding'];
  delimiter: ImportResult['delimiter'];
  sheet: ImportResult['sheet'];
  headerRow: number | null;
  headerDetected: boolean;
  /** First non-blank rows as read, for choosing the header row. */
  previewRows: ImportResult['previewRows'];
  columns: AnalysisColumn[];
  /** First rows as they will be stored, values by storage key. */
  sampleRows: Record<string, CellValue>[];
  /** File row of each sample row. */
  sampleRowNumbers: number[];
  report: Omit<ImportReport, 'issues' | 'placeholders'> & {
    /** Issues for display, at most `MAX_ISSUES_SHOWN` of each code. */
    issues: ImportIssue[];
  };
  placeholders: PlaceholderEntry[];
  filledMergedCells: number;
  kindCheck: KindCheck;
  /** The guess that set the kind in `kindCheck`, or null when the user picked the kind. */
  kindGuess: KindGuess | null;
}

/** A failure as it crosses the worker boundary. */
export interface WorkerFailure {
  name: string;
  message: string;
  /** `ImportError` code, or `storage-full`. */
  code?: string;
  params?: Record<string, string | number>;
}

export type ImportWorkerRequest =
  | { type: 'open'; requestId: number; file: File }
  | { type: 'parse'; requestId: number; settings: ParseSettings }
  | { type: 'store'; requestId: number; name: string }
  | { type: 'cancel'; requestId: number };

export type ImportProgressPhase = 'reading' | 'parsing' | 'storing';

export type ImportWorkerResponse =
  | {
      type: 'progress';
      requestId: number;
      phase: ImportProgressPhase;
      done: number;
      total: number | null;
    }
  | { type: 'parsed'; requestId: number; analysis: ImportAnalysis }
  | { type: 'stored'; requestId: number; dataset: DatasetRecord }
  | { type: 'opened'; requestId: number }
  | { type: 'cancelled'; requestId: number }
  | { type: 'failed'; requestId: number; failure: WorkerFailure };

/** Issues of each code sent to the screen; the counts stay exact. */
export const MAX_ISSUES_SHOWN = 50;

/** Rows of the preview. */
export const SAMPLE_ROWS = 50;
