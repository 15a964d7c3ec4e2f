import { describe, expect, it } from 'vitest';
import type { RepRecord } from '../../storage/records';
import { useFreshDatabase } from '../../test/database';
import { createSessionHarness, textFile } from '../data/test/import-harness';
import { runSimulation } from '../simulation/engine/simulation-run';
import { applyRun } from '../simulation/runs/run-actions';
import { toEngineRep } from '../simulation/ui/useSimulationInputs';
import { openDataset } from '../simulation/worker/dataset-source';
import { saveRun } from '../simulation/worker/run-storage';
import { conditionOptionsOf } from '../simulation/worker/simulation.session';
import { edge, flowDocument, node } from '../templates/catalogue/flow-builder';
import { computeDashboard } from './dashboard-metrics';
import { loadDashboardRecords } from './dashboard-records';
import { readDashboardSettings } from './dashboard-settings';
import { computeFairness } from './fairness';
import { mergeRunAssignments, type OutcomeRecord } from './outcome-records';

const REPS: RepRecord[] = [
  { id: 'r1', name: '张伟', team: '华东一组', weight: 1, createdAt: 0, updatedAt: 0 },
  { id: 'r2', name: '王芳', team: '华东一组', weight: 1, createdAt: 0, updatedAt: 0 },
  { id: 'r3', name: '刘洋', team: '华东一组', weight: 2, createdAt: 0, updatedAt: 0 },
];

const FLOW = flowDocument(
  'shares',
  '华东轮询',
  [
    node('source', 'source', 0, 0),
    node('rotation', 'roundRobin', 1, 0, {
      label: '华东组',
      assignees: [{ repId: 'r1' }, { repId: 'r2' }, { repId: 'r3' }],
    }),
    node('pool', 'pool', 2, 0, { reason: '满额' }),
  ],
  [edge('source', 'out', 'rotation'), edge('rotation', 'overflow', 'pool')],
);

/** 40 leads of March 2027 with their later outcome: every fourth won, for 10,000 yuan. */
function leadsFile(): string {
  const lines = ['线索编号,客户名称,手机,创建时间,销售阶段,成交金额,成交日期'];
  for (let index = 1; index <= 40; index++) {
    const won = index % 4 === 0;
    lines.push(
      [
        `L${String(index).padStart(3, '0')}`,
        `客户${index}`,
        `138${String(index).padStart(8, '0')}`,
        `2027-03-${String(1 + (index % 20)).padStart(2, '0')} 10:00`,
        won ? '赢单' : '初步沟通',
        won ? '10000' : '',
        won ? '2027-03-25' : '',
      ].join(','),
    );
  }
  return lines.join('\n');
}

