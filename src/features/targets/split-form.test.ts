import { describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../../storage/records';
import { useFreshDatabase } from '../../test/database';
import { initialSplitForm, resolveSplits, suggestDatasetChoice } from './split-form';
import { SEVEN_REPS } from './test/plan-fixtures';

const DATASET: DatasetRecord = {
  id: 'deals-2026',
  name: '2026 成交',
  kind: 'deals',
  importedAt: 0,
  rowCount: 5,
  chunkSize: 2,
  columns: [
    { key: 'owner', header: '负责人', field: 'owner', type: 'text' },
    { key: 'closedAt', header: '成交日期', field: 'closedAt', type: 'date' },
    { key: 'amount', header: '金额', field: 'amount', type: 'number' },
    { key: 'stage', header: '阶段', field: 'stage', type: 'text' },
  ],
};

const ROWS = [
  { owner: '张伟', closedAt: '2026-01-15', amount: 100_000, stage: '赢单' },
  { owner: '王芳', closedAt: '2026-02-10', amount: 50_000, stage: '赢单' },
  { owner: '张伟', closedAt: '2026-02-20', amount: 70_000, stage: '输单' },
  { owner: '老周', closedAt: '2026-03-01', amount: 30_000, stage: '赢单' },
  { owner: '张伟', closedAt: '2025-12-31', amount: 999_999, stage: '赢单' },
];

describe('resolveSplits', () => {
  const database = useFreshDatabase();

  async function storeDataset(): Promise<void> {
    await database().datasets.put(DATASET);
    await database().datasetRows.bulkPut([
      { datasetId: DATASET.id, chunk: 0, rows: ROWS.slice(0, 2) },
      { datasetId: DATASET.id, chunk: 1, rows: ROWS.slice(2, 4) },
      { datasetId: DATASET.id, chunk: 2, rows: ROWS.slice(4) },
    ]);
  }

  it('reads last year’s won amounts per month from a dataset', async () => {
    await storeDataset();
    const form = initialSplitForm(2027);
    form.time = 'lastYear';
    form.actuals = suggestDatasetChoice(DATASET, form.actuals);
    const resolved = await resolveSplits(form, {
      year: 2027,
      people: SEVEN_REPS,
      datasets: [DATASET],
    });
    if (!resolved.ok) throw new Error(resolved.errorKey);
    expect(resolved.timeSplit).toMatchObject({
      method: 'lastYear',
      monthActuals: [100_000, 50_000, 30_000, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    });
  });

  it('reads last period’s results per rep and lists unmatched owners', async () => {
    await storeDataset();
    const form = initialSplitForm(2027);
    form.people = 'lastPeriod';
    form.results = suggestDatasetChoice(DATASET, form.results);
    const resolved = await resolveSplits(form, {
      year: 2027,
      people: SEVEN_REPS,
      datasets: [DATASET],
    });
    if (!resolved.ok) throw new Error(resolved.errorKey);
    expect(resolved.peopleSplit).toMatchObject({
      method: 'lastPeriod',
      results: { 'rep:r1': 100_000, 'rep:r2': 50_000 },
    });
    expect(resolved.unmatchedOwners).toEqual(['老周']);
  });

  it('counts results under a former rep name', async () => {
    await storeDataset();
    await database().reps.put({
      id: 'r1',
      name: '张伟（组长）',
      formerNames: ['张伟'],
      team: '华东一组',
      createdAt: 0,
      updatedAt: 0,
    });
    const form = initialSplitForm(2027);
    form.people = 'lastPeriod';
    form.results = suggestDatasetChoice(DATASET, form.results);
    const people = SEVEN_REPS.map((person) =>
      person.id === 'r1' ? { ...person, name: '张伟（组长）' } : person,
    );

    const resolved = await resolveSplits(form, { year: 2027, people, datasets: [DATASET] });

    if (!resolved.ok) throw new Error(resolved.errorKey);
    expect(resolved.peopleSplit).toMatchObject({ results: { 'rep:r1': 100_000 } });
    expect(resolved.unmatchedOwners).toEqual(['老周']);
  });

  it('leaves out refunds and names the source file row', async () => {
    const refunds: DatasetRecord = { ...DATASET, id: 'refunds', rowCount: 3, chunkSize: 3 };
    await database().datasets.put(refunds);
    await database().datasetRows.put({
      datasetId: refunds.id,
      chunk: 0,
      rows: [
        { owner: '张伟', closedAt: '2026-01-15', amount: 100_000, stage: '赢单' },
        { owner: '张伟', closedAt: '2026-01-20', amount: -60_000, stage: '赢单' },
        { owner: '王芳', closedAt: '2026-02-10', amount: 50_000, stage: '赢单' },
      ],
      sourceRows: [2, 5, 6],
    });
    const form = initialSplitForm(2027);
    form.time = 'lastYear';
    form.actuals = suggestDatasetChoice(refunds, form.actuals);
    form.people = 'lastPeriod';
    form.results = suggestDatasetChoice(refunds, form.results);

    const resolved = await resolveSplits(form, {
      year: 2027,
      people: SEVEN_REPS,
      datasets: [refunds],
    });

    if (!resolved.ok) throw new Error(resolved.errorKey);
    expect(resolved.timeSplit).toMatchObject({
      monthActuals: [100_000, 50_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    });
    expect(resolved.peopleSplit).toMatchObject({
      results: { 'rep:r1': 100_000, 'rep:r2': 50_000 },
    });
    const ignored = { datasetName: '2026 成交', amountColumn: '金额', count: 1, firstRow: 5 };
    expect(resolved.negativeRows).toEqual([ignored, ignored]);
    expect(resolved.skippedRows).toBe(0);
  });

  it('asks for a dataset when none is chosen', async () => {
    const form = initialSplitForm(2027);
    form.time = 'lastYear';
    expect(await resolveSplits(form, { year: 2027, people: SEVEN_REPS, datasets: [] })).toEqual({
      ok: false,
      errorKey: 'form.errors.chooseActuals',
    });
  });

  it('passes seasonal weights and hand-typed amounts through', async () => {
    const form = initialSplitForm(2027);
    form.time = 'seasonal';
    form.monthWeights = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3];
    form.people = 'manual';
    form.manualAmounts = { 'rep:r1': 5 };
    const resolved = await resolveSplits(form, { year: 2027, people: SEVEN_REPS, datasets: [] });
    expect(resolved).toMatchObject({
      ok: true,
      timeSplit: { method: 'seasonal', monthWeights: form.monthWeights },
      peopleSplit: { method: 'manual', amounts: { 'rep:r1': 5 } },
    });
  });
});

describe('resolveSplits in a workspace time zone', () => {
  const database = useFreshDatabase();

  // Instants near midnight: New York is 13 hours behind Shanghai in January and December.
  const EDGE_ROWS = [
    // 2025-12-31 20:00 in New York, 2026-01-01 09:00 in Shanghai.
    { owner: '张伟', closedAt: '2026-01-01T01:00:00Z', amount: 1_000, stage: '赢单' },
    // 2026-01-31 19:00 in New York, 2026-02-01 08:00 in Shanghai.
    { owner: '张伟', closedAt: '2026-02-01T00:00:00Z', amount: 20_000, stage: '赢单' },
    // 2026-12-31 19:00 in New York, 2027-01-01 08:00 in Shanghai.
    { owner: '王芳', closedAt: '2027-01-01T00:00:00Z', amount: 300_000, stage: '赢单' },
  ];

  async function resolveIn(timeZone: string) {
    await database().datasets.put({ ...DATASET, rowCount: EDGE_ROWS.length, chunkSize: 10 });
    await database().datasetRows.put({ datasetId: DATASET.id, chunk: 0, rows: EDGE_ROWS });
    const form = initialSplitForm(2027);
    form.time = 'lastYear';
    form.actuals = suggestDatasetChoice(DATASET, form.actuals);
    const resolved = await resolveSplits(form, {
      year: 2027,
      people: SEVEN_REPS,
      datasets: [DATASET],
      timeZone,
    });
    if (!resolved.ok) throw new Error(resolved.errorKey);
    return resolved.timeSplit;
  }

  it('counts instants in the months they fall in in America/New_York', async () => {
    expect(await resolveIn('America/New_York')).toMatchObject({
      monthActuals: [20_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 300_000],
    });
  });

  it('counts the same instants a month or a year later in Asia/Shanghai', async () => {
    expect(await resolveIn('Asia/Shanghai')).toMatchObject({
      monthActuals: [1_000, 20_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    });
  });
});
