import { parseRepTable } from '@sras/import';
import { describe, expect, it } from 'vitest';
import { StorageFullError } from '../../storage/storage-full';
import { useFreshDatabase } from '../../test/database';
import { computeDashboard } from '../dashboard/dashboard-metrics';
import { setCellLock } from '../targets/plan-edit';
import { planTotal } from '../targets/plan-grid';
import { approvePlan } from '../targets/plan-versions';
import { listTargetPlans, saveTargetPlans } from '../targets/target-plan.repository';
import type { TargetPlan } from '../targets/target-plan.types';
import { buildPlan, NOW, SEVEN_REPS } from '../targets/test/plan-fixtures';
import { emptyDraft, repFromDraft, type StoredRep } from './rep-draft';
import {
  addRep,
  addTeam,
  applyRepImport,
  deleteRep,
  deleteTeam,
  listReps,
  planRepImport,
  REP_WRITE_CHUNK,
  renameTeam,
  setRepActive,
  updateRep,
} from './team-repository';

function rep(id: string, name: string, team = '', extra: Partial<StoredRep> = {}): StoredRep {
  return { ...repFromDraft({ ...emptyDraft(id, team), name }, 1), ...extra };
}

function table(text: string) {
  const [header, ...lines] = text.trim().split('\n');
  const headers = (header ?? '').split(',');
  return parseRepTable({
    columns: headers.map((name) => ({ key: name, header: name })),
    rows: lines.map((line, index) => ({
      row: index + 2,
      values: Object.fromEntries(
        line.split(',').map((value, column) => [headers[column] ?? '', value]),
      ),
    })),
  });
}

