import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';

import {
  formatRepTableProblem,
  readRepTable,
  readUnavailable,
  writeRepTableCsv,
  writeRepTableXlsx,
  type RepTableEntry,
} from '@sras/import';

import { utf8 } from '../helpers.js';

const ENGLISH_TABLE = [
  'id,name,team,active,weight,capacity_day,capacity_week,capacity_month,unavailable,open_leads',
  'r1,张伟,华东一组,true,2,20,80,300,2026-12-01~2026-12-03;2026-12-10,5',
  'r2,Li Na,,false,,,,0,,',
].join('\n');

const CHINESE_TABLE = [
  '编号,姓名,团队,在职,权重,日上限,周上限,月上限,休假,在手线索',
  'r1,张伟,华东一组,是,2,20,80,300,2026-12-01~2026-12-03;2026-12-10,5',
  'r2,Li Na,,否,,,,0,,',
].join('\n');

const EXPECTED: RepTableEntry[] = [
  {
    id: 'r1',
    name: '张伟',
    team: '华东一组',
    active: true,
    weight: 2,
    capacity: { day: 20, week: 80, month: 300 },
    openLeads: 5,
    unavailable: [
      { from: '2026-12-01', to: '2026-12-03' },
      { from: '2026-12-10', to: '2026-12-10' },
    ],
  },
  {
    id: 'r2',
    name: 'Li Na',
    team: '',
    active: false,
    weight: 1,
    capacity: { month: 0 },
    openLeads: 0,
    unavailable: [],
  },
];

function problemsOf(result: Awaited<ReturnType<typeof readRepTable>>) {
  return result.problems.map((problem) => ({
    code: problem.code,
    row: problem.row,
    column: problem.column,
  }));
}

describe('readRepTable', () => {
  it('reads the English headers of the command line', async () => {
    const result = await readRepTable(utf8(ENGLISH_TABLE), { fileName: 'reps.csv' });

    expect(result.problems).toEqual([]);
    expect(result.reps).toEqual(EXPECTED);
    expect(result.rows).toEqual([2, 3]);
    expect(result.teams).toEqual(['华东一组']);
    expect(result.headerLanguage).toBe('en');
  });

  it('reads the Chinese headers the same way', async () => {
    const result = await readRepTable(utf8(CHINESE_TABLE), { fileName: 'reps.csv' });

    expect(result.problems).toEqual([]);
    expect(result.reps).toEqual(EXPECTED);
    expect(result.headerLanguage).toBe('zh-CN');
  });

  it('reads employment dates, including slashes and Excel serials', async () => {
    const text = 'id,name,employment_start,employment_end\nr1,A,2026/3/16,46387';
    const result = await readRepTable(utf8(text));

    expect(result.reps[0]).toMatchObject({
      employmentStart: '2026-03-16',
      employmentEnd: '2026-12-31',
    });
    expect(result.columns).toEqual(['id', 'name', 'employmentStart', 'employmentEnd']);
  });

  it('names the row and column of every bad value', async () => {
    const text = [
      'id,name,active,weight,capacity_day,unavailable,open_leads',
      'r1,A,maybe,0,2.5,2026-12-05~2026-12-01,-1',
      ',B,,,,,',
      'r1,C,,,,,',
    ].join('\n');
    const result = await readRepTable(utf8(text));

    expect(problemsOf(result)).toEqual([
      { code: 'invalid-active', row: 2, column: 'active' },
      { code: 'invalid-weight', row: 2, column: 'weight' },
      { code: 'invalid-capacity', row: 2, column: 'capacity_day' },
      { code: 'invalid-open-leads', row: 2, column: 'open_leads' },
      { code: 'invalid-unavailable', row: 2, column: 'unavailable' },
      { code: 'id-missing', row: 3, column: 'id' },
      { code: 'duplicate-id', row: 4, column: 'id' },
    ]);
    expect(result.errorCount).toBe(7);
    expect(result.reps).toEqual([]);
  });

  it('words problems in English and Chinese with what to do', async () => {
    const result = await readRepTable(utf8('编号,姓名,日上限\nr1,A,很多'));
    const [problem] = result.problems;

    expect(problem).toBeDefined();
    expect(formatRepTableProblem(problem!, 'en')).toBe(
      'Row 2: 日上限 "很多" is not a whole number. Write the number of leads, 0 to pause the rep, or leave it empty for no limit.',
    );
    expect(formatRepTableProblem(problem!, 'zh-CN')).toContain('第 2 行：日上限“很多”不是整数');
  });

  it('rejects a rep name longer than the name limit', async () => {
    const result = await readRepTable(
      utf8(`编号,姓名\nr1,${'😀'.repeat(101)}\nr2,${'张'.repeat(100)}`),
    );

    expect(result.problems.map((problem) => [problem.code, problem.row])).toEqual([
      ['name-too-long', 2],
    ]);
    expect(formatRepTableProblem(result.problems[0]!, 'zh-CN')).toBe(
      '第 2 行：姓名 超过 100 个字符。请缩短销售的姓名。',
    );
  });

  it('rejects a table without an id or name column', async () => {
    const result = await readRepTable(utf8('姓名,团队\n张伟,华东一组'));

    expect(problemsOf(result)).toEqual([
      { code: 'missing-column', row: undefined, column: undefined },
    ]);
    expect(formatRepTableProblem(result.problems[0]!, 'en')).toBe(
      'The file has no id column (编号). Add it: every rep needs an id and a name.',
    );
  });

  it('warns about unknown columns and rejects a repeated one', async () => {
    const result = await readRepTable(utf8('id,name,region,编号\nr1,A,east,r9'));

    expect(problemsOf(result)).toEqual([
      { code: 'unknown-column', row: undefined, column: 'region' },
      { code: 'duplicate-column', row: undefined, column: '编号' },
    ]);
    expect(result.problems.map((problem) => problem.severity)).toEqual(['warning', 'error']);
  });

  it('reports an empty table and an unreadable file as problems', async () => {
    const empty = await readRepTable(utf8('id,name\n'));
    const unreadable = await readRepTable(new Uint8Array(0));

    expect(empty.problems.map((problem) => problem.code)).toEqual(['no-reps']);
    expect(unreadable.problems.map((problem) => problem.code)).toEqual(['file-unreadable']);
    expect(formatRepTableProblem(unreadable.problems[0]!, 'en')).toBe(
      'The file is empty. Choose the exported file again.',
    );
  });
});

