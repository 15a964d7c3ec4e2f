import {
  DEFAULT_PLACEHOLDER_VALUES,
  MAX_AMOUNT_YUAN,
  convertCell,
  readNumberText,
  type CellValue,
  type ColumnType,
} from './cell-values.js';
import { mapColumns, type MappingOverrides, type MappingSource } from './column-mapping.js';
import { checkPhone, emailDedupKey, isValidEmail, phoneDedupKey } from './contact-check.js';
import type { RawRow } from './csv-tokenizer.js';
import { HEADER_SEARCH_ROWS, detectHeaderRow } from './header-detect.js';
import { ImportError } from './import.error.js';
import {
  IssueCollector,
  type ImportIssue,
  type ImportReport,
  type PlaceholderCount,
} from './import-report.js';

/** A column of the imported table. */
export interface ImportColumn {
  /** Key of the column's values in `ImportRow.values`: the header, made unique, or `column_N`. */
  key: string;
  /** Header text, trimmed with inner whitespace collapsed; '' when the header cell is empty. */
  header: string;
  /** 1-based position in the file row (for a sheet, the column number: A = 1). */
  position: number;
  /** Column letter of a sheet (`C`); absent for text files. */
  letter?: string;
  /** Field the column is mapped to, or null. */
  field: string | null;
  mappedBy: MappingSource | null;
  type: ColumnType;
  /** True for a column that contains values beyond the header's last cell. */
  extra: boolean;
}

/** One imported record. */
export interface ImportRow {
  /** 1-based file line where the record starts, or 1-based sheet row. */
  row: number;
  /** Every kept column's value under its column key. */
  values: Record<string, CellValue>;
  /** Values of mapped columns under their field names (`phone`, `province`…). */
  fields: Record<string, CellValue>;
}

/** Table-level options shared by text files and workbooks. */
export interface TableOptions {
  /** 1-based row of the header, `'auto'` to detect it, or `'none'` when the file has no header. Default `'auto'`. */
  headerRow?: number | 'auto' | 'none';
  /** Column (header or key) → field; null unmaps a column. Applied over the synonym mapping. */
  mapping?: MappingOverrides;
  /** Type per column, by header, column key or mapped field. Columns are text unless typed here. */
  columnTypes?: Readonly<Record<string, ColumnType>>;
  /** `'keep'` (default) keeps placeholder values such as `Select` and reports them; `'empty'` empties them. */
  placeholders?: 'keep' | 'empty';
  /** Replaces `DEFAULT_PLACEHOLDER_VALUES`; compared after trimming and lower-casing. */
  placeholderValues?: readonly string[];
  /** Column (header or key) that must be filled when any other cell of the row is; default the `id` column, else the first. */
  keyColumn?: string;
  /**
   * `'expected'` (default): the table contains leads, so a header without a phone
   * or e-mail column gets `no-contact-column`, because dedup has nothing to
   * compare. `'optional'`: no such warning, for deals or owner lists.
   */
  contactColumns?: 'expected' | 'optional';
  /** Issues kept per code in the report (counts stay exact); default 200. */
  maxIssuesPerCode?: number;
  /**
   * `'reject'` (default): a table without a single data row fails with
   * `no-data-rows`, or `file-empty` when it has no header either. `'allow'`:
   * it is returned with a `no-data-rows` error in the report. A host then
   * shows the columns of a template and blocks saving.
   */
  emptyTable?: 'reject' | 'allow';
}

/** The parts of an import result that describe the table. */
export interface TableSummary {
  headerRow: number | null;
  headerDetected: boolean;
  columns: ImportColumn[];
  /** Field → column key, for every mapped column. */
  fieldColumns: Record<string, string>;
  report: ImportReport;
  /** First rows as read (trimmed cells), for a host that lets the user pick the header row. */
  previewRows: RawRow[];
}

/** Fields that identify or contact a lead and are always text. */
const TEXT_ONLY_FIELDS = new Set(['id', 'phone', 'tel', 'postalCode', 'qq', 'wechat']);
const PREVIEW_ROWS = 20;
const POSITIONAL_KEY = /^column_\d+$/;
const EXPONENT_NOTATION = /^[+-]?\d+(?:[.,]\d+)?e\+?\d+$/i;
/** Currency signs, codes and spaces around an amount's digits. */
const AMOUNT_DECORATION = /^(?:RMB|CNY)|(?:RMB|CNY)$|[¥￥$元\s]/gi;
/** Share of rows at or below which a mapped column counts as empty. */
const EMPTY_COLUMN_SHARE = 0.05;

