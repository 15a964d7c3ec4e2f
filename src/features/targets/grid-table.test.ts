import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  importPlanTable,
  planToTable,
  readPlanTable,
  type TableCell,
} from './grid-table';
import { setCellLock } from './plan-edit';
import type { TargetPlan } from './target-plan.types';
import { readFirstSheet, writeWorkbook } from './xlsx-file';
import { CHINESE_LABELS, HEADER_ALIASES } from './test/grid-labels';
import { buildPlan, NOW } from './test/plan-fixtures';

function editTable(
  table: TableCell[][],
  rowKey: string,
  header: string,
  value: TableCell,
): TableCell[][] {
  const column = table[0]?.indexOf(header) ?? -1;
  return table.map((row) =>
    row[0] === rowKey ? row.map((cell, index) => (index === column ? value : cell)) : row,
  );
}

function lockedPlan(): TargetPlan {
  const result = setCellLock(buildPlan(), { row: 'rep:r1', column: 'm2' }, true, NOW);
  if (!result.ok) throw new Error('lock failed');
  return result.value;
}

describe('planToTable', () => {
  it('writes a header and one row per grid row with every total', () => {
    const table = planToTable(buildPlan(), CHINESE_LABELS);
    expect(table[0]?.slice(0, 6)).toEqual(['行标识', '团队', '姓名', '全年', '一季度', '1月']);
    expect(table[1]?.slice(0, 5)).toEqual(['company', '', '全公司', 12_000_000, 3_000_000]);
    expect(table[2]?.slice(0, 4)).toEqual(['team:华东一组', '华东一组', '', 3 * 1_714_286]);
    expect(table[3]?.slice(0, 4)).toEqual(['rep:r1', '华东一组', '张伟', 1_714_286]);
    expect(table).toHaveLength(1 + 1 + 2 + 7);
  });
});

