import { describe, expect, it } from 'vitest';
import { setCellLock, setCellValue } from './plan-edit';
import { cellValue, listLeafRows, MONTH_COLUMNS, planTotal } from './plan-grid';
import { diffPlanTeam, hasTeamChanges, syncPlanWithTeam } from './plan-team-sync';
import type { PlanPerson, TargetPlan } from './target-plan.types';
import { buildPlan, NOW, SEVEN_REPS } from './test/plan-fixtures';

const LATER = NOW + 60_000;
const HIRED: PlanPerson[] = [
  { id: 'r8', name: '孙丽', team: '华东一组', weight: 1, employmentStart: '2027-07-01' },
  { id: 'r9', name: '周强', team: '大客户部', weight: 2 },
];

function companyMonths(plan: TargetPlan): number[] {
  return MONTH_COLUMNS.map((column) => cellValue(plan, { row: 'company', column }));
}

function expectOk<T>(result: { ok: true; value: T } | { ok: false; problems: unknown[] }): T {
  if (!result.ok) throw new Error(`Unexpected problems: ${JSON.stringify(result.problems)}`);
  return result.value;
}

describe('diffPlanTeam', () => {
  it('lists added, left and moved reps', () => {
    const plan = buildPlan();
    const current = [
      ...SEVEN_REPS.filter((person) => person.id !== 'r2').map((person) =>
        person.id === 'r4' ? { ...person, team: '华东一组' } : person,
      ),
      ...HIRED,
    ];

    const changes = diffPlanTeam(plan, current);

    expect(changes.added.map((person) => person.id)).toEqual(['r8', 'r9']);
    expect(changes.left.map((person) => person.id)).toEqual(['r2']);
    expect(changes.moved).toEqual([
      { person: expect.objectContaining({ id: 'r4' }), from: '华南组', to: '华东一组' },
    ]);
    expect(hasTeamChanges(changes)).toBe(true);
  });

  it('finds no changes for the same team', () => {
    expect(hasTeamChanges(diffPlanTeam(buildPlan(), SEVEN_REPS))).toBe(false);
  });
});

