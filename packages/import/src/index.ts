export { importFile, type ImportOptions, type ImportResult } from './import-file.js';
export {
  CsvImportStream,
  importCsvStream,
  type CsvImportOptions,
  type CsvImportSummary,
  type CsvStreamRunOptions,
  type ImportProgress,
} from './csv-import-stream.js';
export { importSheet, type SheetImportOptions, type SheetImportSummary } from './sheet-import.js';
export {
  columnLetter,
  type ImportColumn,
  type ImportRow,
  type TableOptions,
  type TableSummary,
} from './table-builder.js';
export {
  ISSUE_SEVERITY,
  type ImportIssue,
  type ImportIssueCode,
  type ImportReport,
  type IssueSeverity,
  type PlaceholderCount,
} from './import-report.js';
export { ImportError, type ImportErrorCode } from './import.error.js';
export { detectFileFormat, type FileFormat } from './format-detect.js';
export {
  StreamingTextDecoder,
  decodeText,
  resolveEncodingName,
  type EncodingInfo,
  type EncodingReason,
  type TextEncodingName,
} from './text-decoder.js';
export {
  DELIMITERS,
  detectNewline,
  sniffDelimiter,
  type Delimiter,
  type Newline,
} from './delimiter-sniff.js';
export { detectHeaderRow } from './header-detect.js';
export {
  mapColumns,
  isStandardField,
  type MappingOverrides,
  type MappingSource,
} from './column-mapping.js';
export {
  STANDARD_FIELDS,
  FIELD_SYNONYMS,
  normaliseHeader,
  TEXT_FIELD_KINDS,
  textFieldKind,
  type StandardField,
  type TextFieldKind,
} from './field-synonyms.js';
export {
  DEFAULT_PLACEHOLDER_VALUES,
  MAX_AMOUNT_YUAN,
  convertCell,
  readNumberText,
  type CellValue,
  type ColumnType,
} from './cell-values.js';
export {
  checkPhone,
  phoneDedupKey,
  isValidEmail,
  emailDedupKey,
  type PhoneCheck,
  type PhoneKind,
} from './contact-check.js';
export { excelSerialToText, normaliseDateText } from './excel-date.js';
export { numberToPlainText } from './workbook-reader.js';
export {
  importMessages,
  formatImportMessage,
  formatImportIssue,
  type ImportMessageLanguage,
} from './import-messages.js';
export * from './reps/index.js';

// Result files (the CLI's and the app's allocation result)
export * from './export/index.js';
