/**
 * Results read from an imported dataset for the splits: monthly sums of last
 * year (time split) and each rep's sum over an earlier period (people split).
 */
import { readAmountCell, readDateCell } from './cell-values';
import {
  type CivilDate,
  DEFAULT_TIME_ZONE,
  countDaysInclusive,
  parseCivilDate,
  toDayNumber,
} from './civil-date';
import type { EmploymentWindow } from './employment';

/** A dataset row that could not be read or needs checking, by row number and column. */
export interface RowIssue {
  row: number;
  column: string;
  code: 'missing-date' | 'invalid-date' | 'invalid-amount' | 'negative-amount';
  value: unknown;
}

/** At most this many row issues are listed; `issueCount` still counts them all. */
export const MAX_LISTED_ISSUES = 100;

/**
 * Rows left out because their amount is below zero, such as refunds and
 * corrections: how many, and the row number of the first (null when none).
 */
export interface NegativeRows {
  count: number;
  firstRow: number | null;
}

/** Options of the sums: the workspace time zone, the rows that count, and each row's number. */
export interface SumOptions {
  /** Time zone that dates with a time and an offset are read in (Asia/Shanghai when absent). */
  timeZone?: string;
  /** Picks the rows that count, such as won deals. Every row counts when absent. */
  include?: (row: Record<string, unknown>) => boolean;
  /** Number that issues give each row, such as its source file row (its 1-based position when absent). */
  rowNumbers?: readonly number[];
}

export interface ActualsColumns {
  dateColumn: string;
  /** Absent: every row counts as 1 (a count of won deals, say). */
  amountColumn?: string;
}

export interface MonthlyActuals {
  /** Sum per month, January first. */
  months: number[];
  /** Rows that fell in the year and were summed. */
  rowsUsed: number;
  /** Rows in the year left out for an amount below zero. They are not among `issues`. */
  negativeRows: NegativeRows;
  issues: RowIssue[];
  issueCount: number;
}

function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

class IssueList {
  readonly issues: RowIssue[] = [];
  count = 0;

  add(issue: RowIssue): void {
    this.count++;
    if (this.issues.length < MAX_LISTED_ISSUES) this.issues.push(issue);
  }
}

class NegativeRowCounter {
  readonly rows: NegativeRows = { count: 0, firstRow: null };

  add(rowNumber: number): void {
    this.rows.count++;
    this.rows.firstRow ??= rowNumber;
  }
}

/** Reads a row's date and amount, reporting unreadable cells; null when the row cannot be used. */
function readRow(
  row: Record<string, unknown>,
  rowNumber: number,
  columns: ActualsColumns,
  timeZone: string,
  issues: IssueList,
): { date: CivilDate; amount: number } | null {
  const rawDate = row[columns.dateColumn];
  if (isBlank(rawDate)) {
    issues.add({
      row: rowNumber,
      column: columns.dateColumn,
      code: 'missing-date',
      value: rawDate,
    });
    return null;
  }
  const date = readDateCell(rawDate, timeZone);
  if (date === null) {
    issues.add({
      row: rowNumber,
      column: columns.dateColumn,
      code: 'invalid-date',
      value: rawDate,
    });
    return null;
  }

  if (!columns.amountColumn) return { date, amount: 1 };
  const rawAmount = row[columns.amountColumn];
  // A blank amount is a deal without a value, not an error.
  if (isBlank(rawAmount)) return { date, amount: 0 };
  const amount = readAmountCell(rawAmount);
  if (amount === null) {
    issues.add({
      row: rowNumber,
      column: columns.amountColumn,
      code: 'invalid-amount',
      value: rawAmount,
    });
    return null;
  }
  return { date, amount };
}

/**
 * Sums a dataset's rows per month of `year` by a date column, with amounts
 * from an amount column or a count of rows. `include` picks the rows that
 * count (such as won deals); rows outside the year are skipped silently.
 */