describe('readUnavailable', () => {
  it('accepts full-width separators and single days', () => {
    expect(readUnavailable('2026-12-01～2026-12-03；2026/12/10')).toEqual({
      ok: true,
      value: [
        { from: '2026-12-01', to: '2026-12-03' },
        { from: '2026-12-10', to: '2026-12-10' },
      ],
    });
  });

  it('rejects a range that ends before it starts', () => {
    expect(readUnavailable('2026-12-03~2026-12-01')).toEqual({
      ok: false,
      part: '2026-12-03~2026-12-01',
    });
  });
});

describe('writeRepTableCsv', () => {
  it('round-trips through readRepTable in both languages', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const csv = writeRepTableCsv(EXPECTED, { language });
      const result = await readRepTable(utf8(csv), { fileName: 'reps.csv' });

      expect(result.problems).toEqual([]);
      expect(result.reps).toEqual(EXPECTED);
      expect(result.headerLanguage).toBe(language);
    }
  });

  it('writes a BOM, CRLF lines and the headers of the chosen language', () => {
    const csv = writeRepTableCsv(EXPECTED, { language: 'zh-CN' });

    expect(csv.startsWith('\uFEFF编号,姓名,团队,在职,权重,日上限')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      'r1,张伟,华东一组,是,2,20,80,300,2026-12-01~2026-12-03;2026-12-10,5,,',
    );
  });

  it('neutralises formulas and reads them back as written', async () => {
    const reps = [{ id: 'r1', name: '=HYPERLINK("x")', team: '+华东, 一组' }];
    const csv = writeRepTableCsv(reps);

    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const result = await readRepTable(utf8(csv));
    expect(result.reps[0]).toMatchObject({ name: '=HYPERLINK("x")', team: '+华东, 一组' });
  });
});

describe('writeRepTableXlsx', () => {
  it('round-trips through readRepTable, ids kept as text', async () => {
    const reps: RepTableEntry[] = [
      { ...EXPECTED[0]!, id: '007', employmentStart: '2025-01-06', employmentEnd: '2026-12-31' },
      EXPECTED[1]!,
    ];
    const bytes = writeRepTableXlsx(reps, { language: 'zh-CN' });
    const result = await readRepTable(bytes, { fileName: 'reps.xlsx' });

    expect(result.problems).toEqual([]);
    expect(result.reps).toEqual(reps);
    const workbook = XLSX.read(bytes, { type: 'array' });
    expect(workbook.SheetNames).toEqual(['销售人员']);
  });
});