interface ActiveColumn extends ImportColumn {
  index: number;
}

/**
 * Turns raw rows into records: finds the header, names and maps the
 * columns, skips blank rows, keeps extra cells under their own column, types
 * values and validates contacts. Push rows in file order; rows come out once
 * the header is known.
 */
export class TableBuilder {
  private readonly options: TableOptions;
  private readonly issues: IssueCollector;
  private readonly placeholderSet: Set<string>;
  private readonly maxPlaceholderLength: number;
  private readonly reportRaggedRows: boolean;
  private readonly columnLetters: boolean;

  private buffered: RawRow[] = [];
  private headerRow: number | null = null;
  private headerDetected = false;
  private started = false;
  private finished = false;
  private width = 0;
  private columns: ActiveColumn[] = [];
  private pendingEmptyHeaders: { index: number }[] = [];
  private usedKeys = new Set<string>();
  private columnIndexes = new Set<number>();
  private keyColumn: ActiveColumn | null = null;
  private rowCount = 0;
  private blankRowCount = 0;
  private rowsAboveHeader = 0;
  private readonly previewRows: RawRow[] = [];
  private readonly placeholders = new Map<string, PlaceholderCount>();
  private readonly seenPhones = new Map<string, number>();
  private readonly seenEmails = new Map<string, number>();
  /** Non-empty cells per mapped column key. */
  private readonly filledCells = new Map<string, number>();

  /**
   * `reportRaggedRows`: report rows with fewer cells than the header (text
   * files; a sheet simply has empty cells). `columnLetters`: name sheet columns by letter.
   */
  constructor(
    options: TableOptions,
    settings: { reportRaggedRows: boolean; columnLetters: boolean },
  ) {
    this.options = options;
    this.issues = new IssueCollector(options.maxIssuesPerCode ?? 200);
    const placeholderValues = options.placeholderValues ?? DEFAULT_PLACEHOLDER_VALUES;
    this.placeholderSet = new Set(placeholderValues.map((value) => value.trim().toLowerCase()));
    this.maxPlaceholderLength = Math.max(0, ...placeholderValues.map((value) => value.length));
    this.reportRaggedRows = settings.reportRaggedRows;
    this.columnLetters = settings.columnLetters;
  }

  /** Adds an issue found outside the table builder (quotes, formula errors). */
  get issueCollector(): IssueCollector {
    return this.issues;
  }

  /** Records produced so far. */
  get rowsProduced(): number {
    return this.rowCount;
  }

  /** Columns known so far, in file order; empty until the header is known. */
  get currentColumns(): ImportColumn[] {
    return this.columns.map(publicColumn).sort((a, b) => a.position - b.position);
  }

  /** Takes the next raw row; returns the records that became ready. */
  push(raw: RawRow): ImportRow[] {
    const cells = raw.cells.map((cell) => cell.trim());
    const row = { row: raw.row, cells };
    if (this.previewRows.length < PREVIEW_ROWS && cells.some((cell) => cell !== '')) {
      this.previewRows.push(row);
    }
    if (this.started) {
      const record = this.buildRecord(row);
      return record ? [record] : [];
    }

    const headerRow = this.options.headerRow ?? 'auto';
    if (headerRow === 'none') {
      this.start(null);
      const record = this.buildRecord(row);
      return record ? [record] : [];
    }
    if (typeof headerRow === 'number') {
      if (row.row < headerRow) {
        if (cells.some((cell) => cell !== '')) this.rowsAboveHeader++;
        return [];
      }
      if (row.row > headerRow) this.failHeaderOutOfRange(headerRow);
      this.start(row);
      return [];
    }

    this.buffered.push(row);
    return this.buffered.length >= HEADER_SEARCH_ROWS ? this.detectAndFlush() : [];
  }

