import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkspace,
  migrateToLatest,
  openDatabase,
  type CreatedWorkspace,
  type DatabaseHandle,
} from '../src/index.js';
import { dedupFlow, roundRobinFlow, type FlowFixture } from './fixtures/flows.js';
import { createTestDatabase, dialects, type TestDatabase } from './helpers/test-database.js';
import {
  runWithConcurrency,
  startServerProcess,
  type ServerProcess,
} from './helpers/server-process.js';

interface ResultView {
  leadId: string;
  ownerId: string | null;
  reason: string;
}

const REPS = [
  { id: 'a1', name: 'A1' },
  { id: 'a2', name: 'A2' },
  { id: 'a3', name: 'A3' },
  { id: 'b1', name: 'B1', capacity: { day: 150 } },
  { id: 'b2', name: 'B2', capacity: { day: 150 } },
  { id: 'c1', name: 'C1' },
  { id: 'c2', name: 'C2' },
];
const FLOWS: FlowFixture[] = [
  roundRobinFlow('even', ['a1', 'a2', 'a3']),
  roundRobinFlow('capped', ['b1', 'b2']),
  dedupFlow('phones', ['c1', 'c2']),
];

interface PlannedRequest {
  flowId: string;
  lead: Record<string, string>;
  idempotencyKey?: string;
}

/**
 * 2,000 requests: 700 leads on `even` plus 100 retries of them with the same
 * idempotency key, 600 leads on `capped` (300 places), 400 leads with unique
 * phones and 100 phones posted twice on `phones`.
 */
function planRequests(): PlannedRequest[] {
  const plan: PlannedRequest[] = [];
  for (let index = 0; index < 700; index++) {
    plan.push({
      flowId: 'even',
      lead: { id: `even-${index}` },
      idempotencyKey: `even-key-${index}`,
    });
  }
  for (let index = 0; index < 100; index++) {
    plan.push({
      flowId: 'even',
      lead: { id: `even-${index * 7}` },
      idempotencyKey: `even-key-${index * 7}`,
    });
  }
  for (let index = 0; index < 600; index++)
    plan.push({ flowId: 'capped', lead: { id: `capped-${index}` } });
  for (let index = 0; index < 400; index++) {
    plan.push({
      flowId: 'phones',
      lead: { id: `unique-${index}`, phone: `1380000${String(index).padStart(4, '0')}` },
    });
  }
  for (let index = 0; index < 100; index++) {
    const phone = `1390000${String(index).padStart(4, '0')}`;
    plan.push({ flowId: 'phones', lead: { id: `twin-${index}-a`, 手机: phone } });
    plan.push({ flowId: 'phones', lead: { id: `twin-${index}-b`, phone } });
  }

  // A fixed shuffle spreads flows, retries and twins over the run.
  let seed = 42;
  for (let index = plan.length - 1; index > 0; index--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const other = seed % (index + 1);
    [plan[index], plan[other]] = [plan[other] as PlannedRequest, plan[index] as PlannedRequest];
  }
  return plan;
}

