import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import {
  columnLetter,
  importPlanTable,
  planTableFormulas,
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

  it('checks no total saved without its result', () => {
    const plan = buildPlan();
    const edited = editTable(planToTable(plan, CHINESE_LABELS), 'rep:r1', '1月', 1);
    const [header = [], ...body] = edited;
    const formulas = planTableFormulas(plan);
    const table = [
      header,
      ...body.map((cells, rowIndex) =>
        cells.map((cell, columnIndex) => {
          const formula = formulas[rowIndex + 1]?.[columnIndex];
          return formula ? { formula } : cell;
        }),
      ),
    ];

    const read = readPlanTable(plan, table, HEADER_ALIASES);

    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.values['rep:r1']?.[0]).toBe(1);
    expect(read.values['rep:r2']).toEqual(plan.values['rep:r2']);
  });

  it('reports a month saved as a formula without its result', () => {
    const plan = buildPlan();
    const table = editTable(planToTable(plan, CHINESE_LABELS), 'rep:r1', '1月', {
      formula: 'G4*2',
    });

    expect(readPlanTable(plan, table, HEADER_ALIASES)).toEqual({
      ok: false,
      problems: [{ code: 'formula-without-value', row: 4, column: 'F', formula: 'G4*2' }],
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

/** Evaluates the SUM formulas the export writes: cell references, ranges and nested SUMs. */
function evaluate(sheet: XLSX.WorkSheet, formula: string): number {
  const inner = /^SUM\((.*)\)$/.exec(formula)?.[1];
  if (inner === undefined) throw new Error(`Not a SUM formula: ${formula}`);
  const args: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of inner) {
    if (char === ',' && depth === 0) {
      args.push(current);
      current = '';
      continue;
    }
    if (char === '(') depth++;
    if (char === ')') depth--;
    current += char;
  }
  args.push(current);
  return args.reduce((sum, arg) => {
    if (arg.startsWith('SUM(')) return sum + evaluate(sheet, arg);
    const range = XLSX.utils.decode_range(arg);
    for (let r = range.s.r; r <= range.e.r; r++) {
      for (let c = range.s.c; c <= range.e.c; c++) {
        sum += cellNumber(sheet, XLSX.utils.encode_cell({ r, c }));
      }
    }
    return sum;
  }, 0);
}

function cellNumber(sheet: XLSX.WorkSheet, address: string): number {
  const cell = sheet[address] as XLSX.CellObject | undefined;
  if (cell?.f) return evaluate(sheet, cell.f);
  return typeof cell?.v === 'number' ? cell.v : 0;
}

/** What Excel or WPS do on an edit: every formula cell's cached value follows its formula. */
function recalculate(sheet: XLSX.WorkSheet): void {
  for (const [address, cell] of Object.entries(sheet)) {
    if (address.startsWith('!')) continue;
    const formulaCell = cell as XLSX.CellObject;
    if (formulaCell.f) formulaCell.v = evaluate(sheet, formulaCell.f);
  }
}

async function exportedSheet(plan: TargetPlan): Promise<XLSX.WorkSheet> {
  const bytes = await writeWorkbook([
    { name: plan.name, rows: planToTable(plan, CHINESE_LABELS), formulas: planTableFormulas(plan) },
  ]);
  const workbook = XLSX.read(bytes, { type: 'array', cellFormula: true });
  return workbook.Sheets[workbook.SheetNames[0] ?? ''] as XLSX.WorkSheet;
}

function saveSheet(sheet: XLSX.WorkSheet): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, 'plan');
  return XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as Uint8Array;
}

describe('exported totals', () => {
  it('are SUM formulas with their values cached, leaf months plain values', async () => {
    const sheet = await exportedSheet(buildPlan());
    // Row 2 company, row 3 team 华东一组 with reps in rows 4–6, row 7 team 华南组 with rows 8–11.
    expect(sheet['D2']).toMatchObject({ f: 'SUM(E2,I2,M2,Q2)', v: 12_000_000 });
    expect(sheet['E2']).toMatchObject({ f: 'SUM(F2:H2)', v: 3_000_000 });
    expect(sheet['F2']?.f).toBe('SUM(F3,F7)');
    expect(sheet['F3']?.f).toBe('SUM(F4:F6)');
    expect(sheet['F8']?.f).toBeUndefined();
    expect(sheet['F7']?.f).toBe('SUM(F8:F11)');
    expect(sheet['E4']).toMatchObject({ f: 'SUM(F4:H4)' });
    expect(sheet['F4']?.f).toBeUndefined();
    for (const [address, cell] of Object.entries(sheet)) {
      const formulaCell = cell as XLSX.CellObject;
      if (!address.startsWith('!') && formulaCell.f) {
        expect(formulaCell.v, address).toBe(evaluate(sheet, formulaCell.f));
      }
    }
  });

  it('follow an edited month once recalculated, and the file imports', async () => {
    const plan = buildPlan();
    const sheet = await exportedSheet(plan);
    const before = sheet['F4']?.v as number;
    sheet['F4'] = { t: 'n', v: before + 1000 };
    recalculate(sheet);

    const result = importPlanTable(
      plan,
      await readFirstSheet(saveSheet(sheet)),
      HEADER_ALIASES,
      NOW,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.plan.values['rep:r1']?.[0]).toBe(before + 1000);
  });

  it('are reported when a file is saved with stale cached values', async () => {
    const plan = buildPlan();
    const sheet = await exportedSheet(plan);
    const before = sheet['F4']?.v as number;
    sheet['F4'] = { t: 'n', v: before + 1000 };

    const result = importPlanTable(
      plan,
      await readFirstSheet(saveSheet(sheet)),
      HEADER_ALIASES,
      NOW,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({
      code: 'total-mismatch',
      row: 4,
      column: 'D',
      expected: 1_714_286 + 1000,
      found: 1_714_286,
    });
  });

  it('nest SUM calls so that no call takes more than 200 arguments', () => {
    const teams = Array.from({ length: 450 }, (_, index) => ({ name: `组${index + 1}` }));
    const plan = { ...buildPlan(), teams, people: [] };
    const company = planTableFormulas(plan)[1] ?? [];
    const formula = company[5] ?? '';
    expect(formula.startsWith('SUM(SUM(F3,')).toBe(true);
    const innerCalls = [...formula.matchAll(/SUM\(([^()]*)\)/g)].map((match) => match[1] ?? '');
    expect(innerCalls.map((call) => call.split(',').length)).toEqual([200, 200, 50]);
  });
});

describe('readPlanTable limits', () => {
  it('rejects a grid whose yearly total exceeds the plan limit, naming both', () => {
    const plan = buildPlan();
    let table = planToTable(plan, CHINESE_LABELS);
    const bump = (rowKey: string, header: string, delta: number) => {
      const column = table[0]?.indexOf(header) ?? -1;
      const current = table.find((row) => row[0] === rowKey)?.[column] as number;
      table = editTable(table, rowKey, header, current + delta);
    };
    const delta = 1_000_000_000_000;
    for (const rowKey of ['rep:r1', 'team:华东一组', 'company']) {
      for (const header of ['1月', '一季度', '全年']) bump(rowKey, header, delta);
    }
    expect(readPlanTable(plan, table, HEADER_ALIASES)).toEqual({
      ok: false,
      problems: [{ code: 'total-too-large', total: 12_000_000 + delta, limit: delta }],
    });
    expect(importPlanTable(plan, table, HEADER_ALIASES, NOW).ok).toBe(false);
  });

  it('accepts a grid at exactly the limit', () => {
    const plan = buildPlan();
    let table = planToTable(plan, CHINESE_LABELS);
    const delta = 1_000_000_000_000 - 12_000_000;
    for (const rowKey of ['rep:r1', 'team:华东一组', 'company']) {
      for (const header of ['1月', '一季度', '全年']) {
        const column = table[0]?.indexOf(header) ?? -1;
        const current = table.find((row) => row[0] === rowKey)?.[column] as number;
        table = editTable(table, rowKey, header, current + delta);
      }
    }
    expect(readPlanTable(plan, table, HEADER_ALIASES).ok).toBe(true);
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
