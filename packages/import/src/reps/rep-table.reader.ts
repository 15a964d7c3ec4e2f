import type { CellValue } from '../cell-values.js';
import { importFile } from '../import-file.js';
import { ImportError } from '../import.error.js';
import {
  REP_TABLE_COLUMNS,
  REQUIRED_REP_COLUMNS,
  repFieldOfHeader,
  type RepTableField,
  type RepTableLanguage,
} from './rep-table.columns.js';
import type { RepTableProblem, RepTableProblemCode } from './rep-table.problems.js';
import { REP_TABLE_SEVERITY } from './rep-table.problems.js';
import {
  readActive,
  readCapacity,
  readDate,
  readOpenLeads,
  readUnavailable,
  readWeight,
  type DateRange,
} from './rep-table.values.js';

/** A rep as the rep table describes it; the shape the allocation engine reads, plus employment dates. */
export interface RepTableEntry {
  id: string;
  name: string;
  /** Team name; '' for a rep in no team. */
  team: string;
  active: boolean;
  weight: number;
  /** Only the limits that are set; a missing one means no limit, 0 means paused. */
  capacity: { day?: number; week?: number; month?: number };
  openLeads: number;
  unavailable: DateRange[];
  /** First day of employment, `YYYY-MM-DD`. */
  employmentStart?: string;
  /** Last day of employment, `YYYY-MM-DD`. */
  employmentEnd?: string;
}

/** What a rep table holds, and every problem found in it. */
export interface RepTableResult {
  /** Reps of the rows without errors, in file order. */
  reps: RepTableEntry[];
  /** 1-based file row (or sheet row) of each entry of `reps`. */
  rows: number[];
  /** Distinct non-empty team names, in order of first use. */
  teams: string[];
  /** The rep columns the file has; a merge should leave the other fields of existing reps alone. */
  columns: RepTableField[];
  /** Language of most of the file's headers. */
  headerLanguage: RepTableLanguage;
  problems: RepTableProblem[];
  errorCount: number;
  warningCount: number;
}

/** A table as `importFile` returns it: columns with their headers, rows with values by column key. */
export interface RepTableInput {
  columns: readonly { key: string; header: string; letter?: string }[];
  rows: readonly { row: number; values: Readonly<Record<string, CellValue>> }[];
}

/**
 * Reads a rep table from the bytes of a CSV, TSV, TXT, XLSX or XLS file, with
 * the headers in English or Chinese (see `REP_TABLE_COLUMNS`). Never throws
 * for bad input: an unreadable file is a `file-unreadable` problem.
 */
export async function readRepTable(
  bytes: Uint8Array,
  options: { fileName?: string; signal?: AbortSignal } = {},
): Promise<RepTableResult> {
  try {
    const table = await importFile(bytes, {
      fileName: options.fileName,
      signal: options.signal,
      placeholders: 'keep',
      maxIssuesPerCode: 1,
      // A table without reps is reported as `no-reps`, worded for a team.
      emptyTable: 'allow',
    });
    return parseRepTable(table);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return finish({
      reps: [],
      rows: [],
      teams: [],
      columns: [],
      headerLanguage: 'en',
      problems: [problem('file-unreadable', { params: { reason: error.code, ...error.params } })],
    });
  }
}

/** Longest rep name, in characters, a rep table may hold; the app's rep form has the same limit. */
export const MAX_REP_NAME_LENGTH = 100;

/**
 * Checks the rows of a rep table and turns them into reps. Every problem names
 * the row and the column; rows with an error are left out of `reps`.
 */
export function parseRepTable(table: RepTableInput): RepTableResult {
  const problems: RepTableProblem[] = [];
  const { columnFields, headerLanguage } = matchColumns(table.columns, problems);
  const present = [...new Set(columnFields.values())];
  const missing = REQUIRED_REP_COLUMNS.filter((field) => !present.includes(field));
  for (const field of missing) {
    const column = REP_TABLE_COLUMNS.find((candidate) => candidate.field === field);
    problems.push(
      problem('missing-column', { params: { en: column?.en ?? field, zh: column?.zh ?? field } }),
    );
  }

  const reps: RepTableEntry[] = [];
  const rows: number[] = [];
  const teams: string[] = [];
  const firstRowOfId = new Map<string, number>();
  if (missing.length === 0) {
    for (const row of table.rows) {
      const cells = cellsByField(row.values, columnFields, table.columns);
      const rep = readRepRow(row.row, cells, problems, firstRowOfId);
      if (!rep) continue;
      reps.push(rep);
      rows.push(row.row);
      if (rep.team !== '' && !teams.includes(rep.team)) teams.push(rep.team);
    }
    if (table.rows.length === 0) problems.push(problem('no-reps', {}));
  }

  return finish({ reps, rows, teams, columns: present, headerLanguage, problems });
}

interface FieldCell {
  text: string;
  header: string;
}

