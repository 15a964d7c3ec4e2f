import { normaliseHeader } from '../field-synonyms.js';

/** Fields of a rep that the rep table holds, one column each. */
export type RepTableField =
  | 'id'
  | 'name'
  | 'team'
  | 'active'
  | 'weight'
  | 'capacityDay'
  | 'capacityWeek'
  | 'capacityMonth'
  | 'unavailable'
  | 'openLeads'
  | 'employmentStart'
  | 'employmentEnd';

/** Languages of the rep table's headers. */
export type RepTableLanguage = 'en' | 'zh-CN';

/** One column of the rep table with its English and Chinese header. */
export interface RepTableColumn {
  field: RepTableField;
  en: string;
  zh: string;
}

/**
 * The columns of the rep table in the order they are written. The English
 * headers are the ones the `sras` command documents; the Chinese ones are
 * accepted on import and written when a Chinese interface exports.
 * `employment_start` and `employment_end` are optional columns.
 */
export const REP_TABLE_COLUMNS: readonly RepTableColumn[] = [
  { field: 'id', en: 'id', zh: '编号' },
  { field: 'name', en: 'name', zh: '姓名' },
  { field: 'team', en: 'team', zh: '团队' },
  { field: 'active', en: 'active', zh: '在职' },
  { field: 'weight', en: 'weight', zh: '权重' },
  { field: 'capacityDay', en: 'capacity_day', zh: '日上限' },
  { field: 'capacityWeek', en: 'capacity_week', zh: '周上限' },
  { field: 'capacityMonth', en: 'capacity_month', zh: '月上限' },
  { field: 'unavailable', en: 'unavailable', zh: '休假' },
  { field: 'openLeads', en: 'open_leads', zh: '在手线索' },
  { field: 'employmentStart', en: 'employment_start', zh: '入职日期' },
  { field: 'employmentEnd', en: 'employment_end', zh: '离职日期' },
];

/** Columns that a rep table must have. */
export const REQUIRED_REP_COLUMNS: readonly RepTableField[] = ['id', 'name'];

const HEADER_INDEX = new Map<string, RepTableField>(
  REP_TABLE_COLUMNS.flatMap((column) => [
    [normaliseHeader(column.en), column.field] as const,
    [normaliseHeader(column.zh), column.field] as const,
  ]),
);

/**
 * The rep field a header names, in English or Chinese, compared after
 * `normaliseHeader` (so `Capacity Day`, `capacity-day` and `日上限*` match);
 * null for any other header.
 */
export function repFieldOfHeader(header: string): RepTableField | null {
  return HEADER_INDEX.get(normaliseHeader(header)) ?? null;
}

/** Header of a rep field in a language. */
export function repTableHeader(field: RepTableField, language: RepTableLanguage): string {
  const column = REP_TABLE_COLUMNS.find((candidate) => candidate.field === field);
  if (!column) throw new Error(`Unknown rep table field "${field}".`);
  return language === 'zh-CN' ? column.zh : column.en;
}
