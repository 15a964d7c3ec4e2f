import { describe, expect, it } from 'vitest';
import type { SrasDatabase } from '../../../storage/db';
import type { Lead } from '@sras/engine';
import type { RepRecord } from '../../../storage/records';
import { useFreshDatabase } from '../../../test/database';
import { createInProcessPort } from '../../targets/worker/in-process-port';
import { computeDashboardFigures, type FiguresQuery } from '../dashboard-figures';
import { loadDashboardRecords } from '../dashboard-records';
import { DEAL_MAPPING, DEALS, TARGETS } from '../test/march-deals';
import { DashboardCancelledError, DashboardClient } from './dashboard.client';
import type {
  DashboardRequest,
  DashboardRequestInput,
  DashboardResponse,
} from './dashboard.protocol';
import { DashboardSession } from './dashboard.session';

const REPS: RepRecord[] = [
  { id: 'r1', name: '张伟', team: '华东一组', weight: 1, createdAt: 0, updatedAt: 0 },
  { id: 'r2', name: '王芳', team: '华东一组', weight: 1, createdAt: 0, updatedAt: 0 },
  { id: 'r3', name: '刘洋', team: '华南组', weight: 1, createdAt: 0, updatedAt: 0 },
];

// 18:00 UTC on 31 March is 02:00 on 1 April in Shanghai and 14:00 on 31 March in New York.
const MONTH_END_DEAL = {
  负责人: '刘洋',
  客户: '厦门鹭江物流',
  创建日期: '2027-03-20',
  成交日期: '2027-03-31T18:00:00Z',
  阶段: '赢单',
  金额: 70_000,
  来源: '展会',
};

const ROWS = [...DEALS, MONTH_END_DEAL];

async function storeDeals(database: SrasDatabase, chunks = [ROWS]): Promise<void> {
  await database.datasets.put({
    id: 'deals',
    name: '三月成交',
    kind: 'deals',
    importedAt: 1,
    rowCount: ROWS.length,
    chunkSize: chunks[0]?.length ?? 1,
    columns: Object.values(DEAL_MAPPING).map((key) => ({ key, header: key, type: 'text' })),
  });
  await database.datasetRows.bulkPut(
    chunks.map((rows, chunk) => ({ datasetId: 'deals', chunk, rows: rows as Lead[] })),
  );
}

function query(patch: Partial<FiguresQuery> = {}): FiguresQuery {
  return {
    reps: REPS.map((rep) => ({ id: rep.id, name: rep.name, team: rep.team ?? '' })),
    targets: TARGETS,
    targetUnit: 'yuan',
    monthlyTargets: new Map(),
    trendPeriod: { start: '2027-01-01', end: '2027-12-31' },
    period: { start: '2027-03-01', end: '2027-03-31' },
    asOf: '2027-04-10',
    behindMargin: 0.1,
    fairness: { threshold: 0.05, minLeads: 20 },
    ...patch,
  };
}

function input(
  patch: Partial<FiguresQuery> = {},
  timeZone = 'Asia/Shanghai',
): DashboardRequestInput {
  return {
    settings: { datasetIds: ['deals'], runIds: [], sources: { deals: { mapping: DEAL_MAPPING } } },
    reps: REPS,
    timeZone,
    query: query(patch),
  };
}

/** Creates a client on the real session in this thread; `sent` records every request. */
function harness(database: () => SrasDatabase) {
  const sent: DashboardRequest[] = [];
  const answered: DashboardResponse[] = [];
  const port = createInProcessPort<DashboardRequest, DashboardResponse>((post) => {
    const session = new DashboardSession((message) => {
      answered.push(message);
      post(message);
    }, database);
    return (message) => {
      sent.push(message);
      void session.handle(message);
    };
  });
  return { client: new DashboardClient(port), sent, answered };
}

function revenueOf(figures: { reps: { repId: string; revenue: number }[] }, repId: string) {
  return figures.reps.find((rep) => rep.repId === repId)?.revenue;
}