describe('team repository', () => {
  const database = useFreshDatabase();

  it('adds a rep with its team and rejects a taken id', async () => {
    await addRep(rep('r1', '张伟', '华东一组'));

    await expect(addRep(rep('r1', '李娜'))).rejects.toMatchObject({ messageKey: 'errors.idTaken' });
    expect((await listReps()).map((entry) => entry.name)).toEqual(['张伟']);
    expect((await database().teams.toArray()).map((team) => team.name)).toEqual(['华东一组']);
  });

  it('lists reps by pinyin', async () => {
    for (const [id, name] of <[string, string][]>[
      ['r1', '刘洋'],
      ['r2', '张伟'],
      ['r3', '李娜'],
      ['r4', '王芳'],
      ['r5', '陈静'],
    ])
      await addRep(rep(id, name));

    expect((await listReps()).map((entry) => entry.name)).toEqual([
      '陈静',
      '李娜',
      '刘洋',
      '王芳',
      '张伟',
    ]);
  });

  it('updates, deactivates and deletes a rep', async () => {
    await addRep(rep('r1', '张伟'));

    await updateRep(rep('r1', '张伟', '', { weight: 2, capacity: { day: 0 } }));
    await setRepActive('r1', false);
    expect(await database().reps.get('r1')).toMatchObject({
      weight: 2,
      capacity: { day: 0 },
      active: false,
    });

    await deleteRep('r1');
    expect(await database().reps.count()).toBe(0);
    await expect(setRepActive('r1', true)).rejects.toMatchObject({
      messageKey: 'errors.repMissing',
    });
  });

  it('keeps the old name of a renamed rep and drops a name given back', async () => {
    await addRep(rep('r1', '张伟'));

    await updateRep(rep('r1', '张伟（组长）'));
    expect(await database().reps.get('r1')).toMatchObject({
      name: '张伟（组长）',
      formerNames: ['张伟'],
    });
    await updateRep(rep('r1', '张伟（组长）', '', { weight: 2 }));
    await updateRep(rep('r1', '张伟大'));
    expect((await database().reps.get('r1'))?.formerNames).toEqual(['张伟', '张伟（组长）']);
    await updateRep(rep('r1', '张伟'));
    expect((await database().reps.get('r1'))?.formerNames).toEqual(['张伟（组长）', '张伟大']);
  });

  it('renames a team and moves its reps with it', async () => {
    const team = await addTeam('华东一组');
    await addRep(rep('r1', '张伟', '华东一组'));
    await addRep(rep('r2', '李娜', '华南组'));

    await renameTeam(team.id, '华东大区');

    expect((await database().reps.get('r1'))?.team).toBe('华东大区');
    expect((await database().reps.get('r2'))?.team).toBe('华南组');
    await expect(addTeam(' 华东大区 ')).rejects.toMatchObject({ messageKey: 'errors.teamTaken' });
  });

  describe('renaming a team in target plans', () => {
    // 华东一组 and 华南组 have reps. 大客户部 has none, so its row is a leaf keyed by its name.
    function plansOfThreeTeams(): TargetPlan[] {
      const manual = {
        'rep:r1': 1_000_000,
        'rep:r2': 1_000_000,
        'rep:r3': 1_000_000,
        'rep:r4': 1_000_000,
        'rep:r5': 1_000_000,
        'rep:r6': 1_000_000,
        'rep:r7': 1_000_000,
        'team:大客户部': 5_000_000,
      };
      const draft = setCellLock(
        buildPlan({
          teams: [{ name: '大客户部' }],
          peopleSplit: { method: 'manual', amounts: manual },
        }),
        { row: 'team:大客户部', column: 'q1' },
        true,
        NOW,
      );
      if (!draft.ok) throw new Error('lock failed');
      const approval = approvePlan(
        buildPlan({ id: 'plan-approved', teams: [{ name: '大客户部' }] }),
        [],
        NOW,
      );
      if (!approval.ok) throw new Error('approve failed');
      return [draft.value, approval.value.approved];
    }

    async function storeTeams() {
      const keyAccounts = await addTeam('大客户部');
      const east = await addTeam('华东一组');
      for (const person of SEVEN_REPS) {
        await addRep(rep(person.id, person.name, person.team));
      }
      return { keyAccounts, east };
    }

    it('renames row keys and names in drafts and approved versions', async () => {
      const { keyAccounts, east } = await storeTeams();
      const before = plansOfThreeTeams();
      await saveTargetPlans(before);

      await renameTeam(keyAccounts.id, 'KA 大客户');
      await renameTeam(east.id, '华东大区');

      const after = await listTargetPlans();
      expect(after).toHaveLength(2);
      for (const plan of after) {
        const original = before.find((candidate) => candidate.id === plan.id);
        if (!original) throw new Error(`unexpected plan ${plan.id}`);
        expect(plan.teams.map((team) => team.name)).toEqual(['华东大区', '华南组', 'KA 大客户']);
        expect(plan.people.filter((person) => person.team === '华东大区')).toHaveLength(3);
        expect(Object.keys(plan.values).sort()).toEqual(
          Object.keys(original.values)
            .map((key) => (key === 'team:大客户部' ? 'team:KA 大客户' : key))
            .sort(),
        );
        expect(plan.values['team:KA 大客户']).toEqual(original.values['team:大客户部']);
        expect(planTotal(plan)).toBe(planTotal(original));
        expect(plan.status).toBe(original.status);
        expect(plan.updatedAt).toBe(original.updatedAt);
      }

      const draft = after.find((plan) => plan.id === 'plan-2027');
      expect(draft?.locks).toEqual(['team:KA 大客户|q1']);
      expect(draft?.peopleSplit).toMatchObject({
        method: 'manual',
        amounts: { 'team:KA 大客户': 5_000_000 },
      });
      const records = await database().targetPlans.orderBy('id').toArray();
      expect(records.map((record) => record.status)).toEqual(['draft', 'active']);
    });

    it('keeps a renamed team row attached on the dashboard', async () => {
      const { keyAccounts } = await storeTeams();
      const [draft] = plansOfThreeTeams();
      if (!draft) throw new Error('no draft');
      await saveTargetPlans([draft]);
      await addRep(rep('r8', '周杰', '大客户部'));

      await renameTeam(keyAccounts.id, 'KA 大客户');

      const [plan] = await listTargetPlans();
      if (!plan) throw new Error('no plan');
      const dashboard = computeDashboard({
        reps: [{ id: 'r8', name: '周杰', team: 'KA 大客户' }],
        records: [],
        targets: new Map([[2027, plan.values]]),
        targetUnit: 'yuan',
        period: { start: '2027-01-01', end: '2027-12-31' },
        asOf: '2027-07-01',
        behindMargin: 0.1,
      });
      expect(dashboard.teams.map((team) => [team.team, team.target])).toEqual([
        ['KA 大客户', 5_000_000],
      ]);
    });

    it('rejects a name a plan still uses for another team', async () => {
      const { keyAccounts } = await storeTeams();
      // 华北组 was deleted after the plan was made, so the plan still has its row.
      const [draft] = plansOfThreeTeams();
      if (!draft) throw new Error('no draft');
      const withNorth = buildPlan({
        id: 'plan-north',
        teams: [{ name: '大客户部' }, { name: '华北组' }],
      });
      await saveTargetPlans([draft, withNorth]);

      await expect(renameTeam(keyAccounts.id, '华北组')).rejects.toMatchObject({
        messageKey: 'errors.teamNameInPlan',
        params: { name: '华北组', plan: withNorth.name, version: '1' },
      });

      expect((await database().teams.get(keyAccounts.id))?.name).toBe('大客户部');
      const stored = await listTargetPlans();
      expect(stored).toEqual(expect.arrayContaining([draft, withNorth]));
    });
  });

  it('rejects a team name that differs only in case', async () => {
    const sales = await addTeam('Sales');
    const east = await addTeam('East');

    await expect(addTeam('SALES')).rejects.toMatchObject({ messageKey: 'errors.teamTaken' });
    await expect(renameTeam(east.id, ' sales ')).rejects.toMatchObject({
      messageKey: 'errors.teamTaken',
    });
    await expect(renameTeam(sales.id, 'SALES')).resolves.toBeUndefined();
  });

  it('deletes a team and keeps its reps in no team', async () => {
    const team = await addTeam('华东一组');
    await addRep(rep('r1', '张伟', '华东一组'));

    await deleteTeam(team.id);

    expect(await database().teams.count()).toBe(0);
    expect((await database().reps.get('r1'))?.team).toBe('');
  });

  it('reports a full disk and saves nothing of the action', async () => {
    database().teams.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    await expect(addRep(rep('r1', '张伟', '新组'))).rejects.toBeInstanceOf(StorageFullError);
    expect(await database().reps.count()).toBe(0);
  });
});