describe('loadDashboardRecords', () => {
  const database = useFreshDatabase();

  /** Imports the leads, simulates the flow on them, saves the run and applies it. */
  async function applyRunOnImportedLeads() {
    const harness = createSessionHarness();
    await harness.open(textFile('三月线索.csv', leadsFile()));
    await harness.parse({ kind: 'leads' });
    await harness.send({ type: 'store', requestId: harness.nextId(), name: '三月线索' });
    const [dataset] = await database().datasets.toArray();
    await database().reps.bulkAdd(REPS);

    const source = await openDataset(database(), dataset!.id);
    const settings = {
      flow: FLOW,
      datasetId: dataset!.id,
      ownersDatasetId: null,
      reps: REPS.map(toEngineRep),
      startRunId: null,
      now: Date.UTC(2027, 2, 31, 2),
      timeField: 'createdAt',
    };
    const outcome = await runSimulation(
      {
        ...settings,
        startState: null,
        owners: [],
        conditionOptions: conditionOptionsOf(source.dataset.columns),
      },
      source,
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    await saveRun(database(), outcome.run, settings, {
      runId: 'run-1',
      flowId: 'flow-1',
      flowRevision: 1,
    });
    expect(await applyRun('run-1', database())).toBeNull();
    return { datasetId: dataset!.id, run: outcome.run };
  }

  function march(records: readonly OutcomeRecord[]) {
    return computeDashboard({
      reps: REPS,
      records,
      targets: new Map(),
      targetUnit: 'yuan',
      period: { start: '2027-03-01', end: '2027-03-31' },
      asOf: '2027-03-31',
      behindMargin: 0.1,
    });
  }

  it('names a bad cell by its spreadsheet row and the mapped header', async () => {
    const lines = ['三月成交导出', '负责人,阶段,成交金额,成交日期'];
    for (let index = 1; index <= 60; index++) lines.push(`r1,赢单,1000,2027-03-05`);
    lines.push('', 'r2,赢单,2000,2026-02-30');
    const harness = createSessionHarness();
    await harness.open(textFile('deals.csv', lines.join('\n')));
    await harness.parse({ kind: 'deals' });
    await harness.send({ type: 'store', requestId: harness.nextId(), name: '成交' });
    const [dataset] = await database().datasets.toArray();

    const loaded = await loadDashboardRecords({
      settings: readDashboardSettings({ datasetIds: [dataset!.id] }),
      reps: REPS,
    });

    // Title row 1, header row 2, 60 deals on rows 3–62, a blank row 63: the bad date is on row 64.
    expect(loaded.issues[dataset!.id]?.issues).toEqual([
      { row: 64, column: '成交日期', code: 'won-dates-invalid', value: '2026-02-30' },
    ]);
  });

  it('counts a lead in a dataset and in an applied run once', async () => {
    const { datasetId, run } = await applyRunOnImportedLeads();

    const loaded = await loadDashboardRecords({
      settings: readDashboardSettings({ datasetIds: [datasetId], runIds: ['run-1'] }),
      reps: REPS,
    });
    const result = march(loaded.records);

    expect(loaded.records).toHaveLength(40);
    expect(result.total).toMatchObject({ assigned: 40, won: 10, revenue: 100_000 });
    for (let position = 0; position < 40; position++) {
      // The run decides the owner, the dataset the outcome.
      const record = loaded.records[position]!;
      expect(record.owner).toBe(run.columns.ownerIdAt(position));
      expect(record.won).toBe((position + 1) % 4 === 0);
    }
  });

  it('counts the same figures from the run alone, without outcomes', async () => {
    await applyRunOnImportedLeads();

    const loaded = await loadDashboardRecords({
      settings: readDashboardSettings({ runIds: ['run-1'] }),
      reps: REPS,
    });

    expect(march(loaded.records).total).toMatchObject({ assigned: 40, won: 0, revenue: 0 });
  });

  it('shows each rep’s round-robin share of an applied run against its weight', async () => {
    const { datasetId } = await applyRunOnImportedLeads();

    const loaded = await loadDashboardRecords({
      settings: readDashboardSettings({ datasetIds: [datasetId], runIds: ['run-1'] }),
      reps: REPS,
    });
    const result = march(loaded.records);
    const [pool] = computeFairness(loaded.pools, result.records, result.repIds);

    expect(loaded.pools).toHaveLength(1);
    expect(pool).toMatchObject({ nodeId: 'rotation', total: 40, alert: false });
    expect(pool?.rows.map((row) => [row.repId, row.count, row.expectedShare])).toEqual([
      ['r1', 10, 0.25],
      ['r2', 10, 0.25],
      ['r3', 20, 0.5],
    ]);
  });

  it('leaves out a simulation that was never applied', async () => {
    const { datasetId } = await applyRunOnImportedLeads();
    await database().runs.update('run-1', { appliedAt: undefined });

    const loaded = await loadDashboardRecords({
      settings: readDashboardSettings({ datasetIds: [datasetId], runIds: ['run-1'] }),
      reps: REPS,
    });

    expect(loaded.records).toHaveLength(40);
    expect(loaded.pools).toEqual([]);
    expect(loaded.records.every((record) => record.sourceKind === 'dataset')).toBe(true);
  });
});

describe('mergeRunAssignments', () => {
  const base: OutcomeRecord = {
    sourceId: 'd',
    sourceKind: 'dataset',
    rowNumber: 1,
    owner: '',
    createdDay: 10,
    closedDay: null,
    won: false,
    amount: 0,
    stage: null,
    leadSource: null,
  };

  it('keeps the newest run’s owner for a lead in two runs', () => {
    const newer = {
      ...base,
      sourceKind: 'run' as const,
      sourceId: 'new',
      owner: 'r2',
      leadKey: 'L1',
    };
    const older = {
      ...base,
      sourceKind: 'run' as const,
      sourceId: 'old',
      owner: 'r1',
      leadKey: 'L1',
    };
    const deal = { ...base, owner: 'r1', won: true, amount: 500, leadKey: 'L1' };

    const merged = mergeRunAssignments([deal], [newer, older]);

    expect(merged).toEqual([{ ...newer, won: true, amount: 500 }]);
  });

  it('counts rows and leads without a match as they are', () => {
    const deal = { ...base, owner: 'r1', leadKey: 'L1' };
    const lead = { ...base, sourceKind: 'run' as const, owner: 'r2', leadKey: 'L2' };

    expect(mergeRunAssignments([deal], [lead])).toEqual([deal, lead]);
  });
});
