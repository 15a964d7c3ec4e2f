import type { ImportErrorCode } from '../import.error.js';
import { formatImportMessage, type ImportMessageLanguage } from '../import-messages.js';

/** Codes of the problems a rep table can have. */
export type RepTableProblemCode =
  | 'file-unreadable'
  | 'no-reps'
  | 'missing-column'
  | 'duplicate-column'
  | 'unknown-column'
  | 'id-missing'
  | 'name-missing'
  | 'name-too-long'
  | 'duplicate-id'
  | 'invalid-active'
  | 'invalid-weight'
  | 'invalid-capacity'
  | 'invalid-open-leads'
  | 'invalid-date'
  | 'invalid-unavailable'
  | 'employment-order';

/**
 * One problem of a rep table. `row` is the 1-based file line or sheet row,
 * `column` the header as written in the file. An `error` rejects the table;
 * a `warning` is shown but does not stop an import.
 */
export interface RepTableProblem {
  code: RepTableProblemCode;
  severity: 'error' | 'warning';
  row?: number;
  column?: string;
  value?: string;
  params: Record<string, string | number>;
}

export const REP_TABLE_SEVERITY: Readonly<Record<RepTableProblemCode, 'error' | 'warning'>> = {
  'file-unreadable': 'error',
  'no-reps': 'error',
  'missing-column': 'error',
  'duplicate-column': 'error',
  'unknown-column': 'warning',
  'id-missing': 'error',
  'name-missing': 'error',
  'name-too-long': 'error',
  'duplicate-id': 'error',
  'invalid-active': 'error',
  'invalid-weight': 'error',
  'invalid-capacity': 'error',
  'invalid-open-leads': 'error',
  'invalid-date': 'error',
  'invalid-unavailable': 'error',
  'employment-order': 'error',
};

type Catalogue = Record<Exclude<RepTableProblemCode, 'file-unreadable'>, string>;

/** Message templates of rep table problems in i18next `{{name}}` syntax; each says what to do. */
export const repTableMessages: Readonly<Record<ImportMessageLanguage, Catalogue>> = {
  en: {
    'no-reps': 'The file has a header row but no reps below it. Add one row per rep.',
    'missing-column':
      'The file has no {{en}} column ({{zh}}). Add it: every rep needs an id and a name.',
    'duplicate-column':
      'Column {{column}} holds the same field as column {{first}}. Delete one of the two columns.',
    'unknown-column':
      'Column {{column}} is not a rep column and is ignored. The rep columns are id, name, team, active, weight, capacity_day, capacity_week, capacity_month, unavailable, open_leads, employment_start and employment_end.',
    'id-missing': 'Row {{row}}: {{column}} is empty. Give every rep a unique id.',
    'name-missing': "Row {{row}}: {{column}} is empty. Fill in the rep's name.",
    'name-too-long':
      "Row {{row}}: {{column}} is longer than {{max}} characters. Shorten the rep's name.",
    'duplicate-id':
      'Row {{row}}: id "{{value}}" is already used in row {{firstRow}}. Give each rep its own id.',
    'invalid-active':
      'Row {{row}}: {{column}} "{{value}}" is not yes or no. Write yes, no, true, false, 1 or 0, or leave it empty for an active rep.',
    'invalid-weight':
      'Row {{row}}: {{column}} "{{value}}" is not a number greater than 0. Write a weight such as 1 or 1.5, or leave it empty for 1.',
    'invalid-capacity':
      'Row {{row}}: {{column}} "{{value}}" is not a whole number. Write the number of leads, 0 to pause the rep, or leave it empty for no limit.',
    'invalid-open-leads':
      'Row {{row}}: {{column}} "{{value}}" is not a whole number. Write the number of open leads, or leave it empty for 0.',
    'invalid-date':
      'Row {{row}}: {{column}} "{{value}}" is not a date. Write it as YYYY-MM-DD, or leave it empty.',
    'invalid-unavailable':
      'Row {{row}}: {{column}} part "{{part}}" is not a day or a range of days. Write days as YYYY-MM-DD and ranges as 2026-12-01~2026-12-03, separated by ";", with the start on or before the end.',
    'employment-order':
      'Row {{row}}: {{column}} {{value}} is before the start of employment {{start}}. Correct one of the two dates.',
  },
  'zh-CN': {
    'no-reps': '文件只有表头，没有销售人员。请每行填写一名销售。',
    'missing-column': '文件缺少 {{zh}}（{{en}}）列。请补上：每名销售都需要编号和姓名。',
    'duplicate-column': '{{column}} 列与 {{first}} 列是同一个字段。请删除其中一列。',
    'unknown-column':
      '{{column}} 列不是销售人员的列，已忽略。可用的列：编号、姓名、团队、在职、权重、日上限、周上限、月上限、休假、在手线索、入职日期、离职日期。',
    'id-missing': '第 {{row}} 行：{{column}} 为空。请为每名销售填写唯一的编号。',
    'name-missing': '第 {{row}} 行：{{column}} 为空。请填写销售的姓名。',
    'name-too-long': '第 {{row}} 行：{{column}} 超过 {{max}} 个字符。请缩短销售的姓名。',
    'duplicate-id':
      '第 {{row}} 行：编号“{{value}}”已在第 {{firstRow}} 行使用。请为每名销售使用不同的编号。',
    'invalid-active':
      '第 {{row}} 行：{{column}}“{{value}}”不是“是/否”。请填写 是、否、1 或 0；留空表示在职。',
    'invalid-weight':
      '第 {{row}} 行：{{column}}“{{value}}”不是大于 0 的数字。请填写 1、1.5 这样的权重；留空表示 1。',
    'invalid-capacity':
      '第 {{row}} 行：{{column}}“{{value}}”不是整数。请填写线索数量，0 表示暂停分配，留空表示不限。',
    'invalid-open-leads':
      '第 {{row}} 行：{{column}}“{{value}}”不是整数。请填写在手线索数量；留空表示 0。',
    'invalid-date': '第 {{row}} 行：{{column}}“{{value}}”不是日期。请按 YYYY-MM-DD 填写，或留空。',
    'invalid-unavailable':
      '第 {{row}} 行：{{column}}中的“{{part}}”不是日期或日期区间。日期写成 YYYY-MM-DD，区间写成 2026-12-01~2026-12-03，多段用“;”分隔，开始日期不能晚于结束日期。',
    'employment-order':
      '第 {{row}} 行：{{column}} {{value}} 早于入职日期 {{start}}。请更正其中一个日期。',
  },
};

/** Message of a rep table problem in the given language. */
export function formatRepTableProblem(
  problem: RepTableProblem,
  language: ImportMessageLanguage = 'en',
): string {
  const params = {
    row: problem.row,
    column: problem.column,
    value: problem.value,
    ...problem.params,
  };
  if (problem.code === 'file-unreadable') {
    return formatImportMessage(problem.params.reason as ImportErrorCode, params, language);
  }
  const template = repTableMessages[language][problem.code];
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) =>
    String((params as Record<string, unknown>)[name] ?? ''),
  );
}
