export {
  REP_TABLE_COLUMNS,
  REQUIRED_REP_COLUMNS,
  repFieldOfHeader,
  repTableHeader,
  type RepTableColumn,
  type RepTableField,
  type RepTableLanguage,
} from './rep-table.columns.js';
export {
  readRepTable,
  parseRepTable,
  type RepTableEntry,
  type RepTableInput,
  type RepTableResult,
} from './rep-table.reader.js';
export {
  REP_TABLE_SEVERITY,
  repTableMessages,
  formatRepTableProblem,
  type RepTableProblem,
  type RepTableProblemCode,
} from './rep-table.problems.js';
export {
  writeRepTableCsv,
  writeRepTableXlsx,
  repTableCells,
  type RepTableWriteEntry,
  type RepTableWriteOptions,
} from './rep-table.writer.js';
export {
  readActive,
  readCapacity,
  readDate,
  readOpenLeads,
  readUnavailable,
  readWeight,
  writeUnavailable,
  type DateRange,
} from './rep-table.values.js';
