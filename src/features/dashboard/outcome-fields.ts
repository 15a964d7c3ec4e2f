/**
 * Which dataset columns hold the outcome of a lead or deal, and how a won
 * deal is recognised.
 */

/**
 * Outcome fields the dashboard reads from a dataset, named as the import
 * package names the standard fields, so that a column the import wizard
 * mapped (and stored under the field's name) needs no second mapping.
 */
export const OUTCOME_FIELDS = [
  'owner',
  'status',
  'stage',
  'wonFlag',
  'amount',
  'closedAt',
  'createdAt',
  'source',
] as const;

export type OutcomeField = (typeof OUTCOME_FIELDS)[number];

/** Column key for each outcome field the dataset has. */
export type OutcomeMapping = Partial<Record<OutcomeField, string>>;

/**
 * Status or stage values that mean a won deal, compared after trimming and
 * ignoring case. Users can replace the list per dashboard.
 */
export const DEFAULT_WON_VALUES: readonly string[] = [
  '赢单',
  '成交',
  '已成交',
  '签约',
  '已签约',
  '已赢单',
  '成单',
  '已付款',
  'won',
  'closed won',
  'closed-won',
  'win',
];

/** Status or stage values that mean a lost deal; they end the funnel. */
export const DEFAULT_LOST_VALUES: readonly string[] = [
  '输单',
  '丢单',
  '已输单',
  '失败',
  '无效',
  'lost',
  'closed lost',
  'closed-lost',
];

/** A common order of sales stages, earliest first, for the funnel. */
export const DEFAULT_STAGE_ORDER: readonly string[] = [
  '线索',
  '新线索',
  '初步沟通',
  '初步接洽',
  '需求确认',
  '需求分析',
  '方案报价',
  '报价',
  '商务谈判',
  '谈判',
  '合同审批',
  '赢单',
  '成交',
  'lead',
  'new',
  'contacted',
  'qualified',
  'proposal',
  'negotiation',
  'won',
  'closed won',
];

const TRUE_FLAGS = new Set([
  '是',
  '对',
  '√',
  '✓',
  'y',
  'yes',
  'true',
  '1',
  't',
  '赢单',
  '成交',
  '已成交',
  'won',
]);

function normalise(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .trim()
    .toLowerCase();
}

/** Reads a won-flag cell: `是`, `Y`, `yes`, `true`, `1`, `赢单`, `TRUE` and the boolean true. */
export function readWonFlag(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1;
  if (typeof value !== 'string') return false;
  return TRUE_FLAGS.has(normalise(value));
}

/** Returns true when a status or stage value is one of `values`. */
export function matchesValue(value: unknown, values: readonly string[]): boolean {
  if (value === null || value === undefined) return false;
  const text = normalise(String(value));
  return text !== '' && values.some((candidate) => normalise(candidate) === text);
}

/** How a row's outcome is decided, from the mapping and the user's choices. */
export interface WonRule {
  mapping: OutcomeMapping;
  wonValues?: readonly string[];
  /** For a spreadsheet that lists only won deals and has no status, stage or won column. */
  everyRowWon?: boolean;
}

/**
 * Builds the test of whether a row is a won deal: by the won-flag column
 * when mapped, else by the status column, else by the stage column, else by
 * `everyRowWon`. The won values are folded once, not per row.
 */
export function createWonTest(rule: WonRule): (row: Record<string, unknown>) => boolean {
  const { mapping, wonValues = DEFAULT_WON_VALUES, everyRowWon = false } = rule;
  const wonColumn = mapping.wonFlag;
  if (wonColumn) return (row) => readWonFlag(row[wonColumn]);

  const valueColumn = mapping.status ?? mapping.stage;
  if (!valueColumn) return () => everyRowWon;
  const folded = new Set(wonValues.map(normalise).filter((value) => value !== ''));
  const seen = new Map<unknown, boolean>();
  return (row) => {
    const value = row[valueColumn];
    if (value === null || value === undefined) return false;
    let won = seen.get(value);
    if (won === undefined) {
      won = folded.has(normalise(String(value)));
      seen.set(value, won);
    }
    return won;
  };
}

