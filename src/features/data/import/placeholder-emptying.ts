/**
 * Per-column placeholder choices on top of the import package, which can
 * only keep every placeholder or empty every one. The file is imported with
 * placeholders kept, then the chosen (column, value) pairs are emptied here
 * and the report is corrected: the type, phone and e-mail issues those
 * values caused are removed (each occurrence caused exactly one, so the
 * counts drop by the placeholder's count), and rows that are now missing
 * their phone or key get the issue they would have had.
 */
import {
  ISSUE_SEVERITY,
  checkPhone,
  convertCell,
  isValidEmail,
  type CellValue,
  type ImportColumn,
  type ImportIssueCode,
  type ImportResult,
  type PlaceholderCount,
} from '@sras/import';
import { createIssueAdder } from './report-issues';

interface EmptiedValue {
  column: ImportColumn;
  value: string;
  count: number;
}

/**
 * Empties the `emptied` placeholders of `result` in place: text cells become
 * '' and typed cells null, as the package's own `placeholders: 'empty'` does.
 * NOTE: a placeholder that is also a valid value of a typed column (`无` in a
 * yes/no column reads as false) was converted by the package and stays.
 */
export function emptyPlaceholders(
  result: ImportResult,
  emptied: readonly PlaceholderCount[],
  maxIssuesPerCode: number,
): void {
  const targets = resolveTargets(result.columns, emptied);
  if (targets.length === 0) return;

  const valuesByColumn = new Map<string, Set<string>>();
  for (const target of targets) {
    const values = valuesByColumn.get(target.column.key) ?? new Set<string>();
    values.add(target.value);
    valuesByColumn.set(target.column.key, values);
  }
  const affectedRows = emptyCells(result, valuesByColumn);

  for (const target of targets) removeCausedIssues(result, target);
  addMissingValueIssues(result, affectedRows, valuesByColumn, maxIssuesPerCode);
  result.report.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

function displayName(column: ImportColumn): string {
  return column.header || column.key;
}

function resolveTargets(
  columns: readonly ImportColumn[],
  emptied: readonly PlaceholderCount[],
): EmptiedValue[] {
  const targets: EmptiedValue[] = [];
  for (const entry of emptied) {
    // Placeholders name their column as shown to the user; with repeated headers the first one wins.
    const column = columns.find((candidate) => displayName(candidate) === entry.column);
    if (column) targets.push({ column, value: entry.value, count: entry.count });
  }
  return targets;
}

function emptyCells(
  result: ImportResult,
  valuesByColumn: ReadonlyMap<string, ReadonlySet<string>>,
): Set<number> {
  const columns = result.columns.filter((column) => valuesByColumn.has(column.key));
  const affected = new Set<number>();

  result.rows.forEach((row, index) => {
    for (const column of columns) {
      const value = row.values[column.key];
      if (typeof value !== 'string' || !valuesByColumn.get(column.key)?.has(value)) continue;

      const empty: CellValue = column.type === 'text' ? '' : null;
      row.values[column.key] = empty;
      if (column.field) row.fields[column.field] = empty;
      affected.add(index);
    }
  });
  return affected;
}

/** The issue code a placeholder value raised in its column, if any. */
function causedIssueCode(column: ImportColumn, value: string): ImportIssueCode | null {
  if (column.type !== 'text' && convertCell(value, column.type).invalid) {
    if (column.type === 'number') return 'not-a-number';
    if (column.type === 'date') return 'not-a-date';
    return 'not-a-boolean';
  }
  if (column.field === 'phone' || column.field === 'tel') {
    return checkPhone(value).kind === 'invalid' ? 'phone-invalid' : null;
  }
  if (column.field === 'email') return isValidEmail(value) ? null : 'email-invalid';
  return null;
}

function removeCausedIssues(result: ImportResult, target: EmptiedValue): void {
  const code = causedIssueCode(target.column, target.value);
  if (!code) return;

  const name = displayName(target.column);
  const report = result.report;
  report.issues = report.issues.filter(
    (issue) => !(issue.code === code && issue.column === name && issue.value === target.value),
  );
  report.issueCounts[code] = Math.max(0, (report.issueCounts[code] ?? 0) - target.count);
  if (ISSUE_SEVERITY[code] === 'error') report.errorCount -= target.count;
  if (ISSUE_SEVERITY[code] === 'warning') report.warningCount -= target.count;
}

function isEmpty(value: CellValue | undefined): boolean {
  return value === '' || value === null || value === undefined;
}

/**
 * Adds `phone-missing` for rows whose phone and landline are now both empty,
 * and `key-missing` for rows whose key column was emptied while other cells
 * are filled. Neither issue can have existed before, because the emptied cell
 * held a value.
 */
function addMissingValueIssues(
  result: ImportResult,
  affectedRows: ReadonlySet<number>,
  valuesByColumn: ReadonlyMap<string, ReadonlySet<string>>,
  maxIssuesPerCode: number,
): void {
  const phone = result.columns.find((column) => column.field === 'phone');
  const tel = result.columns.find((column) => column.field === 'tel');
  const key = result.columns.find((column) => column.field === 'id') ?? result.columns[0];
  const phoneTouched = [phone, tel].some((column) => column && valuesByColumn.has(column.key));
  const keyTouched = key !== undefined && valuesByColumn.has(key.key);
  const add = createIssueAdder(result.report, maxIssuesPerCode);

  for (const index of affectedRows) {
    const row = result.rows[index];
    if (!row) continue;
    if (
      phone &&
      phoneTouched &&
      isEmpty(row.values[phone.key]) &&
      isEmpty(tel && row.values[tel.key])
    ) {
      add({
        code: 'phone-missing',
        row: row.row,
        column: displayName(phone),
        field: 'phone',
      });
    }
    if (key && keyTouched && isEmpty(row.values[key.key])) {
      const othersFilled = result.columns.some(
        (column) => column !== key && !isEmpty(row.values[column.key]),
      );
      if (othersFilled) {
        add({
          code: 'key-missing',
          row: row.row,
          column: displayName(key),
          ...(key.field ? { field: key.field } : {}),
        });
      }
    }
  }
}