describe('planRepImport', () => {
  const stored = [
    rep('r1', '张伟', '华东一组', { weight: 3, capacity: { day: 5 } }),
    rep('r2', '李娜', '华南组'),
  ];

  it('adds new reps and changes only the columns the file has', () => {
    const plan = planRepImport(
      stored,
      [],
      table('id,name,team\nr1,张伟,华东二组\nr3,王芳,华东二组'),
      'merge',
      9,
    );

    expect(plan).toMatchObject({
      added: 1,
      updated: 1,
      unchanged: 0,
      removed: [],
      newTeams: ['华东二组'],
    });
    expect(plan.reps[0]).toMatchObject({
      id: 'r1',
      team: '华东二组',
      weight: 3,
      capacity: { day: 5 },
    });
    expect(plan.reps[1]).toMatchObject({ id: 'r3', weight: 1, active: true, createdAt: 9 });
  });

  it('keeps the old name of a rep the file renames', () => {
    const plan = planRepImport(stored, [], table('id,name\nr1,张伟（组长）'), 'merge', 9);

    expect(plan.reps[0]).toMatchObject({ name: '张伟（组长）', formerNames: ['张伟'] });
  });

  it('counts unchanged reps and deletes missing ones when replacing', () => {
    const plan = planRepImport(stored, [], table('id,name,team\nr1,张伟,华东一组'), 'replace', 9);

    expect(plan).toMatchObject({ added: 0, updated: 0, unchanged: 1, removed: ['r2'] });
  });

  it('clears a capacity left empty in the file', () => {
    const plan = planRepImport(stored, [], table('id,name,capacity_day\nr1,张伟,'), 'merge', 9);

    expect(plan.reps[0]?.capacity).toEqual({});
  });
});

describe('applyRepImport', () => {
  const database = useFreshDatabase();

  it('saves reps and new teams together', async () => {
    await addRep(rep('r2', '李娜'));
    const plan = planRepImport(
      await listReps(),
      [],
      table('id,name,team\nr1,张伟,华东一组'),
      'replace',
      9,
    );

    await applyRepImport(plan);

    expect((await listReps()).map((entry) => entry.id)).toEqual(['r1']);
    expect((await database().teams.toArray()).map((team) => team.name)).toEqual(['华东一组']);
  });

  it('changes nothing when saving fails without new teams', async () => {
    await addRep(rep('r2', '李娜', '华东一组'));
    const plan = planRepImport(
      await listReps(),
      await database().teams.toArray(),
      table('id,name,team\nr1,张伟,华东一组\nr2,李娜,华南组'),
      'merge',
      9,
    );
    expect(plan.newTeams).toEqual(['华南组']);
    const noNewTeams = { ...plan, newTeams: [] };
    let puts = 0;
    database().reps.hook('updating', () => {
      puts += 1;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    await expect(applyRepImport(noNewTeams)).rejects.toBeInstanceOf(StorageFullError);
    expect(puts).toBe(1);
    expect((await listReps()).map((entry) => [entry.id, entry.team])).toEqual([['r2', '华东一组']]);
  });

  it('changes nothing when saving fails', async () => {
    await addRep(rep('r2', '李娜'));
    const plan = planRepImport(
      await listReps(),
      [],
      table('id,name,team\nr1,张伟,华东一组'),
      'replace',
      9,
    );
    database().reps.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    await expect(applyRepImport(plan)).rejects.toBeInstanceOf(StorageFullError);
    expect((await listReps()).map((entry) => entry.id)).toEqual(['r2']);
    expect(await database().teams.count()).toBe(0);
  });
  it('rolls back earlier batches when a later batch of a large import fails', async () => {
    const count = REP_WRITE_CHUNK * 2 + 50;
    const lines = Array.from(
      { length: count },
      (_, index) => `r${index},销售${index},团队${index % 25}`,
    );
    const plan = planRepImport([], [], table(`id,name,team\n${lines.join('\n')}`), 'merge', 9);
    let creates = 0;
    database().reps.hook('creating', () => {
      creates += 1;
      if (creates === count) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
    });

    await expect(applyRepImport(plan)).rejects.toBeInstanceOf(StorageFullError);
    expect(creates).toBe(count);
    expect(await database().reps.count()).toBe(0);
    expect(await database().teams.count()).toBe(0);
  });

  it('saves every batch of a large import', async () => {
    const count = REP_WRITE_CHUNK * 2 + 50;
    const lines = Array.from(
      { length: count },
      (_, index) => `r${index},销售${index},团队${index % 25}`,
    );
    const plan = planRepImport([], [], table(`id,name,team\n${lines.join('\n')}`), 'merge', 9);

    await applyRepImport(plan);

    expect(await database().reps.count()).toBe(count);
    expect(await database().reps.get(`r${count - 1}`)).toMatchObject({ name: `销售${count - 1}` });
    expect(await database().teams.count()).toBe(25);
  });
});
