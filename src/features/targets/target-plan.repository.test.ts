import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../test/database';
import { approvePlan } from './plan-versions';
import {
  deleteTargetPlan,
  listTargetPlans,
  saveTargetPlans,
  toPlanPerson,
} from './target-plan.repository';
import { buildPlan, NOW } from './test/plan-fixtures';

describe('target plan repository', () => {
  const database = useFreshDatabase();

  it('stores plans with the storage status and reads them back', async () => {
    const draft = buildPlan();
    const approval = approvePlan(buildPlan({ id: 'plan-b' }), [], NOW);
    if (!approval.ok) throw new Error('approve failed');
    await saveTargetPlans([draft, approval.value.approved]);

    const records = await database().targetPlans.orderBy('id').toArray();
    expect(records.map((record) => [record.id, record.status, record.year])).toEqual([
      ['plan-2027', 'draft', 2027],
      ['plan-b', 'active', 2027],
    ]);
    expect(await listTargetPlans()).toEqual(
      expect.arrayContaining([draft, approval.value.approved]),
    );
  });

  it('skips records that are not target plans', async () => {
    await database().targetPlans.put({
      id: 'x',
      year: 2027,
      name: 'x',
      status: 'draft',
      plan: { format: 'other' },
      createdAt: 0,
      updatedAt: 0,
    });
    expect(await listTargetPlans()).toEqual([]);
  });

  it('deletes one version', async () => {
    await saveTargetPlans([buildPlan(), buildPlan({ id: 'plan-2' })]);
    await deleteTargetPlan('plan-2027');
    expect((await listTargetPlans()).map((plan) => plan.id)).toEqual(['plan-2']);
  });

  it('maps a stored rep to a plan person', () => {
    const rep = {
      id: 'r1',
      name: '张伟',
      team: '华东一组',
      createdAt: 0,
      updatedAt: 0,
      employmentStart: '2027-03-16',
    };
    expect(toPlanPerson(rep)).toEqual({
      id: 'r1',
      name: '张伟',
      team: '华东一组',
      weight: 1,
      employmentStart: '2027-03-16',
    });
    expect(toPlanPerson({ ...rep, weight: -2 }).weight).toBe(0);
  });
});
