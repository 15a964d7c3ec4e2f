/**
 * Editing a draft plan's grid: typing a value into any cell, and locking
 * cells.
 *
 * A lock freezes every leaf cell under the locked cell. Typing a new value
 * into a total re-spreads it over the unlocked leaf cells under it, in
 * proportion to their current values (or to the split methods' weights when
 * they are all 0). When the edited cell lies inside a locked total, the other
 * unlocked cells of that locked total absorb the difference, so the locked
 * total keeps its value. Every result is exact: whole numbers, no negative
 * cell, every lock respected; a request that cannot be met comes back as a
 * problem and the plan is not changed.
 */
import { spreadByMonths } from './leaf-spread';
import { frozenMonthsByRow } from './plan-build';
import {
  activeFractionsByRow,
  cellKey,
  columnLevel,
  listGridRows,
  MAX_PLAN_TOTAL,
  monthsUnder,
  parseCellKey,
  personRowKey,
  planTotal,
  sumLeaves,
  type GridRow,
} from './plan-grid';
import { peopleSplitWeights, timeSplitWeights } from './split-weights';
import type {
  CellRef,
  ColumnKey,
  TargetPlan,
  TargetProblem,
  TargetResult,
} from './target-plan.types';

type EditResult = TargetResult<TargetPlan>;

interface LeafCell {
  row: string;
  month: number;
}

function reject(problem: TargetProblem): EditResult {
  return { ok: false, problems: [problem] };
}

function findRow(plan: TargetPlan, key: string): GridRow | undefined {
  return listGridRows(plan).find((row) => row.key === key);
}

function isAncestorOrSelfRow(ancestor: GridRow, row: GridRow): boolean {
  if (ancestor.key === row.key || ancestor.kind === 'company') return true;
  const leaves = new Set(ancestor.leaves);
  return row.leaves.every((leaf) => leaves.has(leaf));
}

function isAncestorOrSelfColumn(ancestor: ColumnKey, column: ColumnKey): boolean {
  const months = monthsUnder(ancestor);
  return monthsUnder(column).every((month) => months.includes(month));
}

function leafCellsOf(
  row: GridRow,
  column: ColumnKey,
  fractions: Map<string, number[]>,
): LeafCell[] {
  const cells: LeafCell[] = [];
  for (const leaf of row.leaves) {
    for (const month of monthsUnder(column)) {
      if ((fractions.get(leaf)?.[month] ?? 0) > 0) cells.push({ row: leaf, month });
    }
  }
  return cells;
}

/** Locks a cell or unlocks it. Locking a cell twice, or unlocking an unlocked cell, changes nothing. */
export function setCellLock(
  plan: TargetPlan,
  cell: CellRef,
  locked: boolean,
  now: number,
): EditResult {
  if (plan.status !== 'draft') return reject({ code: 'plan-not-draft', status: plan.status });
  if (!findRow(plan, cell.row)) return reject({ code: 'unknown-cell', cell });

  const key = cellKey(cell);
  const isLocked = plan.locks.includes(key);
  if (isLocked === locked) return { ok: true, value: plan, notices: [] };

  const locks = locked ? [...plan.locks, key] : plan.locks.filter((existing) => existing !== key);
  return { ok: true, value: { ...plan, locks, updatedAt: now }, notices: [] };
}

/** True when the cell itself is locked. */
export function isCellLocked(plan: Pick<TargetPlan, 'locks'>, cell: CellRef): boolean {
  return plan.locks.includes(cellKey(cell));
}

/**
 * Locked cells that contain the given cell (itself excluded): a lock on the
 * team's year covers each of its reps' months.
 */
export function coveringLocks(plan: TargetPlan, cell: CellRef): CellRef[] {
  const rows = listGridRows(plan);
  const row = rows.find((candidate) => candidate.key === cell.row);
  if (!row) return [];

  return plan.locks.flatMap((key) => {
    const lock = parseCellKey(key);
    if (!lock) return [];
    if (lock.row === cell.row && lock.column === cell.column) return [];
    const lockRow = rows.find((candidate) => candidate.key === lock.row);
    if (!lockRow) return [];
    return isAncestorOrSelfRow(lockRow, row) && isAncestorOrSelfColumn(lock.column, cell.column)
      ? [lock]
      : [];
  });
}