export function sumByMonth(
  rows: Iterable<Record<string, unknown>>,
  columns: ActualsColumns,
  year: number,
  options: SumOptions = {},
): MonthlyActuals {
  const { timeZone = DEFAULT_TIME_ZONE, include, rowNumbers } = options;
  const months = new Array<number>(12).fill(0);
  const issues = new IssueList();
  const negative = new NegativeRowCounter();
  let rowsUsed = 0;
  let index = 0;

  for (const row of rows) {
    const rowNumber = rowNumbers?.[index] ?? index + 1;
    index++;
    if (include && !include(row)) continue;

    const read = readRow(row, rowNumber, columns, timeZone, issues);
    const parts = read && parseCivilDate(read.date);
    if (!read || !parts || parts.year !== year) continue;
    // A refund would lower its month's share of the year, so it is left out and reported.
    if (read.amount < 0) {
      negative.add(rowNumber);
      continue;
    }

    months[parts.month - 1] = (months[parts.month - 1] ?? 0) + read.amount;
    rowsUsed++;
  }

  return {
    months,
    rowsUsed,
    negativeRows: negative.rows,
    issues: issues.issues,
    issueCount: issues.count,
  };
}

export interface OwnerResults {
  /** Sum per matched key (as `resolveOwner` returns it). */
  results: Record<string, number>;
  /** Owner values that matched no key, with their sums and row counts. */
  unmatched: { owner: string; amount: number; rows: number }[];
  rowsUsed: number;
  /** Rows in the period left out for an amount below zero. They are not among `issues`. */
  negativeRows: NegativeRows;
  issues: RowIssue[];
  issueCount: number;
}

/**
 * Sums a dataset's rows per owner over `from`–`to` (inclusive). `resolveOwner`
 * maps an owner cell to a key (a plan row key, say) or null when it matches
 * nobody.
 */
export function sumByOwner(
  rows: Iterable<Record<string, unknown>>,
  columns: ActualsColumns & { ownerColumn: string },
  from: CivilDate,
  to: CivilDate,
  resolveOwner: (owner: string) => string | null,
  options: SumOptions = {},
): OwnerResults {
  const { timeZone = DEFAULT_TIME_ZONE, include, rowNumbers } = options;
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const results: Record<string, number> = {};
  const unmatched = new Map<string, { owner: string; amount: number; rows: number }>();
  const issues = new IssueList();
  const negative = new NegativeRowCounter();
  let rowsUsed = 0;
  let index = 0;

  for (const row of rows) {
    const rowNumber = rowNumbers?.[index] ?? index + 1;
    index++;
    if (include && !include(row)) continue;

    const read = readRow(row, rowNumber, columns, timeZone, issues);
    if (!read) continue;
    const day = toDayNumber(read.date);
    if (day < start || day > end) continue;
    // A refund would lower its rep's share, or make it negative, so it is left out and reported.
    if (read.amount < 0) {
      negative.add(rowNumber);
      continue;
    }

    const owner = String(row[columns.ownerColumn] ?? '').trim();
    const key = owner === '' ? null : resolveOwner(owner);
    rowsUsed++;
    if (key === null) {
      const entry = unmatched.get(owner) ?? { owner, amount: 0, rows: 0 };
      entry.amount += read.amount;
      entry.rows++;
      unmatched.set(owner, entry);
      continue;
    }
    results[key] = (results[key] ?? 0) + read.amount;
  }

  return {
    results,
    unmatched: [...unmatched.values()],
    rowsUsed,
    negativeRows: negative.rows,
    issues: issues.issues,
    issueCount: issues.count,
  };
}

/**
 * Scales a rep's result over a period up to what a full period's work would
 * have brought: a rep employed for 3 of the 12 months counts 4 times their
 * result. A rep not employed during the period at all keeps their result.
 */
export function annualiseResult(
  result: number,
  window: EmploymentWindow,
  from: CivilDate,
  to: CivilDate,
): number {
  const periodDays = countDaysInclusive(from, to);
  const employedDays = countEmployedDays(window, from, to);
  if (periodDays === 0 || employedDays === 0) return result;
  return (result * periodDays) / employedDays;
}

function countEmployedDays(window: EmploymentWindow, from: CivilDate, to: CivilDate): number {
  const start =
    window.employmentStart && toDayNumber(window.employmentStart) > toDayNumber(from)
      ? window.employmentStart
      : from;
  const end =
    window.employmentEnd && toDayNumber(window.employmentEnd) < toDayNumber(to)
      ? window.employmentEnd
      : to;
  return countDaysInclusive(start, end);
}
