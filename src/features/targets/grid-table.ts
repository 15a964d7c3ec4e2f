/**
 * The plan grid as a table of cells, for spreadsheet export and import.
 *
 * Export writes one header row and one row per grid row: the row key (so a
 * re-import finds each row even when names repeat), the team, the name, and
 * the year, quarter and month columns. Import reads such a table back and
 * checks it whole before anything changes: every leaf row present once,
 * whole non-negative numbers, months outside employment empty, cells under a
 * lock unchanged, and every total equal to the sum of its parts.
 *
 * In the exported sheet every total (quarters, year, team and company rows)
 * is a SUM formula with its value cached, so Excel and WPS recompute the
 * totals as a manager edits the months of rep rows. Import reads the cached
 * values and still checks them, which catches a file saved by a program that
 * did not recompute. A total saved with no value at all, by a tool that
 * keeps formulas but never computes them, is not checked.
 */
import {
  activeFractionsByRow,
  COMPANY_ROW,
  GRID_COLUMNS,
  listGridRows,
  MAX_PLAN_TOTAL,
  monthColumn,
  monthsUnder,
  QUARTER_COLUMNS,
  sumLeaves,
} from './plan-grid';
import { frozenMonthsByRow } from './plan-build';
import type { ColumnKey, TargetPlan } from './target-plan.types';

/** A formula cell saved without its result, as tools that keep formulas but never compute them write it. */
export interface UncachedFormula {
  formula: string;
}

export type TableCell = string | number | boolean | null | undefined | UncachedFormula;

export function isUncachedFormula(cell: TableCell): cell is UncachedFormula {
  return typeof cell === 'object' && cell !== null;
}

/** Header texts, in the export's language. */
export interface GridTableLabels {
  rowKey: string;
  team: string;
  name: string;
  columns: Record<ColumnKey, string>;
  company: string;
  noTeam: string;
}

export function planToTable(plan: TargetPlan, labels: GridTableLabels): TableCell[][] {
  const header: TableCell[] = [
    labels.rowKey,
    labels.team,
    labels.name,
    ...GRID_COLUMNS.map((column) => labels.columns[column]),
  ];
  const body = listGridRows(plan).map((row): TableCell[] => {
    let team = row.kind === 'team' ? row.label : (row.person?.team ?? '');
    if (team === '') team = labels.noTeam;
    let name = row.label;
    if (row.kind === 'company') {
      team = '';
      name = labels.company;
    } else if (row.kind === 'team') {
      name = '';
    }
    const cells = GRID_COLUMNS.map((column) =>
      sumLeaves(plan.values, row.leaves, monthsUnder(column)),
    );
    return [row.key, team, name, ...cells];
  });
  return [header, ...body];
}

/** Number of data columns before the year column: row key, team, name. */
const LEADING_COLUMNS = 3;

/** Excel and WPS accept at most 255 arguments per function; stay well below. */
const MAX_SUM_ARGUMENTS = 200;

function sumFormula(references: readonly string[]): string {
  if (references.length <= MAX_SUM_ARGUMENTS) return `SUM(${references.join(',')})`;
  const groups: string[] = [];
  for (let index = 0; index < references.length; index += MAX_SUM_ARGUMENTS) {
    groups.push(sumFormula(references.slice(index, index + MAX_SUM_ARGUMENTS)));
  }
  return sumFormula(groups);
}

/**
 * The formulas of the sheet `planToTable` writes, cell by cell (null where a
 * cell holds a plain value): quarters sum their months, the year sums the
 * quarters, a team's months sum its reps' rows and the company's months sum
 * the team rows. Leaf months stay plain values, the cells a manager edits.
 */
export function planTableFormulas(plan: TargetPlan): (string | null)[][] {
  const rows = listGridRows(plan);
  const sheetRowOf = new Map(rows.map((row, index) => [row.key, index + 2]));
  const letterOf = (column: ColumnKey) =>
    columnLetter(LEADING_COLUMNS + GRID_COLUMNS.indexOf(column));
  const header = new Array<string | null>(LEADING_COLUMNS + GRID_COLUMNS.length).fill(null);

  const body = rows.map((row) => {
    const sheetRow = sheetRowOf.get(row.key) ?? 0;
    const children = rows.filter((candidate) => candidate.parent === row.key);
    const formulas = GRID_COLUMNS.map((column): string | null => {
      if (column === 'year') {
        return sumFormula(QUARTER_COLUMNS.map((quarter) => `${letterOf(quarter)}${sheetRow}`));
      }
      if (QUARTER_COLUMNS.includes(column)) {
        const months = monthsUnder(column).map((month) => letterOf(monthColumn(month)));
        return `SUM(${months[0]}${sheetRow}:${months[months.length - 1]}${sheetRow})`;
      }
      if (children.length === 0) return null;
      const letter = letterOf(column);
      if (row.key === COMPANY_ROW) {
        return sumFormula(children.map((child) => `${letter}${sheetRowOf.get(child.key)}`));
      }
      // A team's reps follow it in one block.
      const first = sheetRowOf.get(children[0]?.key ?? '') ?? 0;
      return `SUM(${letter}${first}:${letter}${first + children.length - 1})`;
    });
    return [null, null, null, ...formulas];
  });
  return [header, ...body];
}

