import { importFile, normaliseHeader, type ImportRow } from '@sras/import';
import type { Rep, UnavailablePeriod } from '@sras/engine';

import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli.error.js';
import { importFailure } from './load-leads.js';

/** Rep properties and their column names in English and Chinese. */
const REP_COLUMNS = {
  id: ['id', '编号', '销售编号', '工号'],
  name: ['name', '姓名', '销售姓名', '名字'],
  team: ['team', '团队', '小组', '部门'],
  active: ['active', '在职', '启用', '状态'],
  weight: ['weight', '权重'],
  capacityDay: ['capacityday', 'capacity_day', '日上限', '每日上限'],
  capacityWeek: ['capacityweek', 'capacity_week', '周上限', '每周上限'],
  capacityMonth: ['capacitymonth', 'capacity_month', '月上限', '每月上限'],
  unavailable: ['unavailable', '休假', '请假', '不可用日期'],
  openLeads: ['openleads', 'open_leads', '在手线索', '在手线索数'],
} as const;

type RepColumn = keyof typeof REP_COLUMNS;

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '在职', '启用', 'active']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '离职', '停用', 'inactive']);
const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/** Where a rep came from, for messages: a sheet row or a JSON index. */
interface RepSource {
  where: string;
}

/**
 * Reads the sales team from JSON (an array of reps in the flow format, or
 * `{ "reps": [...] }`) or from a spreadsheet whose header names the rep
 * properties in English or Chinese. Throws a `CliError` naming the file,
 * row and column of the first invalid value.
 */
export async function loadReps(context: CliContext, file: string): Promise<Rep[]> {
  const reps = file.toLowerCase().endsWith('.json')
    ? await repsFromJson(context, file)
    : await repsFromSheet(context, file);
  if (reps.length === 0) throw new CliError(context.t('error.repsEmpty', { file }));
  return reps;
}

async function repsFromJson(context: CliContext, file: string): Promise<Rep[]> {
  const json = await context.readJson(file);
  const list = Array.isArray(json) ? json : (json as { reps?: unknown } | null)?.reps;
  if (!Array.isArray(list)) throw new CliError(context.t('error.repsJsonShape', { file }));

  const reps: Rep[] = [];
  const firstById = new Map<string, string>();
  list.forEach((item: unknown, index) => {
    const source = { where: `[${index}]` };
    const fail = (problem: string): never => {
      throw new CliError(context.t('error.repField', { file, where: source.where, problem }));
    };
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      fail(context.t('error.repsJsonShape', { file }));
    }
    const record = item as Record<string, unknown>;
    const text = (column: string, value: unknown): string | undefined => {
      if (value === undefined || value === null) return undefined;
      if (typeof value === 'string') return value.trim();
      if (typeof value === 'number') return String(value);
      return fail(context.t('error.repText', { column }));
    };
    const capacity = (record.capacity ?? {}) as Record<string, unknown>;
    const unavailable = record.unavailable;
    const rep = buildRep(context, source, fail, {
      id: text('id', record.id),
      name: text('name', record.name),
      team: text('team', record.team),
      active:
        record.active === undefined || record.active === null ? undefined : String(record.active),
      weight:
        record.weight === undefined || record.weight === null ? undefined : String(record.weight),
      capacityDay: numberText(capacity.day),
      capacityWeek: numberText(capacity.week),
      capacityMonth: numberText(capacity.month),
      unavailable: Array.isArray(unavailable)
        ? unavailable
            .map((period: unknown) => {
              const range = period as { from?: unknown; to?: unknown } | string;
              return typeof range === 'string'
                ? range
                : `${String(range.from ?? '')}~${String(range.to ?? range.from ?? '')}`;
            })
            .join(';')
        : text('unavailable', unavailable),
      openLeads: numberText(record.openLeads),
    });
    checkUnique(context, firstById, rep, source, fail);
    reps.push({ ...record, ...rep });
  });
  return reps;
}

async function repsFromSheet(context: CliContext, file: string): Promise<Rep[]> {
  const bytes = await context.readBytes(file);
  let rows: ImportRow[];
  let columnOf: Partial<Record<RepColumn, string>>;
  try {
    const result = await importFile(bytes, { fileName: file, mapping: {} });
    rows = result.rows;
    columnOf = matchRepColumns(result.columns.map((column) => column.key));
  } catch (error) {
    throw importFailure(context, file, error);
  }
  if (!columnOf.id) throw new CliError(context.t('error.repColumnsMissing', { file }));

  const reps: Rep[] = [];
  const firstById = new Map<string, string>();
  for (const row of rows) {
    const source = { where: context.language === 'zh-CN' ? `第 ${row.row} 行` : `row ${row.row}` };
    const fail = (problem: string): never => {
      throw new CliError(context.t('error.repField', { file, where: source.where, problem }));
    };
    const cell = (column: RepColumn): string | undefined => {
      const key = columnOf[column];
      const value = key === undefined ? undefined : row.values[key];
      return value === undefined || value === null || value === '' ? undefined : String(value);
    };
    const rep = buildRep(
      context,
      source,
      fail,
      {
        id: cell('id'),
        name: cell('name'),
        team: cell('team'),
        active: cell('active'),
        weight: cell('weight'),
        capacityDay: cell('capacityDay'),
        capacityWeek: cell('capacityWeek'),
        capacityMonth: cell('capacityMonth'),
        unavailable: cell('unavailable'),
        openLeads: cell('openLeads'),
      },
      columnOf,
    );
    checkUnique(context, firstById, rep, source, fail);
    reps.push(rep);
  }
  return reps;
}

