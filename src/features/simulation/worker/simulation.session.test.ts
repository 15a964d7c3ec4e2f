import { describe, expect, it } from 'vitest';
import type { FlowDocument, Rep } from '@sras/engine';
import { useFreshDatabase } from '../../../test/database';
import type { SrasDatabase } from '../../../storage/db';
import { runSimulation } from '../engine/simulation-run';
import { applyRun } from '../runs/run-actions';
import { openDataset } from './dataset-source';
import { SimulationClient, SimulationRequestError, type SimulationPort } from './simulation.client';
import type { RunSettings, SimulationRequest, SimulationResponse } from './simulation.protocol';
import { PROGRESS_INTERVAL_MS, SimulationSession, conditionOptionsOf } from './simulation.session';

const REPS: Rep[] = [
  { id: 'r1', name: '李娜' },
  { id: 'r2', name: '王芳' },
];

const FLOW: FlowDocument = {
  format: 'sras.flow',
  version: 1,
  id: 'flow-1',
  name: '展会线索',
  timezone: 'Asia/Shanghai',
  nodes: [
    { id: 'src', type: 'source', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'filter',
      type: 'filter',
      position: { x: 0, y: 0 },
      data: { condition: { '==': [{ var: 'source' }, '展会'] } },
    },
    {
      id: 'rr',
      type: 'roundRobin',
      position: { x: 0, y: 0 },
      data: { assignees: [{ repId: 'r1' }, { repId: 'r2' }] },
    },
    { id: 'pool', type: 'pool', position: { x: 0, y: 0 }, data: { reason: '非展会' } },
  ],
  edges: [
    { id: 'e1', source: 'src', sourceHandle: 'out', target: 'filter' },
    { id: 'e2', source: 'filter', sourceHandle: 'match', target: 'rr' },
    { id: 'e3', source: 'filter', sourceHandle: 'else', target: 'pool' },
  ],
};

async function storeDataset(database: SrasDatabase, count: number): Promise<string> {
  const rows = Array.from({ length: count }, (_, index) => ({
    name: `客户${index}`,
    phone: `0571${String(index).padStart(8, '0')}`,
    source: index % 4 === 3 ? '官网' : '展会',
    remark: index === 0 ? '=1+1' : '备注',
  }));
  const chunkSize = 1000;
  for (let chunk = 0; chunk * chunkSize < count; chunk += 1) {
    await database.datasetRows.add({
      datasetId: 'ds1',
      chunk,
      rows: rows.slice(chunk * chunkSize, (chunk + 1) * chunkSize),
    });
  }
  await database.datasets.add({
    id: 'ds1',
    name: '展会线索',
    kind: 'leads',
    importedAt: 1,
    rowCount: count,
    chunkSize,
    columns: [
      { key: 'name', header: '姓名', field: 'name', type: 'text' },
      { key: 'phone', header: '电话', field: 'phone', type: 'text' },
      { key: 'source', header: '来源', field: 'source', type: 'text' },
      { key: 'remark', header: '备注', type: 'text' },
    ],
  });
  return 'ds1';
}

/** A client talking to a session in the same thread, as the worker would. */
function inProcessClient(
  database: () => SrasDatabase,
  clock?: () => number,
): {
  client: SimulationClient;
  progress: SimulationResponse[];
} {
  const listeners: ((event: MessageEvent<SimulationResponse>) => void)[] = [];
  const progress: SimulationResponse[] = [];
  const session = new SimulationSession(
    (message) => {
      if (message.type === 'progress') progress.push(message);
      for (const listener of listeners)
        listener({ data: message } as MessageEvent<SimulationResponse>);
    },
    database,
    clock,
  );
  const port: SimulationPort = {
    postMessage: (message: SimulationRequest) => void session.handle(structuredClone(message)),
    addEventListener: (_type, listener) => listeners.push(listener),
  };
  return { client: new SimulationClient(port), progress };
}

function settings(datasetId: string): RunSettings {
  return {
    flow: FLOW,
    datasetId,
    ownersDatasetId: null,
    reps: REPS,
    startRunId: null,
    now: Date.parse('2026-12-02T10:00:00+08:00'),
    timeField: null,
  };
}

