import type { ImportErrorCode } from './import.error.js';
import type { ImportIssue, ImportIssueCode } from './import-report.js';

/** Languages of the message catalogue. */
export type ImportMessageLanguage = 'en' | 'zh-CN';

type Catalogue = Record<ImportIssueCode | ImportErrorCode, string>;

/**
 * Message templates for import issues and errors, keyed by code, in the
 * interpolation syntax of i18next (`{{row}}`), so that a host can load them
 * as i18next resources. Each message states what is wrong and what to do.
 */
export const importMessages: Readonly<Record<ImportMessageLanguage, Catalogue>> = {
  en: {
    'header-not-found':
      'No header row was recognised; row {{row}} is used as the header. Choose the header row if that is wrong.',
    'duplicate-header':
      'The header on row {{row}} names column {{column}} {{count}} times; the repeats are kept as {{keys}}. Rename them in the file if they hold different data, and check their mapping.',
    'no-contact-column':
      'No column was recognised as phone or e-mail, so duplicates cannot be found. Map the contact columns by hand.',
    'phone-missing':
      'Row {{row}}: {{column}} is empty. Fill in a phone number or leave the lead without one.',
    'phone-invalid':
      'Row {{row}}: {{column}} "{{value}}" is not a valid mobile (11 digits starting 13–19) or landline (area code 0xx/0xxx and 7–8 digits). Correct the number.',
    'phone-scientific':
      'Row {{row}}: {{column}} "{{value}}" was turned into scientific notation by Excel and its digits are lost. Format the column as text in the source file and export it again.',
    'code-scientific':
      'Row {{row}}: {{column}} "{{value}}" was turned into scientific notation by Excel and its digits are lost. Format the column as text in the source file and export it again.',
    'email-invalid':
      'Row {{row}}: {{column}} "{{value}}" is not a valid e-mail address. Correct it.',
    'duplicate-phone':
      'Row {{row}}: phone {{value}} already appears in row {{firstRow}}. Keep one of the rows, or let the dedup node handle it.',
    'duplicate-email':
      'Row {{row}}: e-mail {{value}} already appears in row {{firstRow}}. Keep one of the rows, or let the dedup node handle it.',
    'placeholder-values':
      'Column {{column}} holds the placeholder "{{value}}" in {{count}} rows, first in row {{row}}. Treat it as empty.',
    'extra-values':
      'Row {{row}} has {{count}} extra value(s) beyond the header: {{values}}. They are kept under {{columns}}; check the row for a stray delimiter.',
    'missing-values':
      'Row {{row}} has {{found}} of {{expected}} values; {{columns}} are empty. Check the row for a missing delimiter.',
    'key-missing':
      'Row {{row}}: {{column}} is empty although other cells are filled. Fill it in, or delete the row if it is not a record.',
    'not-a-number':
      'Row {{row}}: {{column}} "{{value}}" is not a number. It is kept as text; correct it or type the column as text.',
    'amount-negative':
      'Row {{row}}: {{column}} "{{value}}" is a negative amount. Correct it if it is not a refund; the dashboard leaves negative amounts out of revenue.',
    'amount-too-large':
      'Row {{row}}: {{column}} "{{value}}" is more than {{limit}}, the largest amount sras reads. An amount this large is a typing error or has lost digits; the dashboard leaves it out of revenue. Correct it in the file.',
    'column-empty':
      'Column {{column}} is mapped but empty in {{empty}} of {{rows}} rows. Check that the right column is mapped and that the file holds its values.',
    'not-a-date':
      'Row {{row}}: {{column}} "{{value}}" is not a date. It is kept as text; correct it or type the column as text.',
    'not-a-boolean':
      'Row {{row}}: {{column}} "{{value}}" is not yes or no. It is kept as text; correct it or type the column as text.',
    'type-ignored':
      'Column {{column}} holds {{field}} values and stays text, so leading zeros are kept; the {{type}} type was ignored.',
    'malformed-quotes':
      "Row {{row}} has an unbalanced quote character. Check that the row's cells are split correctly.",
    'cell-error':
      'Row {{row}}, column {{column}} holds the Excel error {{value}} and is read as empty. Fix the formula.',
    'file-empty': 'The file is empty. Choose the exported file again.',
    'file-binary':
      'This file is not a text spreadsheet (it contains binary data). Export it from Excel as CSV or XLSX and import that file.',
    'no-data-rows':
      'The file has a header (row {{row}}) but no data rows. Add the records below the header, or choose the file that contains them.',
    'format-unsupported':
      'The file is not a CSV, TSV, TXT, XLSX or XLS file. Save it in one of these formats.',
    'workbook-unreadable':
      'The workbook could not be read. Open it in Excel or WPS and save it again as .xlsx.',
    'workbook-encrypted':
      'The workbook is password-protected. Remove the password and import it again.',
    'sheet-not-found': 'The workbook has no sheet "{{sheet}}". Its sheets are: {{sheets}}.',
    'encoding-unknown':
      'Unknown encoding "{{encoding}}". Use utf-8, gb18030 (also for GBK), utf-16le or utf-16be.',
    'encoding-inconsistent':
      'The file stops being valid UTF-8 at byte {{byteOffset}}. Save it again as "CSV UTF-8", or choose the encoding by hand.',
    'header-row-out-of-range':
      'Row {{row}} was chosen as the header but has no cells. Choose the row that holds the column names.',
    'mapping-column-not-found':
      'The mapping names the column "{{column}}", which the file does not have. Its columns are: {{columns}}.',
    'unterminated-quote':
      'A quote opened near row {{row}} is never closed. Close it, or remove the stray " character.',
  },
  'zh-CN': {
    'header-not-found': '未识别出表头行，已把第 {{row}} 行当作表头。如果不对，请手动选择表头行。',
    'duplicate-header':
      '第 {{row}} 行表头中 {{column}} 列出现了 {{count}} 次，重复的列已保存为 {{keys}}。如果它们内容不同，请在文件中改名，并检查其映射。',
    'no-contact-column': '没有识别出手机或邮箱列，无法查找重复线索。请手动映射联系方式列。',
    'phone-missing': '第 {{row}} 行：{{column}} 为空。请补充电话号码，或确认该线索没有电话。',
    'phone-invalid':
      '第 {{row}} 行：{{column}}“{{value}}”不是有效的手机号（13–19 开头的 11 位数字）或座机号（区号 0xx/0xxx 加 7–8 位号码）。请更正。',
    'phone-scientific':
      '第 {{row}} 行：{{column}}“{{value}}”已被 Excel 转成科学计数法，原号码的数字已丢失。请在源文件中把该列设为文本格式后重新导出。',
    'code-scientific':
      '第 {{row}} 行：{{column}}“{{value}}”已被 Excel 转成科学计数法，原编号的数字已丢失。请在源文件中把该列设为文本格式后重新导出。',
    'email-invalid': '第 {{row}} 行：{{column}}“{{value}}”不是有效的邮箱地址。请更正。',
    'duplicate-phone':
      '第 {{row}} 行：手机号 {{value}} 与第 {{firstRow}} 行重复。请保留其中一行，或交给撞单保护节点处理。',
    'duplicate-email':
      '第 {{row}} 行：邮箱 {{value}} 与第 {{firstRow}} 行重复。请保留其中一行，或交给撞单保护节点处理。',
    'placeholder-values':
      '{{column}} 列有 {{count}} 行填的是占位值“{{value}}”（首次出现在第 {{row}} 行）。建议当作空值处理。',
    'extra-values':
      '第 {{row}} 行比表头多出 {{count}} 个值：{{values}}。这些值保存在 {{columns}} 列中；请检查该行是否多了分隔符。',
    'missing-values':
      '第 {{row}} 行只有 {{found}} 个值（应为 {{expected}} 个），{{columns}} 为空。请检查该行是否缺少分隔符。',
    'key-missing':
      '第 {{row}} 行：{{column}} 为空，但其他单元格有内容。请补充，或在不是数据行时删除该行。',
    'not-a-number':
      '第 {{row}} 行：{{column}}“{{value}}”不是数字，已按文本保留。请更正，或把该列设为文本。',
    'amount-negative':
      '第 {{row}} 行：{{column}}“{{value}}”是负数金额。如果不是退款，请更正；业绩看板不把负数金额计入业绩。',
    'amount-too-large':
      '第 {{row}} 行：{{column}}“{{value}}”超过 {{limit}}，这是系统能读取的最大金额。这么大的金额通常是录入错误或已丢失位数，业绩看板不把它计入业绩。请在文件中更正。',
    'column-empty':
      '{{column}} 列已映射，但 {{rows}} 行中有 {{empty}} 行为空。请确认映射的是正确的列，以及文件中确有这些值。',
    'not-a-date':
      '第 {{row}} 行：{{column}}“{{value}}”不是日期，已按文本保留。请更正，或把该列设为文本。',
    'not-a-boolean':
      '第 {{row}} 行：{{column}}“{{value}}”不是“是/否”，已按文本保留。请更正，或把该列设为文本。',
    'type-ignored':
      '{{column}} 列是 {{field}}，始终按文本保存以保留开头的 0；已忽略 {{type}} 类型设置。',
    'malformed-quotes': '第 {{row}} 行的引号不成对。请检查该行的单元格是否被正确拆分。',
    'cell-error':
      '第 {{row}} 行 {{column}} 列是 Excel 错误值 {{value}}，已按空值读取。请修正公式。',
    'file-empty': '文件是空的。请重新选择导出的文件。',
    'file-binary':
      '该文件不是文本表格（其中包含二进制数据）。请在 Excel 中另存为 CSV 或 XLSX 后再导入。',
    'no-data-rows':
      '文件只有表头（第 {{row}} 行），没有数据行。请在表头下方填入数据，或选择包含数据的文件。',
    'format-unsupported': '文件不是 CSV、TSV、TXT、XLSX 或 XLS 格式。请另存为其中一种格式。',
    'workbook-unreadable': '无法读取该工作簿。请用 Excel 或 WPS 打开后另存为 .xlsx。',
    'workbook-encrypted': '工作簿设置了密码。请取消密码后重新导入。',
    'sheet-not-found': '工作簿中没有名为“{{sheet}}”的工作表。现有工作表：{{sheets}}。',
    'encoding-unknown':
      '未知编码“{{encoding}}”。请使用 utf-8、gb18030（GBK 也选它）、utf-16le 或 utf-16be。',
    'encoding-inconsistent':
      '文件从第 {{byteOffset}} 字节起不再是有效的 UTF-8。请另存为“CSV UTF-8”，或手动选择编码。',
    'header-row-out-of-range': '选择的表头行第 {{row}} 行没有内容。请选择包含列名的那一行。',
    'mapping-column-not-found': '映射中的列“{{column}}”在文件中不存在。文件的列有：{{columns}}。',
    'unterminated-quote': '第 {{row}} 行附近的引号没有闭合。请补上引号，或删除多余的 " 字符。',
  },
};

/** Fills a message template of `importMessages` for an issue or error code. */
export function formatImportMessage(
  code: ImportIssueCode | ImportErrorCode,
  params: Readonly<Record<string, string | number | undefined>>,
  language: ImportMessageLanguage = 'en',
): string {
  const template = importMessages[language][code];
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(params[name] ?? ''));
}

/** Message of an import issue in the given language. */
export function formatImportIssue(
  issue: ImportIssue,
  language: ImportMessageLanguage = 'en',
): string {
  return formatImportMessage(
    issue.code,
    {
      row: issue.row,
      column: issue.column,
      field: issue.field,
      value: issue.value,
      ...issue.params,
    },
    language,
  );
}