/**
 * Sets a cell of a draft to a whole, non-negative value and re-spreads it.
 * See the module comment for how locks shape the result.
 */
export function setCellValue(
  plan: TargetPlan,
  cell: CellRef,
  value: number,
  now: number,
): EditResult {
  if (plan.status !== 'draft') return reject({ code: 'plan-not-draft', status: plan.status });
  const row = findRow(plan, cell.row);
  if (!row) return reject({ code: 'unknown-cell', cell });
  if (!Number.isSafeInteger(value) || value < 0)
    return reject({ code: 'invalid-value', cell, value });
  if (isCellLocked(plan, cell)) return reject({ code: 'cell-locked', cell });

  const fractions = activeFractionsByRow(plan);
  const targetCells = leafCellsOf(row, cell.column, fractions);
  const current = sumLeaves(plan.values, row.leaves, monthsUnder(cell.column));
  if (value === current) return { ok: true, value: plan, notices: [] };
  if (targetCells.length === 0) return reject({ code: 'inactive-cell', cell });
  const rest = planTotal(plan) - current;
  if (rest + value > MAX_PLAN_TOTAL)
    return reject({
      code: 'total-too-large',
      cell,
      requested: value,
      maximum: MAX_PLAN_TOTAL - rest,
    });

  // Locks that contain the edited cell are kept through the locked region
  // below; every other lock freezes the leaf cells under it.
  const covering = coveringLocks(plan, cell).map(cellKey);
  const frozen = frozenMonthsByRow({
    ...plan,
    locks: plan.locks.filter((key) => !covering.includes(key)),
  });
  const isFrozen = (leaf: LeafCell): boolean => frozen.get(leaf.row)?.has(leaf.month) ?? false;
  const freeTarget = targetCells.filter((leaf) => !isFrozen(leaf));
  const lockedInTarget = sumCells(plan, targetCells.filter(isFrozen));

  if (value < lockedInTarget)
    return reject({ code: 'locked-exceeds-total', cell, requested: value, locked: lockedInTarget });
  if (freeTarget.length === 0) return reject({ code: 'no-unlocked-cells', cell });

  const region = lockedRegion(plan, cell);
  const changes = new Map<string, number[]>();
  const spreadResult = spreadOver(plan, freeTarget, value - lockedInTarget, changes);
  if (!spreadResult) return reject({ code: 'no-unlocked-cells', cell });

  if (region) {
    // The locked total keeps its value: the rest of it absorbs the change.
    const regionRow = findRow(plan, region.row) as GridRow;
    const regionValue = sumLeaves(plan.values, regionRow.leaves, monthsUnder(region.column));
    const targetKeys = new Set(targetCells.map((leaf) => `${leaf.row}|${leaf.month}`));
    const others = leafCellsOf(regionRow, region.column, fractions).filter(
      (leaf) => !targetKeys.has(`${leaf.row}|${leaf.month}`),
    );
    const freeOthers = others.filter((leaf) => !isFrozen(leaf));
    const lockedOthers = sumCells(plan, others.filter(isFrozen));
    const othersAmount = regionValue - value - lockedOthers;
    const maximum = regionValue - lockedOthers;

    if (othersAmount < 0 || (freeOthers.length === 0 && othersAmount !== 0)) {
      return reject({
        code: 'not-enough-to-offset',
        cell,
        lockedCell: region,
        requested: value,
        maximum: freeOthers.length === 0 ? current : maximum,
      });
    }
    if (freeOthers.length > 0 && !spreadOver(plan, freeOthers, othersAmount, changes)) {
      return reject({ code: 'no-unlocked-cells', cell: region });
    }
  }

  const values = { ...plan.values };
  for (const [leaf, months] of changes) values[leaf] = months;
  return { ok: true, value: { ...plan, values, updatedAt: now }, notices: [] };
}

/** Sets the plan's yearly total (the company's year cell). */
export function setPlanTotal(plan: TargetPlan, total: number, now: number): EditResult {
  return setCellValue(plan, { row: 'company', column: 'year' }, total, now);
}