describe('SimulationSession', () => {
  const database = useFreshDatabase();

  it('runs a dataset and reports progress and the overview', async () => {
    const datasetId = await storeDataset(database(), 2500);
    const { client, progress } = inProcessClient(database);
    const ready = await client.run('current', settings(datasetId)).result;

    expect(ready.leadCount).toBe(2500);
    expect(ready.overview.summary.assigned).toBe(1875);
    expect(ready.overview.reps.map((rep) => [rep.repId, rep.assigned])).toEqual([
      ['r1', 938],
      ['r2', 937],
    ]);
    expect(ready.overview.unassigned).toEqual([
      { reason: 'pool', nodeId: 'pool', handle: null, poolReason: '非展会', count: 625 },
    ]);
    expect(progress.at(-1)).toEqual(
      expect.objectContaining({ phase: 'run', done: 2500, total: 2500 }),
    );
  });

  it('posts progress at most once per interval', async () => {
    // The export reads 5,000 rows at a time, so 11,000 leads take three steps.
    const datasetId = await storeDataset(database(), 11_000);
    const writeSteps = (messages: SimulationResponse[]) =>
      messages.flatMap((message) =>
        message.type === 'progress' && message.phase === 'write' ? [message.done] : [],
      );

    const frozen = inProcessClient(database, () => 0);
    await frozen.client.run('current', settings(datasetId)).result;
    await frozen.client.export('current', 'csv', 'zh-CN').result;
    expect(writeSteps(frozen.progress)).toEqual([5000, 11_000]);

    let now = 0;
    const ticking = inProcessClient(database, () => (now += PROGRESS_INTERVAL_MS));
    await ticking.client.run('current', settings(datasetId)).result;
    await ticking.client.export('current', 'csv', 'zh-CN').result;
    expect(writeSteps(ticking.progress)).toEqual([5000, 10_000, 11_000]);
  });

  it('filters, searches and pages the results', async () => {
    const datasetId = await storeDataset(database(), 1200);
    const { client } = inProcessClient(database);
    await client.run('current', settings(datasetId)).result;

    expect(await client.query('current', { ownerId: 'r2' }).result).toBe(450);
    expect(await client.query('current', { reason: 'pool' }).result).toBe(300);
    expect(await client.query('current', { search: '客户1199' }).result).toBe(1);
    const [row] = await client.page('current', 0, 10);
    expect(row?.position).toBe(1199);
    expect(row?.lead.phone).toBe('057100001199');
    expect(row?.result.reason).toBe('pool');
  });

  it('explains a lead with its trace and stored values', async () => {
    const datasetId = await storeDataset(database(), 10);
    const { client } = inProcessClient(database);
    await client.run('current', settings(datasetId)).result;
    const answer = await client.explain('current', 2);
    expect(answer.lead.name).toBe('客户2');
    expect(answer.result.ownerId).toBe('r1');
    expect(answer.result.trace?.steps.map((step) => step.type)).toEqual([
      'source',
      'filter',
      'roundRobin',
    ]);
  });

  it('exports CSV with a byte order mark, leading zeros and neutralised formulas', async () => {
    const datasetId = await storeDataset(database(), 5);
    const { client } = inProcessClient(database);
    await client.run('current', settings(datasetId)).result;
    const file = await client.export('current', 'csv', 'zh-CN').result;
    const bytes = new Uint8Array(await file.file.arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

    expect(file.fileName).toBe('展会线索-展会线索.csv');
    expect(
      text.startsWith('\uFEFF姓名,电话,来源,备注,owner_id,owner_name,route,reason,reason_text\r\n'),
    ).toBe(true);
    expect(text).toContain(
      "客户0,057100000000,展会,'=1+1,r1,李娜,src:out > filter:match,assigned,",
    );
    expect(text.split('\r\n')).toHaveLength(7);
  });

  it('saves a run with its results and opens it again', async () => {
    const datasetId = await storeDataset(database(), 1500);
    const { client } = inProcessClient(database);
    await client.run('current', settings(datasetId)).result;
    const runId = await client.save('current', {
      runId: 'run-1',
      flowId: 'flow-1',
      flowRevision: 3,
      name: '第一周',
    }).result;

    const record = await database().runs.get(runId);
    expect(record).toEqual(
      expect.objectContaining({ name: '第一周', leadCount: 1500, flowRevision: 3 }),
    );
    expect(record?.appliedAt).toBeUndefined();
    const chunks = await database().runResults.where('runId').equals(runId).sortBy('chunk');
    expect(chunks.map((chunk) => chunk.results.length)).toEqual([1000, 500]);
    expect(chunks[0]?.results[0]).toEqual(expect.objectContaining({ ownerId: 'r1', nodeId: 'rr' }));

    const reopened = await client.load('before', runId).result;
    expect(reopened.overview.summary).toEqual(record?.summary);
    expect(reopened.settings).toEqual(expect.objectContaining({ datasetId, flow: FLOW }));
  });

  it('stores the end state apart from the run record that lists read', async () => {
    const datasetId = await storeDataset(database(), 1500);
    const { client } = inProcessClient(database);
    await client.run('current', settings(datasetId)).result;
    await client.save('current', { runId: 'run-1', flowId: 'flow-1', flowRevision: 1 }).result;

    const record = await database().runs.get('run-1');
    expect(record).not.toHaveProperty('stateAfter');
    expect(record).not.toHaveProperty('stateBefore');
    expect(record?.stateDedupKeys).toBe(0);
    expect(record).not.toHaveProperty('startRunId');
    expect(await database().runStates.get('run-1')).toEqual({
      runId: 'run-1',
      state: expect.objectContaining({
        format: 'sras.state',
        roundRobin: { rr: expect.any(Object) },
      }),
    });
  });

  it('starts from an applied run by id as a run passed its state does', async () => {
    const datasetId = await storeDataset(database(), 1500);
    const { client } = inProcessClient(database);
    await client.run('current', settings(datasetId)).result;
    await client.save('current', { runId: 'run-1', flowId: 'flow-1', flowRevision: 1 }).result;
    expect(await applyRun('run-1', database())).toBeNull();

    const fromApplied = await client.run('current', {
      ...settings(datasetId),
      startRunId: 'run-1',
    }).result;

    const stored = await database().runStates.get('run-1');
    const direct = await runSimulation(
      {
        ...settings(datasetId),
        owners: [],
        startState: structuredClone(stored?.state) as never,
        conditionOptions: conditionOptionsOf(
          (await openDataset(database(), datasetId)).dataset.columns,
        ),
      },
      await openDataset(database(), datasetId),
    );
    if (!direct.ok) throw new Error(JSON.stringify(direct.problems));
    expect(fromApplied.overview.summary).toEqual(direct.run.summary);
    // A fresh run gives the odd lead to 李娜; the carried round-robin weights give it to 王芳.
    expect(fromApplied.overview.reps.map((rep) => [rep.repId, rep.assigned])).toEqual([
      ['r1', 562],
      ['r2', 563],
    ]);

    await client.save('current', { runId: 'run-2', flowId: 'flow-1', flowRevision: 1 }).result;
    expect((await database().runs.get('run-2'))?.startRunId).toBe('run-1');
    expect((await database().runStates.get('run-2'))?.state).toEqual(direct.run.state);
  });

  it('reports a start run whose state is not stored', async () => {
    const datasetId = await storeDataset(database(), 3);
    const { client } = inProcessClient(database);

    const failure = await client
      .run('current', { ...settings(datasetId), startRunId: 'run-gone' })
      .result.catch((error: unknown) => error);

    expect((failure as SimulationRequestError).failure).toEqual({
      code: 'startStateMissing',
      params: { runId: 'run-gone' },
    });
  });

  it('answers a run with the overview alone, not the settings it was sent', async () => {
    const datasetId = await storeDataset(database(), 10);
    const answers: SimulationResponse[] = [];
    const session = new SimulationSession((message) => answers.push(message), database);

    await session.handle({
      type: 'run',
      requestId: 1,
      slot: 'current',
      settings: settings(datasetId),
    });

    const done = answers.find((message) => message.type === 'done');
    expect(done?.type === 'done' && done.answer).toEqual(
      expect.objectContaining({ type: 'run', settings: null }),
    );
  });

  it('gives a run back the settings object it was started with', async () => {
    const datasetId = await storeDataset(database(), 10);
    const { client } = inProcessClient(database);
    const sent = settings(datasetId);

    const ready = await client.run('current', sent).result;

    expect(ready.settings).toBe(sent);
  });

  it('compares two runs of the same leads', async () => {
    const datasetId = await storeDataset(database(), 40);
    const { client } = inProcessClient(database);
    await client.run('before', settings(datasetId)).result;
    const swapped: FlowDocument = {
      ...FLOW,
      nodes: FLOW.nodes.map((node) =>
        node.id === 'rr'
          ? { ...node, data: { assignees: [{ repId: 'r2' }, { repId: 'r1' }] } }
          : node,
      ),
    };
    await client.run('after', { ...settings(datasetId), flow: swapped }).result;
    const backtest = await client.compare();
    expect(backtest.changed).toBe(30);
    expect(await client.query('after', { changedOnly: true }).result).toBe(30);
  });

  it('reports a flow with errors and a missing dataset', async () => {
    const { client } = inProcessClient(database);
    const broken = { ...settings('ds1'), flow: { ...FLOW, nodes: FLOW.nodes.slice(1) } };
    await storeDataset(database(), 3);
    const failure = await client.run('current', broken).result.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SimulationRequestError);
    expect((failure as SimulationRequestError).failure?.code).toBe('flowInvalid');
    expect((failure as SimulationRequestError).failure?.problems?.length).toBeGreaterThan(0);

    const missing = await client
      .run('current', settings('nope'))
      .result.catch((error: unknown) => error);
    expect((missing as SimulationRequestError).failure).toEqual({
      code: 'datasetMissing',
      params: { datasetId: 'nope' },
    });
  });

  it('cancels a run', async () => {
    const datasetId = await storeDataset(database(), 30_000);
    const { client } = inProcessClient(database);
    const request = client.run('current', settings(datasetId));
    request.cancel();
    const error = await request.result.catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(SimulationRequestError);
    expect((error as SimulationRequestError).cancelled).toBe(true);
  });
});
