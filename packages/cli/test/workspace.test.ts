import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';

import { migrateToLatest, openDatabase } from '../../server/src/index.js';
import { checkToken } from '../../server/src/auth/tokens.js';
import { runSras, workDirectory } from './cli-helpers.js';

let cleanup: (() => void) | null = null;

function setUp(): string {
  const work = workDirectory();
  cleanup = work.cleanup;
  return work.dir;
}

afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('sras workspace create', () => {
  it('prints the new workspace and an owner token that the server accepts', async () => {
    const dir = setUp();

    const run = await runSras(['workspace', 'create', '--name', '销售一部'], dir, {
      SRAS_DATA_DIR: 'server-data',
    });
    const created = JSON.parse(run.stdout) as { workspaceId: string; ownerToken: string };
    const database = openDatabase({ dataDir: `${dir}/server-data` });
    await migrateToLatest(database);
    const check = await checkToken(database.db, created.ownerToken);
    const workspace = await database.db.selectFrom('workspaces').selectAll().executeTakeFirst();
    await database.close();

    expect(run.code).toBe(0);
    expect(created.ownerToken).toMatch(/^sras_/);
    expect(check).toMatchObject({
      status: 'valid',
      principal: { workspaceId: created.workspaceId, role: 'owner' },
    });
    expect(workspace?.name).toBe('销售一部');
  });

  it('creates a second workspace in the same database', async () => {
    const dir = setUp();

    const first = await runSras(['workspace', 'create', '--name', 'A', '--data-dir', 'd'], dir);
    const second = await runSras(['workspace', 'create', '--name', 'B', '--data-dir', 'd'], dir);

    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).workspaceId).not.toBe(JSON.parse(first.stdout).workspaceId);
  });

  it('rejects an empty name and prints nothing on stdout', async () => {
    const dir = setUp();

    const run = await runSras(['workspace', 'create', '--name', '  ', '--data-dir', 'd'], dir);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('workspace name');
  });

  it('creates no database file for a rejected name', async () => {
    const dir = setUp();

    const run = await runSras(['workspace', 'create', '--name', '', '--data-dir', 'd'], dir);

    expect(run.code).toBe(1);
    expect(existsSync(`${dir}/d`)).toBe(false);
  });

  it('requires --name', async () => {
    const dir = setUp();

    const run = await runSras(['workspace', 'create'], dir);

    expect(run.code).toBe(2);
  });

  it('reports an unreachable PostgreSQL server', async () => {
    const dir = setUp();

    const run = await runSras(['workspace', 'create', '--name', 'A'], dir, {
      DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:9/none',
    });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Could not create the workspace');
  });
});