  /** Ends the table; returns the records still held back. */
  finish(): ImportRow[] {
    this.finished = true;
    if (this.started) return [];
    const headerRow = this.options.headerRow ?? 'auto';
    if (typeof headerRow === 'number') this.failHeaderOutOfRange(headerRow);
    if (headerRow === 'none') {
      this.start(null);
      return [];
    }
    return this.detectAndFlush();
  }

  /** Columns, mapping and report; complete after `finish`. */
  summary(): TableSummary {
    const columns = this.currentColumns;
    const fieldColumns: Record<string, string> = {};
    for (const column of columns) {
      if (column.field) fieldColumns[column.field] = column.key;
    }
    const placeholders = [...this.placeholders.values()];
    const placeholderIssues = placeholders.map((placeholder) => ({
      code: 'placeholder-values' as const,
      row: placeholder.firstRow,
      column: placeholder.column,
      value: placeholder.value,
      params: { count: placeholder.count },
    }));
    const tableIssues: Omit<ImportIssue, 'severity'>[] =
      this.finished && this.rowCount === 0 && this.headerRow !== null
        ? [{ code: 'no-data-rows' as const, row: this.headerRow, params: {} }]
        : [];
    if (this.finished) tableIssues.push(...this.emptyColumnIssues(columns));
    const report: ImportReport = {
      rowCount: this.rowCount,
      blankRowCount: this.blankRowCount,
      rowsAboveHeader: this.rowsAboveHeader,
      placeholders,
      ...this.issues.snapshot([...placeholderIssues, ...tableIssues]),
    };
    return {
      headerRow: this.headerRow,
      headerDetected: this.headerDetected,
      columns,
      fieldColumns,
      report,
      previewRows: this.previewRows,
    };
  }

  private failHeaderOutOfRange(headerRow: number): never {
    throw new ImportError(
      'header-row-out-of-range',
      `Row ${headerRow} was chosen as the header, but the table has no such non-blank row. ` +
        'Choose a row that holds the column names.',
      { row: headerRow },
    );
  }

  private detectAndFlush(): ImportRow[] {
    const rows = this.buffered;
    this.buffered = [];
    let headerRow = detectHeaderRow(rows);
    this.headerDetected = headerRow !== null;
    if (headerRow === null) {
      headerRow = rows.find((row) => row.cells.some((cell) => cell !== ''))?.row ?? null;
      if (headerRow !== null) this.issues.add({ code: 'header-not-found', row: headerRow });
    }

    const records: ImportRow[] = [];
    for (const row of rows) {
      if (this.started) {
        const record = this.buildRecord(row);
        if (record) records.push(record);
      } else if (row.row === headerRow) {
        this.start(row);
      } else if (row.cells.some((cell) => cell !== '')) {
        this.rowsAboveHeader++;
      }
    }
    if (!this.started) this.start(null);
    return records;
  }

  private start(header: RawRow | null): void {
    this.started = true;
    this.headerRow = header?.row ?? null;
    const headerCells = (header?.cells ?? []).map((cell) => cell.replace(/\s+/g, ' '));
    this.width = header ? headerCells.length : Number.POSITIVE_INFINITY;

    const repeats = new Map<string, string[]>();
    headerCells.forEach((text, index) => {
      if (text === '') {
        this.pendingEmptyHeaders.push({ index });
      } else {
        const key = this.uniqueKey(text);
        if (key !== text) repeats.set(text, [...(repeats.get(text) ?? []), key]);
        this.columns.push(this.newColumn(index, text, key, false));
        this.columnIndexes.add(index);
      }
    });
    if (header) this.reportRepeatedHeaders(header.row, repeats);
    this.applyMapping();

    const keyName = this.options.keyColumn;
    this.keyColumn =
      (keyName &&
        this.columns.find((column) => column.key === keyName || column.header === keyName)) ||
      this.columns.find((column) => column.field === 'id') ||
      this.columns[0] ||
      null;

    const fields = new Set(this.columns.map((column) => column.field));
    const wantsContact = this.options.contactColumns !== 'optional';
    if (
      wantsContact &&
      header &&
      this.columns.length > 0 &&
      !fields.has('phone') &&
      !fields.has('email')
    ) {
      this.issues.add({ code: 'no-contact-column', row: header.row });
    }
  }