describe('DashboardClient with the dashboard session', () => {
  const database = useFreshDatabase();

  it('computes the figures of the stored dataset', async () => {
    await storeDeals(database());
    const { client } = harness(database);

    const figures = await client.compute(input()).result;

    const loaded = await loadDashboardRecords({
      settings: input().settings,
      reps: REPS,
      timeZone: 'Asia/Shanghai',
      database: database(),
    });
    expect(figures).toEqual(computeDashboardFigures(loaded, query()));
    expect(figures.leadSources).toEqual(['', '官网', '展会', '转介绍']);
  });

  it('reports rows read per chunk', async () => {
    await storeDeals(database(), [ROWS.slice(0, 5), ROWS.slice(5)]);
    const { client } = harness(database);
    const progress: number[] = [];

    await client.compute(input(), (rowsRead) => progress.push(rowsRead)).result;

    expect(progress).toEqual([5, ROWS.length]);
  });

  it('reads the sources once per selection', async () => {
    await storeDeals(database());
    const { client, answered } = harness(database);

    await client.compute(input()).result;
    const april = await client.compute(
      input({ period: { start: '2027-04-01', end: '2027-04-30' } }),
    ).result;

    expect(answered.filter((message) => message.type === 'progress')).toHaveLength(1);
    expect(april.countedPeriod).toEqual({ start: '2027-04-01', end: '2027-04-10' });
  });

  it('cancels a stale computation for a newer view', async () => {
    await storeDeals(database());
    const { client, sent, answered } = harness(database);

    const march = client.compute(input());
    const april = client.compute(input({ period: { start: '2027-04-01', end: '2027-04-30' } }));

    await expect(march.result).rejects.toBeInstanceOf(DashboardCancelledError);
    expect((await april.result).countedPeriod.start).toBe('2027-04-01');
    expect(sent.map((message) => message.type)).toEqual(['compute', 'cancel', 'compute']);
    expect(answered).toContainEqual(expect.objectContaining({ requestId: april.requestId }));
  });

  it('answers cancelled to a computation cancelled while queued', async () => {
    await storeDeals(database());
    const answered: DashboardResponse[] = [];
    const session = new DashboardSession((message) => answered.push(message), database);

    // Sent in one task, as a worker receives a burst: the cancel reaches the
    // session before the first computation has read anything.
    const march = session.handle({ type: 'compute', requestId: 1, input: input() });
    void session.handle({ type: 'cancel', requestId: 2, target: 1 });
    const april = session.handle({
      type: 'compute',
      requestId: 3,
      input: input({ period: { start: '2027-04-01', end: '2027-04-30' } }),
    });
    await Promise.all([march, april]);

    expect(answered).toContainEqual({ type: 'cancelled', requestId: 1 });
    expect(answered.filter((message) => message.type === 'done')).toEqual([
      expect.objectContaining({ requestId: 3 }),
    ]);
  });

  it('answers requests in order', async () => {
    await storeDeals(database());
    const { answered } = harness(database);
    const session = new DashboardSession((message) => answered.push(message), database);

    await Promise.all([
      session.handle({ type: 'compute', requestId: 1, input: input() }),
      session.handle({ type: 'compute', requestId: 2, input: input({ asOf: '2027-03-16' }) }),
    ]);

    expect(
      answered.filter((message) => message.type === 'done').map((message) => message.requestId),
    ).toEqual([1, 2]);
  });

  it('rejects with the reason when reading fails', async () => {
    await storeDeals(database());
    const { client } = harness(database);

    await expect(client.compute(input({}, 'Mars/Olympus_Mons')).result).rejects.toThrow(
      /Olympus_Mons/,
    );

    const figures = await client.compute(input()).result;
    expect(revenueOf(figures, 'r1')).toBeGreaterThan(0);
  });

  it('counts a deal in its month in the workspace zone', async () => {
    await storeDeals(database());
    const { client } = harness(database);

    const shanghai = await client.compute(input({}, 'Asia/Shanghai')).result;
    const newYork = await client.compute(input({}, 'America/New_York')).result;

    expect(revenueOf(shanghai, 'r3')).toBe(0);
    expect(revenueOf(newYork, 'r3')).toBe(70_000);
  });
});
