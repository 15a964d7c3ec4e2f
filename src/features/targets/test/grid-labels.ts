import type { GridTableLabels } from '../grid-table';
import { GRID_COLUMNS } from '../plan-grid';
import type { ColumnKey } from '../target-plan.types';

const CHINESE_COLUMNS: Record<ColumnKey, string> = {
  year: '全年',
  q1: '一季度',
  q2: '二季度',
  q3: '三季度',
  q4: '四季度',
  m1: '1月',
  m2: '2月',
  m3: '3月',
  m4: '4月',
  m5: '5月',
  m6: '6月',
  m7: '7月',
  m8: '8月',
  m9: '9月',
  m10: '10月',
  m11: '11月',
  m12: '12月',
};

export const CHINESE_LABELS: GridTableLabels = {
  rowKey: '行标识',
  team: '团队',
  name: '姓名',
  columns: CHINESE_COLUMNS,
  company: '全公司',
  noTeam: '未分组',
};

export const HEADER_ALIASES = Object.fromEntries([
  ['rowKey', ['行标识', 'Row ID']],
  ...GRID_COLUMNS.map((column) => [column, [CHINESE_COLUMNS[column]]]),
]) as Record<ColumnKey | 'rowKey', string[]>;