  /** Reports one warning per header name that occurs more than once, with the keys of its repeats. */
  private reportRepeatedHeaders(row: number, repeats: ReadonlyMap<string, string[]>): void {
    for (const [header, keys] of repeats) {
      this.issues.add({
        code: 'duplicate-header',
        row,
        column: header,
        params: { count: keys.length + 1, keys: keys.join(', ') },
      });
    }
  }

  private applyMapping(): void {
    // Overrides of positional columns (`column_N`) apply when such a column first contains a value.
    const overrides = Object.fromEntries(
      Object.entries(this.options.mapping ?? {}).filter(([name]) => !POSITIONAL_KEY.test(name)),
    );
    const mapping = mapColumns(this.columns, overrides);
    for (const column of this.columns) {
      const mapped = mapping.get(column.key);
      column.field = mapped?.field ?? null;
      column.mappedBy = mapped?.mappedBy ?? null;
      column.type = this.columnType(column);
    }
  }

  private columnType(column: ActiveColumn): ColumnType {
    const types = this.options.columnTypes ?? {};
    const requested =
      types[column.key] ??
      types[column.header] ??
      (column.field ? types[column.field] : undefined) ??
      'text';
    if (requested !== 'text' && column.field && TEXT_ONLY_FIELDS.has(column.field)) {
      this.issues.add({
        code: 'type-ignored',
        column: displayName(column),
        field: column.field,
        params: { type: requested },
      });
      return 'text';
    }
    return requested;
  }

  private newColumn(index: number, header: string, key: string, extra: boolean): ActiveColumn {
    return {
      index,
      key,
      header,
      position: index + 1,
      ...(this.columnLetters ? { letter: columnLetter(index) } : {}),
      field: null,
      mappedBy: null,
      type: 'text',
      extra,
    };
  }

  private uniqueKey(base: string): string {
    let key = base;
    for (let suffix = 2; this.usedKeys.has(key); suffix++) key = `${base}_${suffix}`;
    this.usedKeys.add(key);
    return key;
  }

  private addPositionalColumn(index: number, extra: boolean): ActiveColumn {
    const column = this.newColumn(index, '', this.uniqueKey(`column_${index + 1}`), extra);
    column.type = this.columnType(column);
    const mapped = this.options.mapping?.[column.key];
    if (mapped) {
      column.field = mapped;
      column.mappedBy = 'caller';
    }
    this.columns.push(column);
    this.columnIndexes.add(index);
    return column;
  }

  private buildRecord(raw: RawRow): ImportRow | null {
    const cells = raw.cells;
    if (cells.every((cell) => cell === '')) {
      this.blankRowCount++;
      return null;
    }

    this.activatePositionalColumns(raw);
    const values: Record<string, CellValue> = {};
    const fields: Record<string, CellValue> = {};
    for (const column of this.columns) {
      const text = cells[column.index] ?? '';
      const value = this.cellValue(raw, column, text);
      values[column.key] = value;
      if (!column.field) continue;
      fields[column.field] = value;
      if (value !== null && value !== '') {
        this.filledCells.set(column.key, (this.filledCells.get(column.key) ?? 0) + 1);
      }
      if (column.field === 'amount') this.checkAmountSize(raw.row, column, text);
    }

    this.rowCount++;
    this.checkRowLength(raw);
    this.validate(raw.row, values);
    return { row: raw.row, values, fields };
  }

  private activatePositionalColumns(raw: RawRow): void {
    const cells = raw.cells;
    if (this.pendingEmptyHeaders.length > 0) {
      this.pendingEmptyHeaders = this.pendingEmptyHeaders.filter(({ index }) => {
        if ((cells[index] ?? '') === '') return true;
        this.addPositionalColumn(index, false);
        return false;
      });
    }

    const firstBeyond = Number.isFinite(this.width) ? this.width : 0;
    for (let index = firstBeyond; index < cells.length; index++) {
      if (cells[index] === '' || this.columnIndexes.has(index)) continue;
      this.addPositionalColumn(index, Number.isFinite(this.width));
    }
  }

