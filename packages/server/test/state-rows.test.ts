import {
  compileFlow,
  createRunner,
  createZonedCalendar,
  listDedupKeys,
  type AllocationState,
  type FlowDocument,
  type Lead,
  type Rep,
} from '@sras/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadState, writeStateDelta, type StateNeeds } from '../src/allocation/state-rows.js';
import { dialects } from './helpers/test-database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const FLOW_ID = 'state-flow';
const NOW = Date.parse('2026-12-05T10:00:00+08:00');

/** Dedup on phone, a quota of 5 per channel and day, weighted round robin, overflow to a pool. */
const flow: FlowDocument = {
  format: 'sras.flow',
  version: 1,
  id: FLOW_ID,
  name: 'state rows',
  timezone: 'Asia/Shanghai',
  nodes: [
    { id: 'src', type: 'source', position: { x: 0, y: 0 }, data: {} },
    { id: 'd', type: 'dedup', position: { x: 0, y: 0 }, data: { keys: ['phone'] } },
    {
      id: 'q',
      type: 'quota',
      position: { x: 0, y: 0 },
      data: { limit: 5, period: 'day', per: 'channel' },
    },
    {
      id: 'rr',
      type: 'roundRobin',
      position: { x: 0, y: 0 },
      data: { assignees: [{ repId: 'a', weight: 3 }, { repId: 'b' }, { repId: 'c' }] },
    },
    { id: 'pool', type: 'pool', position: { x: 0, y: 0 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'src', sourceHandle: 'out', target: 'd' },
    { id: 'e2', source: 'd', sourceHandle: 'unique', target: 'q' },
    { id: 'e3', source: 'd', sourceHandle: 'duplicate', target: 'pool' },
    { id: 'e4', source: 'q', sourceHandle: 'within', target: 'rr' },
    { id: 'e5', source: 'q', sourceHandle: 'overflow', target: 'pool' },
    { id: 'e6', source: 'rr', sourceHandle: 'overflow', target: 'pool' },
  ],
};

const reps: Rep[] = [
  { id: 'a', name: '张伟', capacity: { day: 4 } },
  { id: 'b', name: '李娜' },
  { id: 'c', name: '王芳', capacity: { day: 2 } },
];

/** Leads of one batch: repeated phones across batches, three channels. */
function batch(number: number, size: number): Lead[] {
  return Array.from({ length: size }, (_, index) => ({
    id: `B${number}-${index}`,
    phone: `1390000${String((number * 7 + index) % 13).padStart(4, '0')}`,
    channel: ['web', 'ad', '展会'][index % 3] as string,
  }));
}

/** The value each stored row must have: the row's entries of the run's full new state. */
function expectedValue(state: AllocationState, scope: string, key: string): string {
  if (scope === `rr:${FLOW_ID}`) return JSON.stringify(state.roundRobin[key] ?? {});
  if (scope.startsWith(`quota:${FLOW_ID}:`)) {
    const period = scope.slice(`quota:${FLOW_ID}:`.length);
    return JSON.stringify(state.quota[key]?.[period] ?? {});
  }
  if (scope.startsWith('assigned:')) {
    const period = scope.slice('assigned:'.length);
    const counts: Record<string, number> = {};
    for (const [repId, periods] of Object.entries(state.assigned)) {
      const count = periods[period];
      if (count !== undefined) counts[repId] = count;
    }
    return JSON.stringify(counts);
  }
  return JSON.stringify(state.dedup[key]);
}

describe.each(dialects)('writeStateDelta on %s', (dialect) => {
  let server: TestServer;
  const compiled = compileFlow(flow, { reps });
  if (!compiled.ok) throw new Error('the test flow does not compile');
  const runner = createRunner(compiled.pipeline);
  const periods = createZonedCalendar('Asia/Shanghai').periodsAt(NOW);

  const needsOf = (leads: readonly Lead[]): StateNeeds => ({
    flowId: FLOW_ID,
    periods: [periods.day, periods.week, periods.month, 'total'],
    dedupKeys: listDedupKeys(compiled.pipeline, leads),
  });
  const storedRows = () =>
    server.database.db
      .selectFrom('allocation_state')
      .select(['scope', 'key', 'value'])
      .where('workspace_id', '=', server.workspaceId)
      .execute();

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it('stores the rows of the full new state from a delta-only run', async () => {
    let fullState: AllocationState | null = null;

    for (const [number, size] of [
      [1, 6],
      [2, 1],
      [3, 9],
      [4, 4],
    ] as const) {
      const leads = batch(number, size);
      const state = await loadState(server.database.db, server.workspaceId, needsOf(leads));
      const input = { leads, reps, state, now: NOW };

      const full = runner.run(input);
      const deltaOnly = runner.runDelta(input);
      await writeStateDelta(
        server.database.db,
        server.workspaceId,
        FLOW_ID,
        deltaOnly.delta,
        state,
      );
      fullState = full.state;

      const rows = await storedRows();
      const touched = rows.filter(
        (row) => !row.scope.startsWith('dedup') || full.state.dedup[row.key] !== undefined,
      );
      expect(deltaOnly).not.toHaveProperty('state');
      expect(touched.length).toBeGreaterThan(0);
      for (const row of touched) {
        expect([row.scope, row.key, row.value]).toEqual([
          row.scope,
          row.key,
          expectedValue(full.state, row.scope, row.key),
        ]);
      }
    }

    const allKeys = Object.keys(fullState?.dedup ?? {});
    const reloaded = await loadState(server.database.db, server.workspaceId, {
      ...needsOf([]),
      dedupKeys: allKeys,
    });
    expect(reloaded.roundRobin).toEqual(fullState?.roundRobin);
    expect(reloaded.quota).toEqual(fullState?.quota);
    expect(reloaded.assigned).toEqual(fullState?.assigned);
  });

  it('reads rep and node ids such as __proto__ as plain keys', async () => {
    const empty = await loadState(server.database.db, server.workspaceId, needsOf([]));
    await writeStateDelta(
      server.database.db,
      server.workspaceId,
      FLOW_ID,
      {
        roundRobin: [],
        quota: [{ nodeId: '__proto__', period: periods.day, value: 'web', count: 2 }],
        assigned: [{ repId: '__proto__', period: periods.day, count: 3 }],
        dedup: [],
        removed: { quota: [], assigned: [] },
      },
      empty,
    );

    const state = await loadState(server.database.db, server.workspaceId, needsOf([]));

    expect(Object.hasOwn(state.assigned, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(state.assigned, '__proto__')?.value).toEqual({
      [periods.day]: 3,
    });
    expect(Object.getOwnPropertyDescriptor(state.quota, '__proto__')?.value).toEqual({
      [periods.day]: { web: 2 },
    });
    expect(({} as Record<string, unknown>)[periods.day]).toBeUndefined();
  });

  it('leaves out weights and counts that return to zero', async () => {
    const state = await loadState(server.database.db, server.workspaceId, needsOf([]));
    const base: AllocationState = {
      ...state,
      roundRobin: { rr: { a: 1, b: -1 } },
    };

    await writeStateDelta(
      server.database.db,
      server.workspaceId,
      FLOW_ID,
      {
        roundRobin: [
          { nodeId: 'rr', repId: 'b', weight: 0 },
          { nodeId: 'rr', repId: 'c', weight: 2 },
        ],
        quota: [],
        assigned: [],
        dedup: [],
        removed: { quota: [], assigned: [] },
      },
      base,
    );

    const row = (await storedRows()).find((stored) => stored.scope === `rr:${FLOW_ID}`);
    expect(row?.value).toBe('{"a":1,"c":2}');
  });
});
