/** Codes of the problems an import reports about rows and columns. */
export type ImportIssueCode =
  | 'header-not-found'
  | 'no-data-rows'
  | 'duplicate-header'
  | 'no-contact-column'
  | 'phone-missing'
  | 'phone-invalid'
  | 'phone-scientific'
  | 'code-scientific'
  | 'email-invalid'
  | 'duplicate-phone'
  | 'duplicate-email'
  | 'placeholder-values'
  | 'extra-values'
  | 'missing-values'
  | 'key-missing'
  | 'not-a-number'
  | 'amount-negative'
  | 'amount-too-large'
  | 'column-empty'
  | 'not-a-date'
  | 'not-a-boolean'
  | 'type-ignored'
  | 'malformed-quotes'
  | 'cell-error';

/**
 * `error`: the value is lost or unusable and the row needs fixing at the
 * source; `warning`: the row is imported but a person should look at it;
 * `info`: something the importer did that the user may want to undo.
 */
export type IssueSeverity = 'error' | 'warning' | 'info';

export const ISSUE_SEVERITY: Readonly<Record<ImportIssueCode, IssueSeverity>> = {
  'header-not-found': 'warning',
  'no-data-rows': 'error',
  'duplicate-header': 'warning',
  'no-contact-column': 'warning',
  'phone-missing': 'warning',
  'phone-invalid': 'warning',
  'phone-scientific': 'error',
  'code-scientific': 'error',
  'email-invalid': 'warning',
  'duplicate-phone': 'warning',
  'duplicate-email': 'warning',
  'placeholder-values': 'info',
  'extra-values': 'warning',
  'missing-values': 'warning',
  'key-missing': 'warning',
  'not-a-number': 'warning',
  'amount-negative': 'warning',
  'amount-too-large': 'warning',
  'column-empty': 'warning',
  'not-a-date': 'warning',
  'not-a-boolean': 'warning',
  'type-ignored': 'info',
  'malformed-quotes': 'warning',
  'cell-error': 'warning',
};

/**
 * One problem found during an import. `row` is the 1-based line of a text
 * file (where the record starts) or the 1-based sheet row; `column` is the
 * header as shown to the user, or `column_N` for a column without one.
 * `params` fill the message templates of `importMessages`.
 */
export interface ImportIssue {
  code: ImportIssueCode;
  severity: IssueSeverity;
  row?: number;
  column?: string;
  field?: string;
  value?: string;
  params: Record<string, string | number>;
}

/** How often a placeholder value occurs in one column. */
export interface PlaceholderCount {
  column: string;
  value: string;
  count: number;
  firstRow: number;
}

/** Counts and issues of an import. */
export interface ImportReport {
  /** Records produced. */
  rowCount: number;
  /** Fully blank rows below the header, skipped (delimiter-only lines count as blank). */
  blankRowCount: number;
  /** Non-blank rows above the header (instructions, titles, preambles), not imported. */
  rowsAboveHeader: number;
  /** Issues in file order; at most `maxIssuesPerCode` of each code are kept. */
  issues: ImportIssue[];
  /** Exact number of issues of each code, including those not kept. */
  issueCounts: Partial<Record<ImportIssueCode, number>>;
  /** Placeholder values per column, whether or not they were turned into empty cells. */
  placeholders: PlaceholderCount[];
  errorCount: number;
  warningCount: number;
}

/** Collects issues with exact counts while keeping memory bounded. */
export class IssueCollector {
  private readonly kept: ImportIssue[] = [];
  private readonly counts: Partial<Record<ImportIssueCode, number>> = {};
  private errors = 0;
  private warnings = 0;

  constructor(private readonly maxPerCode: number) {}

  add(issue: Omit<ImportIssue, 'severity' | 'params'> & { params?: ImportIssue['params'] }): void {
    const severity = ISSUE_SEVERITY[issue.code];
    const count = (this.counts[issue.code] ?? 0) + 1;
    this.counts[issue.code] = count;
    if (severity === 'error') this.errors++;
    if (severity === 'warning') this.warnings++;
    if (count <= this.maxPerCode) {
      this.kept.push({ ...issue, severity, params: issue.params ?? {} });
    }
  }

  /**
   * The report parts this collector owns, with `summaryIssues` (one per
   * column or file, never capped) added without being stored.
   */
  snapshot(
    summaryIssues: readonly Omit<ImportIssue, 'severity'>[] = [],
  ): Pick<ImportReport, 'issues' | 'issueCounts' | 'errorCount' | 'warningCount'> {
    const counts = { ...this.counts };
    const extra = summaryIssues.map((issue) => {
      counts[issue.code] = (counts[issue.code] ?? 0) + 1;
      return { ...issue, severity: ISSUE_SEVERITY[issue.code] };
    });
    const issues = [...this.kept, ...extra].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    const extraErrors = extra.filter((issue) => issue.severity === 'error').length;
    const extraWarnings = extra.filter((issue) => issue.severity === 'warning').length;
    return {
      issues,
      issueCounts: counts,
      errorCount: this.errors + extraErrors,
      warningCount: this.warnings + extraWarnings,
    };
  }
}