  private checkRowLength(raw: RawRow): void {
    if (!Number.isFinite(this.width)) return;
    const extras = raw.cells.slice(this.width).filter((cell) => cell !== '');
    if (extras.length > 0) {
      const columns = this.columns
        .filter((column) => column.extra && (raw.cells[column.index] ?? '') !== '')
        .map((column) => column.key);
      this.issues.add({
        code: 'extra-values',
        row: raw.row,
        value: extras.join(', '),
        params: { count: extras.length, values: extras.join(', '), columns: columns.join(', ') },
      });
    }
    if (this.reportRaggedRows && raw.cells.length < this.width) {
      const missing = this.columns
        .filter((column) => !column.extra && column.index >= raw.cells.length)
        .map(displayName);
      if (missing.length > 0) {
        this.issues.add({
          code: 'missing-values',
          row: raw.row,
          column: missing[0],
          params: {
            count: missing.length,
            columns: missing.join(', '),
            found: raw.cells.length,
            expected: this.width,
          },
        });
      }
    }
  }

  private cellValue(raw: RawRow, column: ActiveColumn, text: string): CellValue {
    let cell = text;
    if (
      cell !== '' &&
      cell.length <= this.maxPlaceholderLength &&
      this.placeholderSet.has(cell.toLowerCase())
    ) {
      this.countPlaceholder(column, cell, raw.row);
      if (this.options.placeholders === 'empty') cell = '';
    }
    if (column.type === 'text') return cell;

    const converted = convertCell(cell, column.type);
    if (converted.invalid) {
      const code =
        column.type === 'number'
          ? 'not-a-number'
          : column.type === 'date'
            ? 'not-a-date'
            : 'not-a-boolean';
      this.issues.add({
        code,
        row: raw.row,
        column: displayName(column),
        field: column.field ?? undefined,
        value: cell,
      });
    }
    return converted.value;
  }

  /**
   * Reports an amount above `MAX_AMOUNT_YUAN`: no deal is that large, and
   * beyond Number.MAX_SAFE_INTEGER the typed number has already lost digits.
   * The cell's text is quoted, because the typed value may differ from it.
   */
  private checkAmountSize(row: number, column: ActiveColumn, text: string): void {
    const amount = readNumberText(text.replace(AMOUNT_DECORATION, ''));
    if (amount === null || Math.abs(amount) <= MAX_AMOUNT_YUAN) return;
    this.issues.add({
      code: 'amount-too-large',
      row,
      column: displayName(column),
      field: 'amount',
      value: text,
      params: { limit: `¥${MAX_AMOUNT_YUAN.toLocaleString('en-US')}` },
    });
  }

  /**
   * Builds one `column-empty` issue per mapped column with a value in at
   * most 5 % of the rows (none at all below 20 rows). A mapping to the wrong
   * column, or an export that left the column out, looks like this.
   */
  private emptyColumnIssues(columns: readonly ImportColumn[]) {
    if (this.rowCount === 0) return [];
    const allowedFilled = Math.floor(this.rowCount * EMPTY_COLUMN_SHARE);
    return columns
      .filter((column) => column.field !== null)
      .filter((column) => (this.filledCells.get(column.key) ?? 0) <= allowedFilled)
      .map((column) => ({
        code: 'column-empty' as const,
        column: displayName(column),
        field: column.field ?? undefined,
        params: {
          empty: this.rowCount - (this.filledCells.get(column.key) ?? 0),
          rows: this.rowCount,
        },
      }));
  }

  private countPlaceholder(column: ActiveColumn, value: string, row: number): void {
    const id = `${column.key}\u0000${value}`;
    const entry = this.placeholders.get(id);
    if (entry) {
      entry.count++;
    } else {
      this.placeholders.set(id, { column: displayName(column), value, count: 1, firstRow: row });
    }
  }

