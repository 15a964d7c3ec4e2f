/**
 * The grid of a target plan: the row tree (company → teams → reps), the
 * column tree (year → quarters → months) and the value of any cell as the
 * sum of the leaf cells under it.
 */
import { MAX_AMOUNT_YUAN } from '@sras/import';
import { activeMonthFractions } from './employment';
import type { CellRef, ColumnKey, PlanPerson, TargetPlan } from './target-plan.types';

export const COMPANY_ROW = 'company';

// prettier-ignore
export const MONTH_COLUMNS: readonly ColumnKey[] = [
  'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12',
];
export const QUARTER_COLUMNS: readonly ColumnKey[] = ['q1', 'q2', 'q3', 'q4'];

/** Columns in screen and file order: the year, then each quarter followed by its months. */
// prettier-ignore
export const GRID_COLUMNS: readonly ColumnKey[] = [
  'year',
  'q1', 'm1', 'm2', 'm3',
  'q2', 'm4', 'm5', 'm6',
  'q3', 'm7', 'm8', 'm9',
  'q4', 'm10', 'm11', 'm12',
];

export function teamRowKey(teamName: string): string {
  return `team:${teamName}`;
}

export function personRowKey(personId: string): string {
  return `rep:${personId}`;
}

/** Key of a cell for the lock list; the column never contains `|`, so the last `|` splits it. */
export function cellKey(cell: CellRef): string {
  return `${cell.row}|${cell.column}`;
}

export function parseCellKey(key: string): CellRef | null {
  const separator = key.lastIndexOf('|');
  if (separator < 0) return null;
  const column = key.slice(separator + 1);
  if (!isColumnKey(column)) return null;
  return { row: key.slice(0, separator), column };
}

export function isColumnKey(text: string): text is ColumnKey {
  return (GRID_COLUMNS as readonly string[]).includes(text);
}

/** Month indices (0–11) under a column. */
export function monthsUnder(column: ColumnKey): number[] {
  if (column === 'year') return Array.from({ length: 12 }, (_, index) => index);
  if (column.startsWith('q')) {
    const quarter = Number(column.slice(1)) - 1;
    return [quarter * 3, quarter * 3 + 1, quarter * 3 + 2];
  }
  return [Number(column.slice(1)) - 1];
}

export function columnLevel(column: ColumnKey): 0 | 1 | 2 {
  if (column === 'year') return 0;
  return column.startsWith('q') ? 1 : 2;
}

export function monthColumn(monthIndex: number): ColumnKey {
  return MONTH_COLUMNS[monthIndex] as ColumnKey;
}

/** A row of the grid in screen order. */
export interface GridRow {
  key: string;
  kind: 'company' | 'team' | 'person';
  /** 0 for the company, 1 for a team, 2 for a rep. */
  level: 0 | 1 | 2;
  /** Team name for team rows; the rep's name for person rows; empty for the company. */
  label: string;
  parent?: string;
  /** Leaf row keys under this row (itself for a leaf). */
  leaves: string[];
  person?: PlanPerson;
}

/** Rows in screen order: the company, then each team followed by its reps. */
export function listGridRows(plan: Pick<TargetPlan, 'teams' | 'people'>): GridRow[] {
  const rows: GridRow[] = [];
  const allLeaves: string[] = [];
  const teamRows: GridRow[] = [];

  for (const team of plan.teams) {
    const teamKey = teamRowKey(team.name);
    const members = plan.people.filter((person) => person.team === team.name);
    const memberRows: GridRow[] = members.map((person) => ({
      key: personRowKey(person.id),
      kind: 'person',
      level: 2,
      label: person.name,
      parent: teamKey,
      leaves: [personRowKey(person.id)],
      person,
    }));
    const leaves = memberRows.length > 0 ? memberRows.map((row) => row.key) : [teamKey];
    allLeaves.push(...leaves);
    teamRows.push(
      { key: teamKey, kind: 'team', level: 1, label: team.name, parent: COMPANY_ROW, leaves },
      ...memberRows,
    );
  }

  rows.push({ key: COMPANY_ROW, kind: 'company', level: 0, label: '', leaves: allLeaves });
  rows.push(...teamRows);
  return rows;
}

/** Leaf row keys in row order. */
export function listLeafRows(plan: Pick<TargetPlan, 'teams' | 'people'>): string[] {
  return listGridRows(plan)[0]?.leaves ?? [];
}

/**
 * Share of each month (0–1) during which a leaf row can carry a target: the
 * employed part of the month for a rep, the whole month for a team without reps.
 */
export function activeFractionsByRow(
  plan: Pick<TargetPlan, 'teams' | 'people' | 'year'>,
): Map<string, number[]> {
  const fractions = new Map<string, number[]>();
  for (const row of listGridRows(plan)) {
    if (row.leaves.length !== 1 || row.leaves[0] !== row.key) continue;
    fractions.set(
      row.key,
      row.person ? activeMonthFractions(plan.year, row.person) : new Array<number>(12).fill(1),
    );
  }
  return fractions;
}

/** Sum of the leaf values under a cell. */
export function cellValue(
  plan: Pick<TargetPlan, 'teams' | 'people' | 'values'>,
  cell: CellRef,
): number {
  const row = listGridRows(plan).find((candidate) => candidate.key === cell.row);
  if (!row) return 0;
  return sumLeaves(plan.values, row.leaves, monthsUnder(cell.column));
}

export function sumLeaves(
  values: Record<string, number[]>,
  leafRows: readonly string[],
  months: readonly number[],
): number {
  let sum = 0;
  for (const leaf of leafRows) {
    const monthValues = values[leaf];
    if (!monthValues) continue;
    for (const month of months) sum += monthValues[month] ?? 0;
  }
  return sum;
}

/**
 * Values of one row in `GRID_COLUMNS` order: each month summed over the
 * row's leaves once, the quarters and the year from those month sums.
 */
export function rowColumnValues(
  values: Record<string, number[]>,
  leafRows: readonly string[],
): number[] {
  const months = new Array<number>(12).fill(0);
  for (const leaf of leafRows) {
    const monthValues = values[leaf];
    if (!monthValues) continue;
    for (let month = 0; month < 12; month++) months[month]! += monthValues[month] ?? 0;
  }
  return GRID_COLUMNS.map((column) =>
    monthsUnder(column).reduce((sum, month) => sum + (months[month] ?? 0), 0),
  );
}

/**
 * Largest yearly total a plan may have: 10^12 (¥1 trillion), the same limit
 * deal amounts have on import and on the dashboard. Shares computed while
 * spreading such a total keep about four decimal places of precision in a
 * JavaScript number, so rounding them to whole yuan stays exact.
 */
export const MAX_PLAN_TOTAL = MAX_AMOUNT_YUAN;

/** Sums every leaf cell: the plan's yearly total, shown in the company's year cell. */
export function planTotal(plan: Pick<TargetPlan, 'values'>): number {
  return Object.values(plan.values).reduce(
    (sum, months) => sum + months.reduce((rowSum, value) => rowSum + value, 0),
    0,
  );
}

/** Computes every cell of every row, keyed by column, in screen order. */
export function computeGrid(
  plan: Pick<TargetPlan, 'teams' | 'people' | 'values'>,
): { row: GridRow; cells: Record<ColumnKey, number> }[] {
  return listGridRows(plan).map((row) => {
    const values = rowColumnValues(plan.values, row.leaves);
    const cells = Object.fromEntries(
      GRID_COLUMNS.map((column, index) => [column, values[index] ?? 0]),
    ) as Record<ColumnKey, number>;
    return { row, cells };
  });
}
