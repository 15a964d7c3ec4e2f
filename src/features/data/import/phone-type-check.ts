import { checkPhone, type ImportResult } from '@sras/import';
import { createIssueAdder } from './report-issues';

/**
 * Checks the columns the user typed as phone numbers without mapping them
 * to `phone` or `tel` (the import package checks those itself): a value in
 * exponent notation is an error, any other value that is not a mobile,
 * landline or service number a warning.
 */
export function checkPhoneTypedColumns(
  result: ImportResult,
  columnKeys: ReadonlySet<string>,
  maxIssuesPerCode: number,
): void {
  const columns = result.columns.filter(
    (column) => columnKeys.has(column.key) && column.field !== 'phone' && column.field !== 'tel',
  );
  if (columns.length === 0) return;

  const add = createIssueAdder(result.report, maxIssuesPerCode);
  for (const row of result.rows) {
    for (const column of columns) {
      const value = row.values[column.key];
      if (typeof value !== 'string' || value === '') continue;

      const kind = checkPhone(value).kind;
      const base = { row: row.row, column: column.header || column.key, value };
      if (kind === 'scientific') add({ code: 'phone-scientific', ...base });
      if (kind === 'invalid') add({ code: 'phone-invalid', ...base });
    }
  }
  result.report.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