  private validate(row: number, values: Record<string, CellValue>): void {
    let phoneColumn: ActiveColumn | undefined;
    let phoneEmpty = true;
    let telEmpty = true;
    for (const column of this.columns) {
      const value = values[column.key];
      const text = cellToText(value);
      switch (column.field) {
        case 'phone':
          phoneColumn = column;
          phoneEmpty = text === '';
          this.checkPhoneCell(row, column, text, true);
          break;
        case 'tel':
          telEmpty = text === '';
          this.checkPhoneCell(row, column, text, false);
          break;
        case 'email':
          this.checkEmailCell(row, column, text);
          break;
        case 'amount':
          if (isNegativeAmount(value)) {
            this.issues.add({
              code: 'amount-negative',
              row,
              column: displayName(column),
              field: 'amount',
              value: text,
            });
          }
          break;
        case 'id':
        case 'postalCode':
          if (EXPONENT_NOTATION.test(text)) {
            this.issues.add({
              code: 'code-scientific',
              row,
              column: displayName(column),
              field: column.field,
              value: text,
            });
          }
          break;
      }
    }
    if (phoneColumn && phoneEmpty && telEmpty) {
      this.issues.add({
        code: 'phone-missing',
        row,
        column: displayName(phoneColumn),
        field: 'phone',
      });
    }
    this.checkKeyColumn(row, values);
  }

  private checkPhoneCell(
    row: number,
    column: ActiveColumn,
    text: string,
    isPrimary: boolean,
  ): void {
    if (text === '') return;
    const check = checkPhone(text);
    const base = {
      row,
      column: displayName(column),
      field: column.field ?? undefined,
      value: text,
    };
    if (check.kind === 'scientific') {
      this.issues.add({ code: 'phone-scientific', ...base });
      return;
    }
    if (check.kind === 'invalid') {
      this.issues.add({ code: 'phone-invalid', ...base });
    }
    if (!isPrimary) return;

    const key = check.normalised ?? phoneDedupKey(text);
    if (key.length < 5) return;
    const firstRow = this.seenPhones.get(key);
    if (firstRow === undefined) {
      this.seenPhones.set(key, row);
    } else {
      this.issues.add({ code: 'duplicate-phone', ...base, params: { firstRow } });
    }
  }

  private checkEmailCell(row: number, column: ActiveColumn, text: string): void {
    if (text === '') return;
    const base = { row, column: displayName(column), field: 'email', value: text };
    if (!isValidEmail(text)) {
      this.issues.add({ code: 'email-invalid', ...base });
      return;
    }
    const key = emailDedupKey(text);
    const firstRow = this.seenEmails.get(key);
    if (firstRow === undefined) {
      this.seenEmails.set(key, row);
    } else {
      this.issues.add({ code: 'duplicate-email', ...base, params: { firstRow } });
    }
  }

  private checkKeyColumn(row: number, values: Record<string, CellValue>): void {
    const key = this.keyColumn;
    if (!key) return;
    const keyValue = values[key.key];
    if (keyValue !== '' && keyValue !== null && keyValue !== undefined) return;
    const othersFilled = this.columns.some(
      (column) => column !== key && values[column.key] !== '' && values[column.key] !== null,
    );
    if (othersFilled) {
      this.issues.add({
        code: 'key-missing',
        row,
        column: displayName(key),
        field: key.field ?? undefined,
      });
    }
  }
}

const NEGATIVE_AMOUNT_TEXT = /^(?:[¥￥$]\s*)?[-−]\s*(?:[¥￥$]\s*)?\d/;

/** True for a number below zero or a text such as `-80000`, `¥-1,200` or `−5`. */
function isNegativeAmount(value: CellValue | undefined): boolean {
  if (typeof value === 'number') return value < 0;
  return typeof value === 'string' && NEGATIVE_AMOUNT_TEXT.test(value.trim());
}

function cellToText(value: CellValue | undefined): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return String(value);
}

function publicColumn(column: ActiveColumn): ImportColumn {
  const { index: _index, ...rest } = column;
  return { ...rest };
}

function displayName(column: ImportColumn): string {
  return column.header || column.key;
}

/**
 * Throws when a table has no data rows and the caller did not allow that:
 * `no-data-rows` with the header row, or `file-empty` without a header.
 */
export function requireDataRows(summary: TableSummary, options: TableOptions): void {
  if (summary.report.rowCount > 0 || options.emptyTable === 'allow') return;
  if (summary.headerRow === null) {
    throw new ImportError('file-empty', 'The file is empty. Choose the exported file again.');
  }
  throw new ImportError(
    'no-data-rows',
    `The file has a header (row ${summary.headerRow}) but no data rows. ` +
      'Add the records below the header, or choose the file that contains them.',
    { row: summary.headerRow },
  );
}

/** Spreadsheet column letter of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