function matchColumns(
  columns: RepTableInput['columns'],
  problems: RepTableProblem[],
): { columnFields: Map<string, RepTableField>; headerLanguage: RepTableLanguage } {
  const columnFields = new Map<string, RepTableField>();
  const headerOfField = new Map<RepTableField, string>();
  let chinese = 0;

  for (const column of columns) {
    const field = repFieldOfHeader(column.header);
    if (!field) {
      problems.push(problem('unknown-column', { column: column.header || column.key }));
      continue;
    }
    const earlier = headerOfField.get(field);
    if (earlier !== undefined) {
      problems.push(
        problem('duplicate-column', { column: column.header, params: { first: earlier } }),
      );
      continue;
    }
    if (/[\u4e00-\u9fff]/.test(column.header)) chinese++;
    columnFields.set(column.key, field);
    headerOfField.set(field, column.header);
  }
  return { columnFields, headerLanguage: chinese * 2 > columnFields.size ? 'zh-CN' : 'en' };
}

function cellsByField(
  values: Readonly<Record<string, CellValue>>,
  columnFields: ReadonlyMap<string, RepTableField>,
  columns: RepTableInput['columns'],
): Map<RepTableField, FieldCell> {
  const cells = new Map<RepTableField, FieldCell>();
  for (const column of columns) {
    const field = columnFields.get(column.key);
    if (!field) continue;
    cells.set(field, { text: cellText(values[column.key]), header: column.header });
  }
  return cells;
}

/** Cell text with the apostrophe that a formula-safe export puts before `=`, `+`, `-` or `@` removed. */
function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value).trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

function readRepRow(
  row: number,
  cells: ReadonlyMap<RepTableField, FieldCell>,
  problems: RepTableProblem[],
  firstRowOfId: Map<string, number>,
): RepTableEntry | null {
  const problemsBefore = problems.length;
  const text = (field: RepTableField): string => cells.get(field)?.text ?? '';
  const at = (field: RepTableField) => ({
    row,
    column: cells.get(field)?.header,
    value: text(field),
  });
  const read = <T>(
    field: RepTableField,
    result: { ok: true; value: T } | { ok: false },
    code: RepTableProblemCode,
  ): T | undefined => {
    if (result.ok) return result.value;
    problems.push(problem(code, at(field)));
    return undefined;
  };

  const id = text('id');
  const name = text('name');
  if (id === '') problems.push(problem('id-missing', at('id')));
  if (name === '') problems.push(problem('name-missing', at('name')));
  if ([...name].length > MAX_REP_NAME_LENGTH) {
    problems.push(
      problem('name-too-long', { ...at('name'), params: { max: MAX_REP_NAME_LENGTH } }),
    );
  }
  const firstRow = firstRowOfId.get(id);
  if (id !== '' && firstRow !== undefined) {
    problems.push(problem('duplicate-id', { ...at('id'), params: { firstRow } }));
  } else if (id !== '') {
    firstRowOfId.set(id, row);
  }

  const active = read('active', readActive(text('active')), 'invalid-active');
  const weight = read('weight', readWeight(text('weight')), 'invalid-weight');
  const day = read('capacityDay', readCapacity(text('capacityDay')), 'invalid-capacity');
  const week = read('capacityWeek', readCapacity(text('capacityWeek')), 'invalid-capacity');
  const month = read('capacityMonth', readCapacity(text('capacityMonth')), 'invalid-capacity');
  const openLeads = read('openLeads', readOpenLeads(text('openLeads')), 'invalid-open-leads');
  const employmentStart = read(
    'employmentStart',
    readDate(text('employmentStart')),
    'invalid-date',
  );
  const employmentEnd = read('employmentEnd', readDate(text('employmentEnd')), 'invalid-date');
  const unavailable = readUnavailable(text('unavailable'));
  if (!unavailable.ok) {
    problems.push(
      problem('invalid-unavailable', { ...at('unavailable'), params: { part: unavailable.part } }),
    );
  }
  if (employmentStart && employmentEnd && employmentEnd < employmentStart) {
    problems.push(
      problem('employment-order', { ...at('employmentEnd'), params: { start: employmentStart } }),
    );
  }

  if (problems.slice(problemsBefore).some((entry) => entry.severity === 'error')) return null;

  const capacity: RepTableEntry['capacity'] = {};
  if (day !== null && day !== undefined) capacity.day = day;
  if (week !== null && week !== undefined) capacity.week = week;
  if (month !== null && month !== undefined) capacity.month = month;
  return {
    id,
    name,
    team: text('team'),
    active: active ?? true,
    weight: weight ?? 1,
    capacity,
    openLeads: openLeads ?? 0,
    unavailable: unavailable.ok ? unavailable.value : [],
    ...(employmentStart ? { employmentStart } : {}),
    ...(employmentEnd ? { employmentEnd } : {}),
  };
}

function problem(
  code: RepTableProblemCode,
  details: {
    row?: number;
    column?: string;
    value?: string;
    params?: Record<string, string | number>;
  },
): RepTableProblem {
  return {
    code,
    severity: REP_TABLE_SEVERITY[code],
    ...(details.row !== undefined ? { row: details.row } : {}),
    ...(details.column !== undefined ? { column: details.column } : {}),
    ...(details.value !== undefined ? { value: details.value } : {}),
    params: details.params ?? {},
  };
}

function countErrors(problems: readonly RepTableProblem[]): number {
  return problems.filter((entry) => entry.severity === 'error').length;
}

function finish(result: Omit<RepTableResult, 'errorCount' | 'warningCount'>): RepTableResult {
  return {
    ...result,
    errorCount: countErrors(result.problems),
    warningCount: result.problems.filter((entry) => entry.severity === 'warning').length,
  };
}