/** Decides whether one row is a won deal; see `createWonTest`, which is faster for many rows. */
export function isWonRow(row: Record<string, unknown>, rule: WonRule): boolean {
  return createWonTest(rule)(row);
}

/** Header names, in Chinese and English, that suggest each outcome field. */
const HEADER_SYNONYMS: Record<OutcomeField, readonly string[]> = {
  owner: [
    '负责人',
    '归属人',
    '所属销售',
    '销售',
    '销售人员',
    '业务员',
    '跟进人',
    '所有人',
    '销售代表',
    'owner',
    'owner_id',
    'ownerid',
    'sales rep',
    'rep',
    'assignee',
    'assigned to',
  ],
  status: ['状态', '商机状态', '订单状态', '线索状态', 'status', 'deal status'],
  stage: ['阶段', '销售阶段', '商机阶段', 'stage', 'deal stage', 'pipeline stage'],
  wonFlag: ['是否赢单', '是否成交', '赢单', '成交', 'won', 'is won', 'closed won'],
  amount: [
    '金额',
    '成交金额',
    '合同金额',
    '订单金额',
    '商机金额',
    '销售额',
    '回款金额',
    'amount',
    'deal amount',
    'revenue',
    'value',
  ],
  closedAt: [
    '成交日期',
    '成交时间',
    '签约日期',
    '签约时间',
    '关闭日期',
    '结单日期',
    '赢单日期',
    'close date',
    'closed date',
    'closed at',
    'won date',
  ],
  createdAt: [
    '创建日期',
    '创建时间',
    '分配日期',
    '分配时间',
    '录入时间',
    '线索创建时间',
    'created',
    'created date',
    'created at',
    'create time',
    'assigned at',
  ],
  source: [
    '来源',
    '线索来源',
    '客户来源',
    '信息来源',
    '渠道',
    '来源渠道',
    'source',
    'lead source',
    'channel',
  ],
};

/** The import's standard field names that mean an outcome field: the same names, and the owner key of an existing-owners list. */
const STANDARD_FIELDS: Readonly<Record<string, OutcomeField>> = {
  ...Object.fromEntries(OUTCOME_FIELDS.map((field) => [field, field])),
  owner_id: 'owner',
};

/** Field names that saved dashboard settings used before they took the import's names. */
const LEGACY_FIELDS: Readonly<Record<string, OutcomeField>> = {
  won: 'wonFlag',
  closeDate: 'closedAt',
  createdDate: 'createdAt',
};

/**
 * Reads a saved mapping, renaming the fields of older settings (`won`,
 * `closeDate`, `createdDate`) and dropping keys that are not outcome fields.
 */
export function readOutcomeMapping(saved: unknown): OutcomeMapping {
  if (!saved || typeof saved !== 'object') return {};

  const mapping: OutcomeMapping = {};
  for (const [key, column] of Object.entries(saved as Record<string, unknown>)) {
    const field = (OUTCOME_FIELDS as readonly string[]).includes(key)
      ? (key as OutcomeField)
      : LEGACY_FIELDS[key];
    if (field && typeof column === 'string' && !mapping[field]) mapping[field] = column;
  }
  return mapping;
}

/**
 * Suggests a mapping from a dataset's columns: a column's standard field
 * from the import wins, then its header among the synonyms. Each field takes
 * the first matching column.
 */
export function suggestOutcomeMapping(
  columns: readonly { key: string; header: string; field?: string }[],
): OutcomeMapping {
  const mapping: OutcomeMapping = {};
  for (const column of columns) {
    const field = column.field ? STANDARD_FIELDS[column.field] : undefined;
    if (field && !mapping[field]) mapping[field] = column.key;
  }
  for (const column of columns) {
    const header = normalise(column.header).replace(/\s+/g, ' ');
    for (const field of OUTCOME_FIELDS) {
      if (mapping[field] || Object.values(mapping).includes(column.key)) continue;
      if (HEADER_SYNONYMS[field].some((synonym) => normalise(synonym) === header))
        mapping[field] = column.key;
    }
  }
  return mapping;
}