async function setUpWorkspace(url: string, token: string): Promise<void> {
  const send = async (method: string, path: string, body: unknown) => {
    const response = await fetch(url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { revision: number };
  };
  await send('PUT', '/api/v1/reps', REPS);
  for (const flow of FLOWS) {
    const { revision } = await send('PUT', `/api/v1/flows/${flow.id}`, flow);
    await send('POST', `/api/v1/flows/${flow.id}/publish`, { revision });
  }
}

function countBy<T>(
  items: readonly T[],
  key: (item: T) => string | null,
): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function expectEven(counts: number[]): void {
  expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
}

const scenarios = dialects.map((dialect) => ({
  dialect,
  processes: dialect === 'postgres' ? 2 : 1,
}));

describe.each(scenarios)(
  'concurrent allocation on $dialect with $processes process(es)',
  ({ dialect, processes }) => {
    let testDatabase: TestDatabase;
    let database: DatabaseHandle;
    let workspace: CreatedWorkspace;
    const servers: ServerProcess[] = [];
    let answers: { request: PlannedRequest; status: number; body: { results: ResultView[] } }[] =
      [];

    beforeAll(async () => {
      testDatabase = await createTestDatabase(dialect);
      database = openDatabase(testDatabase.options);
      await migrateToLatest(database);
      workspace = await createWorkspace(database, 'Load');

      const env = {
        SRAS_DATA_DIR: testDatabase.options.dataDir,
        DATABASE_URL: testDatabase.options.databaseUrl ?? '',
        SRAS_RATE_LIMIT_MAX: '100000',
      };
      for (let index = 0; index < processes; index++) servers.push(await startServerProcess(env));
      await setUpWorkspace(servers[0]!.url, workspace.ownerToken);

      const plan = planRequests();
      answers = await runWithConcurrency(
        64,
        plan.map((request, index) => async () => {
          const server = servers[index % servers.length]!;
          const response = await fetch(`${server.url}/api/v1/flows/${request.flowId}/allocate`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${workspace.ownerToken}`,
              'content-type': 'application/json',
              ...(request.idempotencyKey ? { 'idempotency-key': request.idempotencyKey } : {}),
            },
            body: JSON.stringify({ lead: request.lead }),
          });
          return {
            request,
            status: response.status,
            body: (await response.json()) as { results: ResultView[] },
          };
        }),
      );
    }, 120_000);

    afterAll(async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await database?.close();
      await testDatabase?.drop();
    });

    it('answers every request with 200', () => {
      expect(answers).toHaveLength(2000);
      expect(
        answers.filter((answer) => answer.status !== 200).map((answer) => answer.body),
      ).toEqual([]);
    });

    it('records every lead once in the audit log', async () => {
      const entries = await database.db.selectFrom('audit_entries').select('lead_id').execute();
      const uniqueLeads = new Set(answers.map((answer) => answer.request.lead.id));

      expect(entries).toHaveLength(uniqueLeads.size);
      expect(new Set(entries.map((entry) => entry.lead_id)).size).toBe(uniqueLeads.size);
    });

    it('answers a retried idempotency key with the first owner', () => {
      const byKey = new Map<string, string | null>();
      for (const answer of answers) {
        const key = answer.request.idempotencyKey;
        if (!key) continue;
        const owner = answer.body.results[0]!.ownerId;
        if (byKey.has(key)) expect(owner, key).toBe(byKey.get(key));
        byKey.set(key, owner);
      }
      expect(byKey.size).toBe(700);
    });

    it('keeps round robin exact on the uncapped flow', async () => {
      const rows = await database.db
        .selectFrom('audit_entries')
        .select('owner_id')
        .where('flow_id', '=', 'even')
        .execute();
      const counts = countBy(rows, (row) => row.owner_id);

      expect(rows).toHaveLength(700);
      expectEven(['a1', 'a2', 'a3'].map((rep) => counts.get(rep) ?? 0));
    });

    it('never passes a daily capacity', async () => {
      const rows = await database.db
        .selectFrom('audit_entries')
        .select('owner_id')
        .where('flow_id', '=', 'capped')
        .execute();
      const counts = countBy(rows, (row) => row.owner_id);

      expect(counts.get('b1')).toBe(150);
      expect(counts.get('b2')).toBe(150);
      expect(counts.get(null)).toBe(300);
    });

    it('gives each phone one owner', () => {
      const ownerByPhone = new Map<string, string | null>();
      for (const answer of answers.filter((item) => item.request.flowId === 'phones')) {
        const phone = answer.request.lead.phone ?? answer.request.lead.手机 ?? '';
        const owner = answer.body.results[0]!.ownerId;
        expect(owner).not.toBeNull();
        if (ownerByPhone.has(phone)) expect(owner, phone).toBe(ownerByPhone.get(phone));
        ownerByPhone.set(phone, owner);
      }
      expect(ownerByPhone.size).toBe(500);
    });

    it('keeps round robin exact among first-seen phones', async () => {
      const rows = await database.db
        .selectFrom('audit_entries')
        .select('owner_id')
        .where('flow_id', '=', 'phones')
        .where('reason', '=', 'assigned')
        .execute();
      const counts = countBy(rows, (row) => row.owner_id);

      expect(rows).toHaveLength(500);
      expectEven([counts.get('c1') ?? 0, counts.get('c2') ?? 0]);
    });

    it('stores rep counters equal to the decisions', async () => {
      const decisions = await database.db
        .selectFrom('audit_entries')
        .select('owner_id')
        .where('owner_id', 'is not', null)
        .execute();
      const perRep = countBy(decisions, (row) => row.owner_id);
      const counters = await database.db
        .selectFrom('allocation_state')
        .select(['scope', 'key', 'value'])
        .where('scope', 'like', 'assigned:%-__-__')
        .execute();

      for (const rep of REPS) {
        const total = counters.reduce(
          (sum, row) => sum + ((JSON.parse(row.value) as Record<string, number>)[rep.id] ?? 0),
          0,
        );
        expect(total, rep.id).toBe(perRep.get(rep.id) ?? 0);
      }
    });
  },
);