/** A problem in an imported table, by 1-based sheet row and column letter. */
export type TableProblem =
  | { code: 'empty-table' }
  | { code: 'missing-column'; column: ColumnKey | 'rowKey' }
  | { code: 'unknown-row'; row: number; rowKey: string }
  | { code: 'duplicate-row'; row: number; rowKey: string }
  | { code: 'missing-row'; rowKey: string; label: string }
  | { code: 'invalid-number'; row: number; column: string; value: string }
  | { code: 'inactive-cell'; row: number; column: string; value: number }
  | { code: 'locked-cell-changed'; row: number; column: string; expected: number; found: number }
  | { code: 'total-mismatch'; row: number; column: string; expected: number; found: number }
  /** A month of a rep, or of a team without reps, is a formula saved without its result. */
  | { code: 'formula-without-value'; row: number; column: string; formula: string }
  | { code: 'total-too-large'; total: number; limit: number };

export type TableReadResult =
  { ok: true; values: Record<string, number[]> } | { ok: false; problems: TableProblem[] };

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letter = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letter = String.fromCharCode(65 + ((rest - 1) % 26)) + letter;
  }
  return letter;
}

function normaliseHeader(text: TableCell): string {
  return String(isUncachedFormula(text) ? '' : (text ?? ''))
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** Reads a whole, non-negative number; blank reads as 0; anything else is null. */
function readWholeNumber(cell: TableCell): number | null {
  if (cell === null || cell === undefined) return 0;
  if (typeof cell === 'number') return Number.isSafeInteger(cell) && cell >= 0 ? cell : null;
  if (typeof cell !== 'string') return null;
  const text = cell.replace(/[,\s¥￥]/g, '');
  if (text === '') return 0;
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * Reads a table (first row: headers) into new leaf values for `plan`.
 * Headers are matched against `headerAliases` (each column's names in every
 * language, compared without spaces or case), so a file exported in Chinese
 * imports on an English screen. Returns every problem found, or the values.
 */
export function readPlanTable(
  plan: TargetPlan,
  table: readonly (readonly TableCell[])[],
  headerAliases: Record<ColumnKey | 'rowKey', readonly string[]>,
): TableReadResult {
  const [header, ...body] = table;
  if (!header || body.length === 0) return { ok: false, problems: [{ code: 'empty-table' }] };

  const positions = new Map<ColumnKey | 'rowKey', number>();
  const normalisedHeader = header.map(normaliseHeader);
  for (const key of ['rowKey', ...GRID_COLUMNS] as const) {
    const aliases = [key, ...headerAliases[key]].map(normaliseHeader);
    const index = normalisedHeader.findIndex((text) => aliases.includes(text));
    if (index >= 0) positions.set(key, index);
  }
  const missingColumns = (['rowKey', ...GRID_COLUMNS] as const).filter(
    (key) => !positions.has(key),
  );
  if (missingColumns.length > 0) {
    return {
      ok: false,
      problems: missingColumns.map((column) => ({ code: 'missing-column', column })),
    };
  }

  const problems: TableProblem[] = [];
  const gridRows = listGridRows(plan);
  const rowByKey = new Map(gridRows.map((row) => [row.key, row]));
  const sheetRowByKey = new Map<string, number>();
  const cellsByKey = new Map<string, Map<ColumnKey, number>>();
  const letterOf = (key: ColumnKey): string => columnLetter(positions.get(key) ?? 0);

  body.forEach((cells, index) => {
    const sheetRow = index + 2;
    const rowKeyCell = cells[positions.get('rowKey') ?? 0];
    const rowKey = isUncachedFormula(rowKeyCell) ? '' : String(rowKeyCell ?? '').trim();
    if (
      rowKey === '' &&
      cells.every((cell) => cell === null || cell === undefined || String(cell).trim() === '')
    )
      return;
    if (!rowByKey.has(rowKey)) {
      problems.push({ code: 'unknown-row', row: sheetRow, rowKey });
      return;
    }
    if (sheetRowByKey.has(rowKey)) {
      problems.push({ code: 'duplicate-row', row: sheetRow, rowKey });
      return;
    }
    sheetRowByKey.set(rowKey, sheetRow);

    const values = new Map<ColumnKey, number>();
    const row = rowByKey.get(rowKey);
    const isLeaf = row?.leaves.length === 1 && row.leaves[0] === rowKey;
    for (const column of GRID_COLUMNS) {
      const raw = cells[positions.get(column) ?? 0];
      // A total without its result is left out, so the totals check skips it. The leaves give its value.
      if (isUncachedFormula(raw)) {
        if (!isLeaf || !column.startsWith('m')) continue;
        problems.push({
          code: 'formula-without-value',
          row: sheetRow,
          column: letterOf(column),
          formula: raw.formula,
        });
        continue;
      }
      const value = readWholeNumber(raw);
      if (value === null) {
        problems.push({
          code: 'invalid-number',
          row: sheetRow,
          column: letterOf(column),
          value: String(raw),
        });
      } else {
        values.set(column, value);
      }
    }
    cellsByKey.set(rowKey, values);
  });

  for (const row of gridRows) {
    if (!sheetRowByKey.has(row.key)) {
      problems.push({ code: 'missing-row', rowKey: row.key, label: row.label || row.key });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const values = readLeafValues(plan, cellsByKey, sheetRowByKey, letterOf, problems);
  // Above the limit the totals are not checked, because the mismatches they show follow from it.
  const total = Object.values(values).reduce(
    (sum, months) => months.reduce((rowSum, value) => rowSum + value, sum),
    0,
  );
  if (total > MAX_PLAN_TOTAL) {
    problems.push({ code: 'total-too-large', total, limit: MAX_PLAN_TOTAL });
    return { ok: false, problems };
  }
  checkTotals(plan, values, cellsByKey, sheetRowByKey, letterOf, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}

function readLeafValues(
  plan: TargetPlan,
  cellsByKey: Map<string, Map<ColumnKey, number>>,
  sheetRowByKey: Map<string, number>,
  letterOf: (key: ColumnKey) => string,
  problems: TableProblem[],
): Record<string, number[]> {
  const fractions = activeFractionsByRow(plan);
  const frozen = frozenMonthsByRow(plan);
  const values: Record<string, number[]> = {};

  for (const [leaf, monthFractions] of fractions) {
    const cells = cellsByKey.get(leaf);
    const sheetRow = sheetRowByKey.get(leaf) ?? 0;
    values[leaf] = monthFractions.map((fraction, month) => {
      const column = monthColumn(month);
      const found = cells?.get(column) ?? 0;
      if (fraction === 0 && found !== 0) {
        problems.push({
          code: 'inactive-cell',
          row: sheetRow,
          column: letterOf(column),
          value: found,
        });
      }
      const current = plan.values[leaf]?.[month] ?? 0;
      if (frozen.get(leaf)?.has(month) && found !== current) {
        problems.push({
          code: 'locked-cell-changed',
          row: sheetRow,
          column: letterOf(column),
          expected: current,
          found,
        });
      }
      return found;
    });
  }
  return values;
}

function checkTotals(
  plan: TargetPlan,
  values: Record<string, number[]>,
  cellsByKey: Map<string, Map<ColumnKey, number>>,
  sheetRowByKey: Map<string, number>,
  letterOf: (key: ColumnKey) => string,
  problems: TableProblem[],
): void {
  for (const row of listGridRows(plan)) {
    const cells = cellsByKey.get(row.key);
    const isLeaf = row.leaves.length === 1 && row.leaves[0] === row.key;
    for (const column of GRID_COLUMNS) {
      if (isLeaf && column.startsWith('m')) continue;
      const expected = sumLeaves(values, row.leaves, monthsUnder(column));
      const found = cells?.get(column);
      if (found === undefined || found === expected) continue;
      problems.push({
        code: 'total-mismatch',
        row: sheetRowByKey.get(row.key) ?? 0,
        column: letterOf(column),
        expected,
        found,
      });
    }
  }
}

/**
 * Replaces a draft's values with those of an imported table, or returns the
 * problems and leaves the plan as it was.
 */
export function importPlanTable(
  plan: TargetPlan,
  table: readonly (readonly TableCell[])[],
  headerAliases: Record<ColumnKey | 'rowKey', readonly string[]>,
  now: number,
):
  | { ok: true; plan: TargetPlan }
  | { ok: false; problems: (TableProblem | { code: 'plan-not-draft' })[] } {
  if (plan.status !== 'draft') return { ok: false, problems: [{ code: 'plan-not-draft' }] };

  const read = readPlanTable(plan, table, headerAliases);
  if (!read.ok) return read;
  return { ok: true, plan: { ...plan, values: read.values, updatedAt: now } };
}
