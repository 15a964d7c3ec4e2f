import { describe, expect, it } from 'vitest';
import { planToTable } from './grid-table';
import { planTotal } from './plan-grid';
import { planHasTeam, renamePlanTeam, withCurrentNames } from './plan-rename';
import { CHINESE_LABELS } from './test/grid-labels';
import { buildPlan, SEVEN_REPS } from './test/plan-fixtures';

describe('renamePlanTeam', () => {
  it('returns the plan itself without that team', () => {
    const plan = buildPlan();
    expect(renamePlanTeam(plan, '华北组', '华北大区')).toBe(plan);
    expect(renamePlanTeam(plan, '华东一组', '华东一组')).toBe(plan);
  });

  it('renames the rows a split read results for', () => {
    const plan = buildPlan({
      teams: [{ name: '大客户部' }],
      peopleSplit: {
        method: 'lastPeriod',
        results: { 'rep:r1': 100, 'rep:r2': 100, 'team:大客户部': 300 },
      },
    });
    const noted = {
      ...plan,
      splitNotes: [
        { code: 'people-without-results' as const, rows: ['rep:r3', 'team:大客户部'], assumed: 1 },
      ],
    };

    const renamed = renamePlanTeam(noted, '大客户部', 'KA');

    expect(renamed.peopleSplit).toMatchObject({
      method: 'lastPeriod',
      results: { 'rep:r1': 100, 'rep:r2': 100, 'team:KA': 300 },
    });
    expect(renamed.splitNotes).toEqual([
      { code: 'people-without-results', rows: ['rep:r3', 'team:KA'], assumed: 1 },
    ]);
    expect(planHasTeam(renamed, '大客户部')).toBe(false);
    expect(planTotal(renamed)).toBe(planTotal(plan));
  });
});

describe('withCurrentNames', () => {
  const current = new Map(
    SEVEN_REPS.filter((person) => person.id !== 'r7').map((person) => [
      person.id,
      person.id === 'r1' ? '张伟（华东）' : person.name,
    ]),
  );

  it('returns the plan itself when every name is current', () => {
    const plan = buildPlan();
    const all = new Map(SEVEN_REPS.map((person) => [person.id, person.name]));
    expect(withCurrentNames(plan, all, (name) => `${name} (deleted)`)).toBe(plan);
  });

  it('puts current names and marks into the exported table', () => {
    const plan = buildPlan();
    const shown = withCurrentNames(plan, current, (name) => `${name}（已删除）`);

    const rows = planToTable(shown, CHINESE_LABELS);
    const nameOf = (rowKey: string) => rows.find((row) => row[0] === rowKey)?.[2];
    expect(nameOf('rep:r1')).toBe('张伟（华东）');
    expect(nameOf('rep:r2')).toBe('王芳');
    expect(nameOf('rep:r7')).toBe('赵敏（已删除）');
    expect(plan.people[0]?.name).toBe('张伟');
    expect(shown.values).toBe(plan.values);
  });
});
