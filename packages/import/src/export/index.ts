export {
  RESULT_COLUMNS,
  buildResultRow,
  buildResultTable,
  cellText,
  createResultLayout,
  listWrittenFields,
  type LeadOutcome,
  type ResultCellValue,
  type ResultInputColumn,
  type ResultLayout,
  type ResultRep,
} from './result-table.js';
export {
  CSV_BOM,
  CSV_LINE_END,
  csvLine,
  neutraliseFormula,
  resultCsvText,
  writeResultCsv,
} from './result-csv.js';
export { writeResultXlsx } from './result-xlsx.js';
export { formatReasonText, type ReasonSource, type ReasonTemplates } from './reason-text.js';
