import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from './apportion';
import { activeMonthFractions } from './employment';
import { createTargetPlan, resplitTargetPlan } from './plan-build';
import { setCellLock } from './plan-edit';
import {
  cellValue,
  computeGrid,
  listLeafRows,
  MAX_PLAN_TOTAL,
  MONTH_COLUMNS,
  planTotal,
} from './plan-grid';
import { timeSplitWeights } from './split-weights';
import type { TargetPlan } from './target-plan.types';
import {
  buildPlan,
  NOW,
  peopleArbitrary,
  peopleSplitArbitrary,
  planInput,
  SEVEN_REPS,
  timeSplitArbitrary,
  totalArbitrary,
} from './test/plan-fixtures';

function rowTotal(plan: TargetPlan, row: string): number {
  return cellValue(plan, { row, column: 'year' });
}

function companyMonths(plan: TargetPlan): number[] {
  return MONTH_COLUMNS.map((column) => cellValue(plan, { row: 'company', column }));
}

/** Checks that every aggregate cell of the grid is the sum of its children. */
function expectGridAddsUp(plan: TargetPlan): void {
  for (const { row, cells } of computeGrid(plan)) {
    for (let quarter = 0; quarter < 4; quarter++) {
      const months = [1, 2, 3].map((offset) => cells[`m${quarter * 3 + offset}` as 'm1']);
      expect(cells[`q${quarter + 1}` as 'q1']).toBe(months.reduce((sum, value) => sum + value, 0));
    }
    expect(cells.year).toBe(cells.q1 + cells.q2 + cells.q3 + cells.q4);
    expect(row.key).toBeTruthy();
  }
  const grid = computeGrid(plan);
  const company = grid[0];
  const teams = grid.filter(({ row }) => row.kind === 'team');
  for (const column of Object.keys(company?.cells ?? {}) as (keyof NonNullable<
    typeof company
  >['cells'])[]) {
    expect(teams.reduce((sum, team) => sum + team.cells[column], 0)).toBe(company?.cells[column]);
    for (const team of teams) {
      const members = grid.filter(({ row }) => row.parent === team.row.key);
      if (members.length === 0) continue;
      expect(members.reduce((sum, member) => sum + member.cells[column], 0)).toBe(
        team.cells[column],
      );
    }
  }
}