describe('syncPlanWithTeam', () => {
  it('adds new reps at 0 and keeps every figure', () => {
    const plan = buildPlan();

    const synced = expectOk(syncPlanWithTeam(plan, [...SEVEN_REPS, ...HIRED], 'zero', LATER));

    expect(synced.values['rep:r8']).toEqual(new Array(12).fill(0));
    expect(synced.values['rep:r9']).toEqual(new Array(12).fill(0));
    for (const row of listLeafRows(plan)) expect(synced.values[row]).toEqual(plan.values[row]);
    expect(synced.teams.map((team) => team.name)).toEqual(['华东一组', '华南组', '大客户部']);
    expect(synced.updatedAt).toBe(LATER);
  });

  it('shares each month with new reps by weight and employed days', () => {
    const plan = buildPlan({ peopleSplit: { method: 'weight' } });

    const synced = expectOk(syncPlanWithTeam(plan, [...SEVEN_REPS, ...HIRED], 'share', LATER));

    expect(planTotal(synced)).toBe(planTotal(plan));
    expect(companyMonths(synced)).toEqual(companyMonths(plan));
    const r8 = synced.values['rep:r8'] ?? [];
    expect(r8.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    // July: 1,000,000 over weights 1×7 + 1 + 2 = 10.
    expect(r8[6]).toBe(100_000);
    // January: 1,000,000 over weights 1×7 + 2 = 9.
    expect(synced.values['rep:r9']?.[0]).toBe(222_222);
    expect(synced.values['rep:r9']?.[6]).toBe(200_000);
    expect(synced.values['rep:r1']?.[6]).toBe(100_000);
  });

  it('keeps locked cells and hand edits in proportion', () => {
    let plan = buildPlan();
    plan = expectOk(setCellValue(plan, { row: 'rep:r1', column: 'm1' }, 300_000, NOW));
    plan = expectOk(setCellLock(plan, { row: 'rep:r2', column: 'year' }, true, NOW));
    plan = expectOk(setCellLock(plan, { row: 'company', column: 'year' }, true, NOW));

    const synced = expectOk(syncPlanWithTeam(plan, [...SEVEN_REPS, HIRED[1]!], 'share', LATER));

    expect(synced.locks).toEqual(plan.locks);
    expect(synced.values['rep:r2']).toEqual(plan.values['rep:r2']);
    expect(companyMonths(synced)).toEqual(companyMonths(plan));
    const before = (plan.values['rep:r1']?.[0] ?? 0) / (plan.values['rep:r3']?.[0] ?? 1);
    const after = (synced.values['rep:r1']?.[0] ?? 0) / (synced.values['rep:r3']?.[0] ?? 1);
    expect(after).toBeCloseTo(before, 3);
    expect(synced.values['rep:r9']?.[0]).toBeGreaterThan(0);
  });

  it('gives nothing to a new rep under a locked team', () => {
    let plan = buildPlan();
    plan = expectOk(setCellLock(plan, { row: 'team:华东一组', column: 'year' }, true, NOW));

    const synced = expectOk(syncPlanWithTeam(plan, [...SEVEN_REPS, HIRED[0]!], 'share', LATER));

    expect(synced.values['rep:r8']).toEqual(new Array(12).fill(0));
    expect(cellValue(synced, { row: 'team:华东一组', column: 'year' })).toBe(
      cellValue(plan, { row: 'team:华东一组', column: 'year' }),
    );
  });

  it('keeps a rep who left until their figures are 0', () => {
    const plan = buildPlan();
    const current = SEVEN_REPS.filter((person) => person.id !== 'r7');

    const kept = expectOk(syncPlanWithTeam(plan, current, 'zero', LATER));
    expect(kept.people.map((person) => person.id)).toContain('r7');
    expect(kept.values['rep:r7']).toEqual(plan.values['rep:r7']);

    let moved = expectOk(setCellLock(kept, { row: 'company', column: 'year' }, true, NOW));
    moved = expectOk(setCellValue(moved, { row: 'rep:r7', column: 'year' }, 0, NOW));
    moved = expectOk(setCellLock(moved, { row: 'rep:r7', column: 'm1' }, true, NOW));
    const removed = expectOk(syncPlanWithTeam(moved, current, 'zero', LATER));

    expect(removed.people.map((person) => person.id)).not.toContain('r7');
    expect(removed.values['rep:r7']).toBeUndefined();
    expect(removed.locks).toEqual(['company|year']);
    expect(planTotal(removed)).toBe(planTotal(plan));
  });

  it('moves a rep with their figures', () => {
    const plan = buildPlan();
    const current = SEVEN_REPS.map((person) =>
      person.id === 'r1' ? { ...person, team: '华南组' } : person,
    );

    const synced = expectOk(syncPlanWithTeam(plan, current, 'zero', LATER));

    expect(synced.people.find((person) => person.id === 'r1')?.team).toBe('华南组');
    expect(synced.values['rep:r1']).toEqual(plan.values['rep:r1']);
    expect(cellValue(synced, { row: 'team:华南组', column: 'year' })).toBe(
      cellValue(plan, { row: 'team:华南组', column: 'year' }) +
        cellValue(plan, { row: 'rep:r1', column: 'year' }),
    );
    expect(planTotal(synced)).toBe(planTotal(plan));
  });

  it('drops a team whose reps all moved out', () => {
    const plan = buildPlan();
    const current = SEVEN_REPS.map((person) =>
      person.team === '华南组' ? { ...person, team: '' } : person,
    );

    const synced = expectOk(syncPlanWithTeam(plan, current, 'zero', LATER));

    expect(synced.teams.map((team) => team.name)).toEqual(['华东一组', '']);
    expect(synced.values['team:华南组']).toBeUndefined();
    expect(planTotal(synced)).toBe(planTotal(plan));
  });

  it('rejects reps joining a team row with its own target', () => {
    const plan = buildPlan({ teams: [{ name: '大客户部' }] });

    const result = syncPlanWithTeam(plan, [...SEVEN_REPS, HIRED[1]!], 'zero', LATER);

    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'team-row-gains-reps', row: 'team:大客户部' }],
    });
  });

  it('rejects an approved plan', () => {
    const plan: TargetPlan = { ...buildPlan(), status: 'approved' };

    const result = syncPlanWithTeam(plan, [...SEVEN_REPS, ...HIRED], 'zero', LATER);

    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'plan-not-draft', status: 'approved' }],
    });
  });
});