/**
 * The smallest block that every locked cell containing `cell` contains: its
 * row is the deepest locked row above the cell and its column the narrowest
 * locked column. Keeping that block's sum keeps every one of those locks.
 */
function lockedRegion(plan: TargetPlan, cell: CellRef): CellRef | null {
  const locks = coveringLocks(plan, cell);
  if (locks.length === 0) return null;

  const rows = listGridRows(plan);
  const rowSize = (key: string): number => rows.find((row) => row.key === key)?.leaves.length ?? 0;
  const deepestRow = locks.reduce((best, lock) =>
    rowSize(lock.row) < rowSize(best.row) ? lock : best,
  ).row;
  const narrowestColumn = locks.reduce((best, lock) =>
    columnLevel(lock.column) > columnLevel(best.column) ? lock : best,
  ).column;
  return { row: deepestRow, column: narrowestColumn };
}

function sumCells(plan: TargetPlan, cells: readonly LeafCell[]): number {
  return cells.reduce((sum, leaf) => sum + (plan.values[leaf.row]?.[leaf.month] ?? 0), 0);
}

/**
 * Spreads `amount` over `cells` into `changes` (row key → twelve values),
 * in proportion to the cells' current values, else to the split methods'
 * weights, else to each cell's employed share of its month. Returns false when
 * the amount is positive and no cell can take any of it.
 */
function spreadOver(
  plan: TargetPlan,
  cells: readonly LeafCell[],
  amount: number,
  changes: Map<string, number[]>,
): boolean {
  const rows = [...new Set(cells.map((leaf) => leaf.row))];
  const months = [...new Set(cells.map((leaf) => leaf.month))].sort((a, b) => a - b);
  const included = new Set(cells.map((leaf) => `${leaf.row}|${leaf.month}`));
  // The split methods' weights and the employed shares are computed only when the current values are all 0.
  let basis: Map<string, number[]> | undefined;
  let fractions: Map<string, number[]> | undefined;
  const candidates: ((row: string, month: number) => number)[] = [
    (row, month) => plan.values[row]?.[month] ?? 0,
    (row, month) => (basis ??= basisWeights(plan)).get(row)?.[month] ?? 0,
    (row, month) => (fractions ??= activeFractionsByRow(plan)).get(row)?.[month] ?? 0,
  ];

  for (const weightOf of candidates) {
    const weights = rows.map((row) =>
      months.map((month) => (included.has(`${row}|${month}`) ? weightOf(row, month) : 0)),
    );
    const weightSum = weights.reduce(
      (sum, rowWeights) => sum + rowWeights.reduce((a, b) => a + b, 0),
      0,
    );
    if (!(weightSum > 0)) continue;

    const spread = spreadByMonths(amount, weights);
    rows.forEach((row, rowIndex) => {
      const rowValues = changes.get(row) ?? [
        ...(plan.values[row] ?? new Array<number>(12).fill(0)),
      ];
      months.forEach((month, monthIndex) => {
        if (included.has(`${row}|${month}`)) rowValues[month] = spread[rowIndex]?.[monthIndex] ?? 0;
      });
      changes.set(row, rowValues);
    });
    return true;
  }
  return amount === 0;
}

/**
 * Weight of each leaf cell under the plan's split methods (time weight ×
 * people weight × employed share of the month); empty when a method's data
 * is unusable.
 */
export function basisWeights(plan: TargetPlan): Map<string, number[]> {
  const result = new Map<string, number[]>();
  const time = timeSplitWeights(plan.timeSplit);
  const rows = listGridRows(plan).filter(
    (row) => row.leaves.length === 1 && row.leaves[0] === row.key,
  );
  const peopleByRow = new Map(plan.people.map((person) => [personRowKey(person.id), person]));
  const people = peopleSplitWeights(
    plan.peopleSplit,
    rows.map((row) => row.key),
    peopleByRow,
  );
  if (!time.ok || !people.ok) return result;

  const fractions = activeFractionsByRow(plan);
  for (const row of rows) {
    const personWeight = people.weights.get(row.key) ?? 0;
    result.set(
      row.key,
      time.weights.map(
        (weight, month) => weight * personWeight * (fractions.get(row.key)?.[month] ?? 0),
      ),
    );
  }
  return result;
}
