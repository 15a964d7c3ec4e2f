import { describe, expect, it } from 'vitest';
import type { RepRecord } from '../../storage/records';
import { useFreshDatabase } from '../../test/database';
import { createSessionHarness, textFile } from '../data/test/import-harness';
import { computeDashboard } from './dashboard-metrics';
import { loadDashboardRecords } from './dashboard-records';
import { readDashboardSettings } from './dashboard-settings';
import { suggestOutcomeMapping } from './outcome-fields';

const REPS: RepRecord[] = [
  { id: 'r1', name: '张伟', team: '华东一组', createdAt: 0, updatedAt: 0 },
  { id: 'r2', name: '王芳', team: '华东一组', createdAt: 0, updatedAt: 0 },
];

const CHINESE = [
  '负责人,客户名称,成交金额,销售阶段,成交日期,是否赢单,创建时间',
  '张伟,杭州云启科技有限公司,"80,000",赢单,2027/3/3,是,2027-02-20',
  '张伟,宁波海达贸易有限公司,25000,赢单,2027-03-10,是,2027-03-02',
  '张伟,苏州明德教育,,方案报价,,否,2027-03-05',
  '王芳,上海同舟物流有限公司,"12,500.50",赢单,2027-03-12,是,2027-03-01',
].join('\n');

const ENGLISH = [
  'Owner,Company,Amount,Stage,Close Date,Won,Created At',
  'r1,Cloud Start Ltd,80000,Closed Won,2027-03-03,Yes,2027-02-20',
  'r1,Harbour Trading,25000,Closed Won,2027-03-10,Yes,2027-03-02',
  'r1,Bright Education,,Proposal,,No,2027-03-05',
  'r2,Tongzhou Logistics,12500.50,Closed Won,2027-03-12,Yes,2027-03-01',
].join('\n');

describe('a deals file imported through the wizard', () => {
  const database = useFreshDatabase();

  async function importAndMeasure(name: string, text: string, kind: 'deals' | 'leads') {
    const harness = createSessionHarness();
    await harness.open(textFile(name, text));
    await harness.parse({ kind });
    const answer = await harness.send({ type: 'store', requestId: harness.nextId(), name });
    expect(answer.type).toBe('stored');
    const [dataset] = await database().datasets.toArray();

    // No saved mapping: the dashboard reads the columns as the wizard mapped them.
    const settings = readDashboardSettings({ datasetIds: [dataset!.id] });
    const loaded = await loadDashboardRecords({ settings, reps: REPS });
    const result = computeDashboard({
      reps: REPS,
      records: loaded.records,
      targets: new Map(),
      targetUnit: 'yuan',
      period: { start: '2027-03-01', end: '2027-03-31' },
      asOf: '2027-03-31',
      behindMargin: 0.1,
    });
    return { dataset: dataset!, result };
  }

  it.each([
    ['Chinese headers as deals', '成交.csv', CHINESE, 'deals'],
    ['Chinese headers as leads', '线索.csv', CHINESE, 'leads'],
    ['English headers as deals', 'deals.csv', ENGLISH, 'deals'],
    ['English headers as leads', 'leads.csv', ENGLISH, 'leads'],
  ] as const)('counts won deals and revenue from %s', async (_label, name, text, kind) => {
    const { dataset, result } = await importAndMeasure(name, text, kind);

    expect(suggestOutcomeMapping(dataset.columns)).toEqual({
      owner: 'owner',
      amount: 'amount',
      stage: 'stage',
      closedAt: 'closedAt',
      wonFlag: 'wonFlag',
      createdAt: 'createdAt',
    });
    const zhang = result.reps.find((rep) => rep.repId === 'r1');
    const wang = result.reps.find((rep) => rep.repId === 'r2');
    expect(zhang).toMatchObject({ won: 2, revenue: 105_000, assigned: 2 });
    expect(wang).toMatchObject({ won: 1, revenue: 12_500.5, assigned: 1 });
    expect(result.unmatched).toEqual([]);
  });

  it('renames the fields of a mapping saved by an older version', () => {
    const settings = readDashboardSettings({
      datasetIds: ['d1'],
      sources: { d1: { mapping: { won: '赢单', closeDate: '成交日期', createdDate: '创建日期' } } },
    });

    expect(settings.sources.d1?.mapping).toEqual({
      wonFlag: '赢单',
      closedAt: '成交日期',
      createdAt: '创建日期',
    });
  });
});