describe('createTargetPlan', () => {
  it('splits 12,000,000 yuan evenly into 1,000,000 a month', () => {
    const plan = buildPlan();
    expect(planTotal(plan)).toBe(12_000_000);
    expect(companyMonths(plan)).toEqual(new Array(12).fill(1_000_000));
    expect(cellValue(plan, { row: 'company', column: 'q3' })).toBe(3_000_000);
    expectGridAddsUp(plan);
  });

  it('keeps equal reps within one yuan', () => {
    const plan = buildPlan();
    const totals = SEVEN_REPS.map((person) => rowTotal(plan, `rep:${person.id}`));
    expect(totals).toEqual([
      1_714_286, 1_714_286, 1_714_286, 1_714_286, 1_714_286, 1_714_285, 1_714_285,
    ]);
    expect(rowTotal(plan, 'team:华东一组')).toBe(3 * 1_714_286);
    expect(rowTotal(plan, 'team:华南组')).toBe(2 * 1_714_286 + 2 * 1_714_285);
  });

  it('rotates the spare yuan of each month over the reps', () => {
    const plan = buildPlan();
    const january = SEVEN_REPS.map((person) => plan.values[`rep:${person.id}`]?.[0]);
    const february = SEVEN_REPS.map((person) => plan.values[`rep:${person.id}`]?.[1]);
    expect(january).toEqual([142_858, 142_857, 142_857, 142_857, 142_857, 142_857, 142_857]);
    expect(february).toEqual([142_857, 142_858, 142_857, 142_857, 142_857, 142_857, 142_857]);
  });

  it('follows seasonal weights exactly', () => {
    const monthWeights = [1, 1, 2, 2, 2, 2, 1, 1, 2, 2, 3, 4];
    const plan = buildPlan({ timeSplit: { method: 'seasonal', monthWeights } });
    expect(companyMonths(plan)).toEqual(apportion(12_000_000, monthWeights));
    expect(companyMonths(plan)[11]).toBe(2_086_957);
    expectGridAddsUp(plan);
  });

  it('follows last year’s monthly actuals', () => {
    const monthActuals = [
      80_000, 95_500.5, 120_000, 0, 100_000, 100_000, 90_000, 85_000, 110_000, 130_000, 150_000,
      200_000,
    ];
    const plan = buildPlan({ timeSplit: { method: 'lastYear', monthActuals } });
    expect(companyMonths(plan)).toEqual(apportion(12_000_000, monthActuals));
    expect(companyMonths(plan)[3]).toBe(0);
  });

  it('splits by rep weight', () => {
    const people = SEVEN_REPS.map((person, index) => ({ ...person, weight: index === 0 ? 3 : 1 }));
    const plan = buildPlan({ people, peopleSplit: { method: 'weight' } });
    expect(rowTotal(plan, 'rep:r1')).toBe(4_000_000);
    expect(rowTotal(plan, 'rep:r2')).toBe(1_333_334);
    expect(rowTotal(plan, 'rep:r7')).toBe(1_333_333);
    expect(planTotal(plan)).toBe(12_000_000);
  });

  it('splits by last period’s results and plans reps without results as average', () => {
    const results = {
      'rep:r1': 2_000_000,
      'rep:r2': 1_000_000,
      'rep:r3': 1_000_000,
      'rep:r4': 1_000_000,
      'rep:r5': 1_000_000,
      'rep:r6': 2_000_000,
    };
    const result = createTargetPlan(planInput({ peopleSplit: { method: 'lastPeriod', results } }));
    if (!result.ok) throw new Error('expected a plan');
    expect(result.notices).toContainEqual({
      code: 'people-without-results',
      rows: ['rep:r7'],
      assumed: 8_000_000 / 6,
    });
    const plan = result.value;
    // Weights 2 : 1 : 1 : 1 : 1 : 2 : 4/3 over a sum of 28/3.
    expect(rowTotal(plan, 'rep:r1')).toBeCloseTo((12_000_000 * 2 * 3) / 28, -1);
    expect(rowTotal(plan, 'rep:r7')).toBeCloseTo((12_000_000 * 4) / 28, -1);
  });

  it('takes yearly amounts typed by hand and spreads each over the months', () => {
    const amounts = Object.fromEntries(
      SEVEN_REPS.map((person, index) => [`rep:${person.id}`, index === 0 ? 3_000_000 : 1_500_000]),
    );
    const plan = buildPlan({ peopleSplit: { method: 'manual', amounts } });
    expect(rowTotal(plan, 'rep:r1')).toBe(3_000_000);
    expect(rowTotal(plan, 'rep:r2')).toBe(1_500_000);
    expect(plan.values['rep:r1']).toEqual(new Array(12).fill(250_000));
    expectGridAddsUp(plan);
  });

  it('reports hand-typed amounts that do not add up to the total', () => {
    const amounts = { 'rep:r1': 5_000_000, 'rep:r2': 6_999_999 };
    const result = createTargetPlan(planInput({ peopleSplit: { method: 'manual', amounts } }));
    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'manual-sum-mismatch', expected: 12_000_000, actual: 11_999_999 }],
    });
  });

  it('gives a rep who starts in July targets only from July', () => {
    const people = SEVEN_REPS.map((person) =>
      person.id === 'r7' ? { ...person, employmentStart: '2027-07-01' } : person,
    );
    const plan = buildPlan({ people });
    expect(plan.values['rep:r7']?.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(plan.values['rep:r7']?.[6]).toBe(142_857);
    expect(plan.values['rep:r1']?.[0]).toBe(166_667);
    expect(companyMonths(plan)).toEqual(new Array(12).fill(1_000_000));
  });

  it('gives a rep who starts mid-month a share pro rata by days', () => {
    const people = [
      { id: 'a', name: '甲', team: '一组', weight: 1 },
      {
        id: 'b',
        name: '乙',
        team: '一组',
        weight: 1,
        employmentStart: '2027-03-16',
        employmentEnd: '2027-10-15',
      },
    ];
    const plan = buildPlan({ people, total: 1_200_000 });
    // March: b works 16 of 31 days, so b's weight is 16/31 against a's 1; October: 15/31.
    // Carried remainders may round either way, but never by a whole yuan.
    const march = (100_000 * (16 / 31)) / (1 + 16 / 31);
    const october = (100_000 * (15 / 31)) / (1 + 15 / 31);
    expect(Math.abs((plan.values['rep:b']?.[2] ?? 0) - march)).toBeLessThan(1);
    expect(Math.abs((plan.values['rep:b']?.[9] ?? 0) - october)).toBeLessThan(1);
    expect(plan.values['rep:b']?.[1]).toBe(0);
    expect(plan.values['rep:b']?.[10]).toBe(0);
  });

  it('moves the share of a month nobody works to the other months', () => {
    const people = [
      { id: 'a', name: '甲', team: '一组', weight: 1, employmentStart: '2027-02-01' },
    ];
    const result = createTargetPlan(planInput({ people, total: 1_100_000 }));
    if (!result.ok) throw new Error('expected a plan');
    expect(result.notices).toContainEqual({ code: 'months-without-people', months: [1] });
    expect(result.value.values['rep:a']).toEqual([0, ...new Array(11).fill(100_000)]);
  });

  it('reports a year in which nobody works', () => {
    const people = [{ id: 'a', name: '甲', team: '一组', weight: 1, employmentEnd: '2026-06-30' }];
    const result = createTargetPlan(planInput({ people }));
    expect(result).toEqual({ ok: false, problems: [{ code: 'nobody-active', year: 2027 }] });
  });

  it('rejects a total over the limit', () => {
    const result = createTargetPlan(planInput({ total: MAX_PLAN_TOTAL + 1 }));

    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'invalid-total', total: MAX_PLAN_TOTAL + 1 }],
    });
    expect(createTargetPlan(planInput({ total: MAX_PLAN_TOTAL })).ok).toBe(true);
  });

  it('gives a team without reps its own row', () => {
    const plan = buildPlan({
      people: SEVEN_REPS.slice(0, 2),
      teams: [{ name: '新市场组' }],
      total: 3_000_000,
    });
    expect(listLeafRows(plan)).toEqual(['rep:r1', 'rep:r2', 'team:新市场组']);
    expect(rowTotal(plan, 'team:新市场组')).toBe(1_000_000);
  });

  it('puts reps in no team into a last team row', () => {
    const plan = buildPlan({
      people: [{ id: 'x', name: '散兵', team: '', weight: 1 }, SEVEN_REPS[0]!],
    });
    expect(plan.teams.map((team) => team.name)).toEqual(['华东一组', '']);
  });

  it('reports invalid input field by field', () => {
    const result = createTargetPlan(
      planInput({
        year: 1999,
        total: 1_000.5,
        people: [
          { id: 'a', name: '甲', team: '', weight: -1 },
          { id: 'a', name: '乙', team: '', weight: 1, employmentStart: '2027-02-30' },
          {
            id: 'c',
            name: '丙',
            team: '',
            weight: 1,
            employmentStart: '2027-05-01',
            employmentEnd: '2027-04-30',
          },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { code: 'invalid-year', year: 1999 },
      { code: 'invalid-total', total: 1000.5 },
      { code: 'invalid-weight', personId: 'a', weight: -1 },
      { code: 'duplicate-person', personId: 'a' },
      {
        code: 'invalid-employment-date',
        personId: 'a',
        field: 'employmentStart',
        value: '2027-02-30',
      },
      {
        code: 'employment-ends-before-start',
        personId: 'c',
        start: '2027-05-01',
        end: '2027-04-30',
      },
    ]);
  });

  it('reports unusable split data', () => {
    expect(
      createTargetPlan(planInput({ timeSplit: { method: 'seasonal', monthWeights: [1, 2] } })),
    ).toEqual({
      ok: false,
      problems: [{ code: 'invalid-month-weights', count: 2 }],
    });
    expect(
      createTargetPlan(
        planInput({ timeSplit: { method: 'lastYear', monthActuals: new Array(12).fill(0) } }),
      ),
    ).toEqual({
      ok: false,
      problems: [{ code: 'no-actuals' }],
    });
    expect(
      createTargetPlan(planInput({ peopleSplit: { method: 'lastPeriod', results: {} } })),
    ).toEqual({
      ok: false,
      problems: [{ code: 'no-results' }],
    });
  });
});

