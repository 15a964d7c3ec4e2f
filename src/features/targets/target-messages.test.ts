import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import { readingNotes } from './split-form';
import {
  describePeopleCount,
  describeSplitNote,
  describeTableProblem,
  describeTableProblems,
  describeTargetProblem,
} from './target-messages';
import type { PlanSplitNote } from './target-plan.types';

const READING = {
  skippedRows: 0,
  unmatchedOwners: [],
  negativeRows: [{ datasetName: '2026 成交', amountColumn: '金额', count: 3, firstRow: 14 }],
};
const NO_ROWS = { teams: [], people: [] };
const formatAmount = (value: number) => `¥${value}`;

async function describeIn(language: 'en' | 'zh-CN', notes: readonly PlanSplitNote[]) {
  const i18n = initI18n(language);
  await i18n.changeLanguage(language);
  return notes.map((note) => describeSplitNote(i18n.t, note, NO_ROWS, formatAmount));
}

describe('readingNotes', () => {
  it('keeps the negative rows of a reading as a note', () => {
    expect(readingNotes(READING)).toEqual([
      {
        code: 'negative-rows',
        datasetName: '2026 成交',
        amountColumn: '金额',
        count: 3,
        firstRow: 14,
      },
    ]);
  });

  it('keeps ten unmatched owners and their total', () => {
    const owners = Array.from({ length: 12 }, (_, index) => `负责人${index + 1}`);

    expect(readingNotes({ skippedRows: 2, unmatchedOwners: owners, negativeRows: [] })).toEqual([
      { code: 'skipped-rows', count: 2 },
      { code: 'unmatched-owners', owners: owners.slice(0, 10), total: 12 },
    ]);
  });

  it('has no notes when every row was used', () => {
    expect(readingNotes({ skippedRows: 0, unmatchedOwners: [], negativeRows: [] })).toEqual([]);
  });
});

describe('describeSplitNote', () => {
  it('names the count and first row of negative amounts in English', async () => {
    expect(await describeIn('en', readingNotes(READING))).toEqual([
      '3 rows of 2026 成交 have an amount below 0 in “金额” and were left out, so refunds lower no share. The first is row 14.',
    ]);
  });

  it('names the count and first row of negative amounts in Chinese', async () => {
    expect(await describeIn('zh-CN', readingNotes(READING))).toEqual([
      '2026 成交 中有 3 行的“金额”小于 0（如退款），已忽略，不会降低任何份额。第一行是第 14 行。',
    ]);
  });

  it('counts the unmatched owners it does not name', async () => {
    const note: PlanSplitNote = { code: 'unmatched-owners', owners: ['老周', '小李'], total: 5 };

    expect(await describeIn('en', [note])).toEqual([
      'These owners match no rep and were left out: 老周, 小李 and 3 more.',
    ]);
    expect(await describeIn('zh-CN', [note])).toEqual([
      '以下负责人未匹配到销售，已略过：老周、小李，另有 3 个。',
    ]);
  });

  it('describes a notice of the split itself', async () => {
    expect(await describeIn('en', [{ code: 'months-without-people', months: [1, 2] }])).toEqual([
      'Nobody is employed in Jan, Feb, so their share went to the other months.',
    ]);
  });

  it('describes in both languages a cell that would pass the total limit', async () => {
    const plan = {
      teams: [{ name: '华东一组' }],
      people: [{ id: 'r1', name: '张伟', team: '华东一组', weight: 1 }],
    };
    const problem = {
      code: 'total-too-large' as const,
      cell: { row: 'rep:r1', column: 'q2' as const },
      requested: 9_007_199_254_740_991,
      maximum: 999_997_000_000,
    };
    const format = (value: number) => `¥${value.toLocaleString('en-US')}`;
    const describeIn = async (language: 'en' | 'zh-CN') => {
      const i18n = initI18n(language);
      await i18n.changeLanguage(language);
      return describeTargetProblem(i18n.t, problem, plan, format);
    };

    expect(await describeIn('en')).toBe(
      "张伟 · Q2 can be at most ¥999,997,000,000: a plan's yearly total cannot exceed ¥1,000,000,000,000.",
    );
    expect(await describeIn('zh-CN')).toBe(
      '张伟 · 二季度 最多可设为 ¥999,997,000,000：目标的年度合计不能超过 ¥1,000,000,000,000。',
    );
  });
});

describe('describeTableProblem', () => {
  const grouped = (value: number) => `¥${value.toLocaleString('en-US')}`;
  const mismatch = {
    code: 'total-mismatch' as const,
    row: 2,
    column: 'F',
    expected: 1_253_331,
    found: 1_254_331,
  };

  it('formats the amounts of a total mismatch', async () => {
    const zh = initI18n('zh-CN');
    await zh.changeLanguage('zh-CN');
    const chinese = describeTableProblem(zh.t, mismatch, grouped);
    expect(chinese).toBe('第 2 行 F 列：合计为 ¥1,254,331，但各部分之和为 ¥1,253,331。');

    const en = initI18n('en');
    await en.changeLanguage('en');
    const english = describeTableProblem(en.t, mismatch, grouped);
    expect(english).toBe(
      'Row 2, column F: the total is ¥1,254,331, but its parts add up to ¥1,253,331.',
    );
  });

  it('gives the advice on totals once', async () => {
    const en = initI18n('en');
    await en.changeLanguage('en');
    const lines = describeTableProblems(en.t, [mismatch, { ...mismatch, row: 3 }], grouped);

    expect(lines).toHaveLength(3);
    expect(lines.filter((line) => line.includes('Change only the months of rep rows'))).toEqual([
      lines[2],
    ]);
  });

  it('names the yearly total and the limit of a grid that is too large', async () => {
    const en = initI18n('en');
    await en.changeLanguage('en');
    const problem = { code: 'total-too-large' as const, total: 1_000_012_000_000, limit: 10 ** 12 };
    expect(describeTableProblem(en.t, problem, grouped)).toBe(
      'The yearly total in the file is ¥1,000,012,000,000, above the limit of ¥1,000,000,000,000. Lower the monthly targets and import again.',
    );
  });
});

describe('describePeopleCount', () => {
  const reps = (...teams: string[]) => teams.map((team) => ({ team }));

  it.each([
    ['en', reps('A', 'A', 'B', '', ''), '5 reps in 2 teams, 2 in no team'],
    ['en', reps('A'), '1 rep in 1 team'],
    ['en', reps('A', 'B', 'B'), '3 reps in 2 teams'],
    ['en', reps('', ''), '2 reps, all in no team'],
    ['en', reps('A', ''), '2 reps in 1 team, 1 in no team'],
    ['zh-CN', reps('A', 'A', 'B', '', ''), '5 名销售，2 个团队，另有 2 名不属于任何团队'],
    ['zh-CN', reps('A', 'B', 'B'), '3 名销售，2 个团队'],
    ['zh-CN', reps(''), '1 名销售，均不属于任何团队'],
  ] as const)('words %s %j', async (language, people, expected) => {
    const i18n = initI18n(language);
    await i18n.changeLanguage(language);
    expect(describePeopleCount(i18n.t, people)).toBe(expected);
  });
});
