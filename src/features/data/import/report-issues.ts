import {
  ISSUE_SEVERITY,
  type ImportIssue,
  type ImportIssueCode,
  type ImportReport,
} from '@sras/import';

/** An issue as the wizard adds it; the severity comes from the code. */
export type NewIssue = Omit<ImportIssue, 'severity' | 'params'> & {
  params?: ImportIssue['params'];
};

/**
 * Returns a function that adds issues to `report` the way the import package
 * does: counts stay exact, and at most `maxIssuesPerCode` of each code are kept.
 */
export function createIssueAdder(
  report: ImportReport,
  maxIssuesPerCode: number,
): (issue: NewIssue) => void {
  const kept = new Map<ImportIssueCode, number>();
  for (const issue of report.issues) kept.set(issue.code, (kept.get(issue.code) ?? 0) + 1);

  return (issue) => {
    const severity = ISSUE_SEVERITY[issue.code];
    report.issueCounts[issue.code] = (report.issueCounts[issue.code] ?? 0) + 1;
    if (severity === 'error') report.errorCount++;
    if (severity === 'warning') report.warningCount++;

    const keptOfCode = kept.get(issue.code) ?? 0;
    if (keptOfCode >= maxIssuesPerCode) return;
    report.issues.push({ ...issue, severity, params: issue.params ?? {} });
    kept.set(issue.code, keptOfCode + 1);
  };
}