function matchRepColumns(keys: readonly string[]): Partial<Record<RepColumn, string>> {
  const found: Partial<Record<RepColumn, string>> = {};
  for (const [column, names] of Object.entries(REP_COLUMNS) as [RepColumn, readonly string[]][]) {
    const normalisedNames = names.map((name) => normaliseHeader(name));
    const key = keys.find((candidate) => normalisedNames.includes(normaliseHeader(candidate)));
    if (key !== undefined) found[column] = key;
  }
  return found;
}

type RepCells = Record<RepColumn, string | undefined>;

function buildRep(
  context: CliContext,
  _source: RepSource,
  fail: (problem: string) => never,
  cells: RepCells,
  columnNames: Partial<Record<RepColumn, string>> = {},
): Rep {
  const label = (column: RepColumn): string => columnNames[column] ?? REP_COLUMN_JSON_NAMES[column];
  const id = cells.id;
  if (!id) return fail(context.t('error.repIdMissing'));

  const rep: Rep = { id, name: cells.name || id };
  if (cells.team) rep.team = cells.team;
  if (cells.active !== undefined) {
    const word = cells.active.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) rep.active = true;
    else if (FALSE_WORDS.has(word)) rep.active = false;
    else fail(context.t('error.repActive', { column: label('active'), value: cells.active }));
  }
  if (cells.weight !== undefined) {
    const weight = Number(cells.weight);
    if (!Number.isFinite(weight) || weight <= 0)
      fail(context.t('error.repWeight', { column: label('weight'), value: cells.weight }));
    rep.weight = weight;
  }

  const capacity: NonNullable<Rep['capacity']> = {};
  const periods = [
    ['day', 'capacityDay'],
    ['week', 'capacityWeek'],
    ['month', 'capacityMonth'],
  ] as const;
  for (const [period, column] of periods) {
    const value = cells[column];
    if (value === undefined) continue;
    capacity[period] = wholeNumber(value, () =>
      fail(context.t('error.repNumber', { column: label(column), value })),
    );
  }
  if (Object.keys(capacity).length > 0) rep.capacity = capacity;

  if (cells.openLeads !== undefined) {
    const value = cells.openLeads;
    rep.openLeads = wholeNumber(value, () =>
      fail(context.t('error.repNumber', { column: label('openLeads'), value })),
    );
  }
  if (cells.unavailable !== undefined) {
    const periods = parseUnavailable(cells.unavailable);
    if (!periods)
      fail(
        context.t('error.repUnavailable', {
          column: label('unavailable'),
          value: cells.unavailable,
        }),
      );
    else if (periods.length > 0) rep.unavailable = periods;
  }
  return rep;
}

const REP_COLUMN_JSON_NAMES: Readonly<Record<RepColumn, string>> = {
  id: 'id',
  name: 'name',
  team: 'team',
  active: 'active',
  weight: 'weight',
  capacityDay: 'capacity.day',
  capacityWeek: 'capacity.week',
  capacityMonth: 'capacity.month',
  unavailable: 'unavailable',
  openLeads: 'openLeads',
};

function checkUnique(
  context: CliContext,
  firstById: Map<string, string>,
  rep: Rep,
  source: RepSource,
  fail: (problem: string) => never,
): void {
  const first = firstById.get(rep.id);
  if (first !== undefined) fail(context.t('error.repIdDuplicate', { id: rep.id, first }));
  firstById.set(rep.id, source.where);
}

function wholeNumber(text: string, onInvalid: () => never): number {
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) onInvalid();
  return value;
}

function numberText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return String(value);
}

/**
 * Reads leave dates written as `2026-12-01~2026-12-03;2026-12-10`: ranges
 * with `~` (or `～`, `至`), single days, separated by `;`, `；`, `,` or `，`.
 * Returns null when any part is not a date or a range ends before it starts.
 */
export function parseUnavailable(text: string): UnavailablePeriod[] | null {
  const periods: UnavailablePeriod[] = [];
  for (const part of text.split(/[;；,，]/)) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const [fromText, toText, extra] = trimmed.split(/\s*[~～至]\s*/);
    if (extra !== undefined) return null;
    const from = isoDate(fromText ?? '');
    const to = toText === undefined ? from : isoDate(toText);
    if (!from || !to || to < from) return null;
    periods.push({ from, to });
  }
  return periods;
}

function isoDate(text: string): string | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