describe('createTargetPlan properties', () => {
  it('adds up exactly, never goes negative and leaves months outside employment empty', () => {
    fc.assert(
      fc.property(
        peopleArbitrary.chain((people) =>
          fc.record({
            people: fc.constant(people),
            timeSplit: timeSplitArbitrary,
            peopleSplit: peopleSplitArbitrary(people),
            total: totalArbitrary,
          }),
        ),
        ({ people, timeSplit, peopleSplit, total }) => {
          const result = createTargetPlan(planInput({ people, timeSplit, peopleSplit, total }));
          if (!result.ok) {
            // Only a year nobody works in, or no usable weights, may stop a plan built from valid input.
            for (const problem of result.problems)
              expect(['nobody-active', 'no-weight', 'no-results']).toContain(problem.code);
            return;
          }
          const plan = result.value;
          expect(planTotal(plan)).toBe(total);
          for (const person of people) {
            const values = plan.values[`rep:${person.id}`] ?? [];
            const fractions = activeMonthFractions(2027, person);
            values.forEach((value, month) => {
              expect(Number.isSafeInteger(value)).toBe(true);
              expect(value).toBeGreaterThanOrEqual(0);
              if (fractions[month] === 0) expect(value).toBe(0);
            });
          }
          expectGridAddsUp(plan);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('breaks near month ties by order', () => {
    const people = [
      { id: 'r1', name: '销售1', team: '华东一组', weight: 1 },
      { id: 'r2', name: '销售2', team: '华东一组', weight: 0 },
      { id: 'r3', name: '销售3', team: '华东一组', weight: 1 },
      { id: 'r4', name: '销售4', team: '华东一组', weight: 0 },
      { id: 'r5', name: '销售5', team: '华东一组', weight: 0 },
      { id: 'r6', name: '销售6', team: '华东一组', weight: 0 },
      { id: 'r7', name: '销售7', team: '华东一组', weight: 0 },
    ];
    const monthActuals = [
      0, 0, 0, 0, 0, 47.1991413361393, 0, 4999999.999999992, 0, 0, 0, 4999999.999999993,
    ];
    const timeSplit = { method: 'lastYear' as const, monthActuals };

    const result = createTargetPlan(planInput({ people, timeSplit, total: 4863488 }));

    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(companyMonths(result.value)).toEqual([0, 0, 0, 0, 0, 23, 0, 2431733, 0, 0, 0, 2431732]);
  });

  it('keeps company months exact', () => {
    fc.assert(
      fc.property(
        peopleArbitrary.map((people) =>
          people.map(({ employmentStart: _s, employmentEnd: _e, ...person }) => person),
        ),
        timeSplitArbitrary,
        totalArbitrary,
        (people, timeSplit, total) => {
          const result = createTargetPlan(planInput({ people, timeSplit, total }));
          if (!result.ok) throw new Error(JSON.stringify(result.problems));
          const weights = timeSplitWeights(timeSplit);
          if (!weights.ok) throw new Error('weights');
          expect(companyMonths(result.value)).toEqual(apportion(total, weights.weights));
        },
      ),
    );
  });

  it('keeps reps within one unit of their share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (count, total) => {
          const people = Array.from({ length: count }, (_, index) => ({
            id: `r${index}`,
            name: `r${index}`,
            team: 'A',
            weight: 1,
          }));
          const plan = buildPlan({ people, total });
          for (const person of people) {
            expect(Math.abs(rowTotal(plan, `rep:${person.id}`) - total / count)).toBeLessThan(1);
          }
        },
      ),
    );
  });
});

describe('resplitTargetPlan', () => {
  it('keeps the total and locked cells while applying a new time split', () => {
    const locked = setCellLock(buildPlan(), { row: 'rep:r1', column: 'm1' }, true, NOW);
    if (!locked.ok) throw new Error('lock failed');
    const before = locked.value.values['rep:r1']?.[0];
    const result = resplitTargetPlan(
      locked.value,
      { timeSplit: { method: 'seasonal', monthWeights: [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1] } },
      NOW,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(planTotal(result.value)).toBe(12_000_000);
    expect(result.value.values['rep:r1']?.[0]).toBe(before);
    expect(result.value.values['rep:r2']?.[0]).toBe(0);
    expect(cellValue(result.value, { row: 'company', column: 'm4' })).toBeGreaterThan(1_300_000);
  });

  it('refuses to change an approved plan', () => {
    const plan = { ...buildPlan(), status: 'approved' as const };
    expect(resplitTargetPlan(plan, { timeSplit: { method: 'even' } }, NOW)).toEqual({
      ok: false,
      problems: [{ code: 'plan-not-draft', status: 'approved' }],
    });
  });
});
