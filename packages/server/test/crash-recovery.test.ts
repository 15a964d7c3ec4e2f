import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkspace,
  migrateToLatest,
  openDatabase,
  type CreatedWorkspace,
  type DatabaseHandle,
} from '../src/index.js';
import { roundRobinFlow } from './fixtures/flows.js';
import { createTestDatabase, dialects, type TestDatabase } from './helpers/test-database.js';
import { startServerProcess, type ServerProcess } from './helpers/server-process.js';

const REPS = [
  { id: 'r1', name: 'R1' },
  { id: 'r2', name: 'R2' },
  { id: 'r3', name: 'R3' },
];

describe.each(dialects)('a server killed under load on %s', (dialect) => {
  let testDatabase: TestDatabase;
  let database: DatabaseHandle;
  let workspace: CreatedWorkspace;
  let env: NodeJS.ProcessEnv;
  let server: ServerProcess | undefined;
  const answered = new Map<string, string | null>();

  const allocate = async (url: string, id: string) => {
    const response = await fetch(`${url}/api/v1/flows/even/allocate`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${workspace.ownerToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ lead: { id } }),
    });
    const body = (await response.json()) as { results: { ownerId: string | null }[] };
    if (response.status !== 200) throw new Error(`allocation failed: ${JSON.stringify(body)}`);
    return body.results[0]!.ownerId;
  };

  beforeAll(async () => {
    testDatabase = await createTestDatabase(dialect);
    database = openDatabase(testDatabase.options);
    await migrateToLatest(database);
    workspace = await createWorkspace(database, 'Crash');
    env = {
      SRAS_DATA_DIR: testDatabase.options.dataDir,
      DATABASE_URL: testDatabase.options.databaseUrl ?? '',
      SRAS_RATE_LIMIT_MAX: '100000',
    };

    server = await startServerProcess(env);
    const headers = {
      authorization: `Bearer ${workspace.ownerToken}`,
      'content-type': 'application/json',
    };
    await fetch(`${server.url}/api/v1/reps`, {
      method: 'PUT',
      headers,
      body: JSON.stringify(REPS),
    });
    const saved = await fetch(`${server.url}/api/v1/flows/even`, {
      method: 'PUT',
      headers,
      body: JSON.stringify(roundRobinFlow('even', ['r1', 'r2', 'r3'])),
    });
    const { revision } = (await saved.json()) as { revision: number };
    await fetch(`${server.url}/api/v1/flows/even/publish`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ revision }),
    });

    // Sixteen clients post leads until 300 answers have arrived; then the
    // server is killed while requests are still in flight.
    const url = server.url;
    let next = 0;
    let killed = false;
    const clients = Array.from({ length: 16 }, async () => {
      while (!killed) {
        const id = `lead-${next++}`;
        try {
          const owner = await allocate(url, id);
          if (!killed) answered.set(id, owner);
        } catch {
          return;
        }
        if (answered.size >= 300 && !killed) {
          killed = true;
          await server?.stop('SIGKILL');
        }
      }
    });
    await Promise.all(clients);

    server = await startServerProcess(env);
    for (let index = 0; index < 30; index++) await allocate(server.url, `after-${index}`);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await database?.close();
    await testDatabase?.drop();
  });

  it('keeps every answered decision', async () => {
    const rows = await database.db
      .selectFrom('audit_entries')
      .select(['lead_id', 'owner_id'])
      .execute();
    const stored = new Map(rows.map((row) => [row.lead_id, row.owner_id]));

    expect(answered.size).toBeGreaterThanOrEqual(300);
    for (const [leadId, ownerId] of answered) expect(stored.get(leadId), leadId).toBe(ownerId);
  });

  it('keeps counters equal to the stored decisions', async () => {
    const rows = await database.db.selectFrom('audit_entries').select('owner_id').execute();
    const counters = await database.db
      .selectFrom('allocation_state')
      .select(['scope', 'key', 'value'])
      .where('scope', 'like', 'assigned:%-__-__')
      .execute();

    for (const rep of REPS) {
      const decided = rows.filter((row) => row.owner_id === rep.id).length;
      const counted = counters.reduce(
        (sum, row) => sum + ((JSON.parse(row.value) as Record<string, number>)[rep.id] ?? 0),
        0,
      );
      expect(counted, rep.id).toBe(decided);
    }
  });

  it('continues round robin exactly after the restart', async () => {
    const rows = await database.db.selectFrom('audit_entries').select('owner_id').execute();
    const counts = REPS.map((rep) => rows.filter((row) => row.owner_id === rep.id).length);

    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });
});