describe('readPlanTable', () => {
  it('reads back an exported table unchanged', () => {
    const plan = buildPlan();
    const read = readPlanTable(plan, planToTable(plan, CHINESE_LABELS), HEADER_ALIASES);
    expect(read).toEqual({ ok: true, values: plan.values });
  });

  it('takes a consistent edit of a month and its totals', () => {
    const plan = buildPlan();
    let table = planToTable(plan, CHINESE_LABELS);
    const add = (rowKey: string, header: string, delta: number) => {
      const column = table[0]?.indexOf(header) ?? -1;
      const current = table.find((row) => row[0] === rowKey)?.[column] as number;
      table = editTable(table, rowKey, header, current + delta);
    };
    for (const rowKey of ['rep:r2', 'team:华东一组', 'company']) {
      for (const header of ['5月', '二季度', '全年']) add(rowKey, header, 1000);
    }
    const read = readPlanTable(plan, table, HEADER_ALIASES);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.values['rep:r2']?.[4]).toBe((plan.values['rep:r2']?.[4] ?? 0) + 1000);
  });

  it('reports totals that do not add up', () => {
    const plan = buildPlan();
    const table = editTable(planToTable(plan, CHINESE_LABELS), 'rep:r1', '1月', 1);
    const read = readPlanTable(plan, table, HEADER_ALIASES);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toContainEqual({
      code: 'total-mismatch',
      row: 4,
      column: 'D',
      expected: 1_714_286 - 142_858 + 1,
      found: 1_714_286,
    });
    expect(read.problems).toContainEqual({
      code: 'total-mismatch',
      row: 2,
      column: 'E',
      expected: 3_000_000 - 142_858 + 1,
      found: 3_000_000,
    });
  });

  it('reports text, fractions and negative numbers', () => {
    const plan = buildPlan();
    let table = editTable(planToTable(plan, CHINESE_LABELS), 'rep:r1', '1月', '十万');
    table = editTable(table, 'rep:r2', '2月', 10.5);
    table = editTable(table, 'rep:r3', '3月', -4);
    const read = readPlanTable(plan, table, HEADER_ALIASES);
    expect(read).toEqual({
      ok: false,
      problems: [
        { code: 'invalid-number', row: 4, column: 'F', value: '十万' },
        { code: 'invalid-number', row: 5, column: 'G', value: '10.5' },
        { code: 'invalid-number', row: 6, column: 'H', value: '-4' },
      ],
    });
  });

  it('reports unknown, duplicate and missing rows and missing columns', () => {
    const plan = buildPlan();
    const table = planToTable(plan, CHINESE_LABELS);
    const withUnknown = [
      ...table.filter((row) => row[0] !== 'rep:r7'),
      ['rep:ghost', '', '', 0],
      table[3] ?? [],
    ];
    const read = readPlanTable(plan, withUnknown, HEADER_ALIASES);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual([
      { code: 'unknown-row', row: 11, rowKey: 'rep:ghost' },
      { code: 'duplicate-row', row: 12, rowKey: 'rep:r1' },
      { code: 'missing-row', rowKey: 'rep:r7', label: '赵敏' },
    ]);

    const noMarch = table.map((row) => row.filter((_, index) => index !== 7));
    expect(readPlanTable(plan, noMarch, HEADER_ALIASES)).toEqual({
      ok: false,
      problems: [{ code: 'missing-column', column: 'm3' }],
    });
    expect(readPlanTable(plan, [], HEADER_ALIASES)).toEqual({
      ok: false,
      problems: [{ code: 'empty-table' }],
    });
  });

  it('reports a changed locked cell and a value in a month outside employment', () => {
    const plan = lockedPlan();
    const table = editTable(planToTable(plan, CHINESE_LABELS), 'rep:r1', '2月', 0);
    const read = readPlanTable(plan, table, HEADER_ALIASES);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toContainEqual({
      code: 'locked-cell-changed',
      row: 4,
      column: 'G',
      expected: 142_857,
      found: 0,
    });

    const late = buildPlan({
      people: [{ id: 'a', name: '甲', team: '一组', weight: 1, employmentStart: '2027-06-01' }],
    });
    const early = editTable(planToTable(late, CHINESE_LABELS), 'rep:a', '1月', 5);
    const lateRead = readPlanTable(late, early, HEADER_ALIASES);
    expect(lateRead.ok).toBe(false);
    if (lateRead.ok) return;
    expect(lateRead.problems).toContainEqual({
      code: 'inactive-cell',
      row: 4,
      column: 'F',
      value: 5,
    });
  });

  it('matches headers regardless of spaces, case and full-width letters', () => {
    const plan = buildPlan();
    const table = planToTable(plan, CHINESE_LABELS);
    const header = (table[0] ?? []).map((cell) =>
      cell === '一季度' ? 'Ｑ１' : cell === '行标识' ? ' row id ' : cell,
    );
    const aliases = { ...HEADER_ALIASES, q1: ['Q1'] };
    expect(readPlanTable(plan, [header, ...table.slice(1)], aliases).ok).toBe(true);
  });
});

describe('importPlanTable', () => {
  it('leaves an approved plan unchanged', () => {
    const plan = { ...buildPlan(), status: 'approved' as const };
    expect(importPlanTable(plan, planToTable(plan, CHINESE_LABELS), HEADER_ALIASES, NOW)).toEqual({
      ok: false,
      problems: [{ code: 'plan-not-draft' }],
    });
  });
});

describe('XLSX round trip', () => {
  it('writes and reads the grid through a real workbook', async () => {
    const plan = lockedPlan();
    const bytes = await writeWorkbook([
      { name: '2027 年度目标', rows: planToTable(plan, CHINESE_LABELS) },
    ]);
    const table = await readFirstSheet(bytes);
    expect(table[1]?.[3]).toBe(12_000_000);
    const result = importPlanTable(plan, table, HEADER_ALIASES, NOW + 1);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan.values).toEqual(plan.values);
  });
});

describe('columnLetter', () => {
  it('counts like a spreadsheet', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
