import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import { migrateToLatest, openDatabase } from '../../server/src/index.js';
import { checkToken } from '../../server/src/auth/tokens.js';
import { postgresUrl } from '../../server/test/helpers/test-database.js';
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

  it('reports an unreachable PostgreSQL server in both languages', async () => {
    const dir = setUp();
    const env = { DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:9/none' };

    const english = await runSras(['workspace', 'create', '--name', 'A'], dir, env);
    const chinese = await runSras(['workspace', 'create', '--name', 'A'], dir, {
      ...env,
      LANG: 'zh_CN.UTF-8',
    });

    expect(english.code).toBe(1);
    expect(english.stderr).toBe(
      'Error: Could not connect to PostgreSQL at 127.0.0.1:9: nothing accepts connections there. Check that PostgreSQL is running and that the host and port in the URL are right.\n',
    );
    expect(chinese.code).toBe(1);
    expect(chinese.stderr).toBe(
      '错误：无法连接 127.0.0.1:9 上的 PostgreSQL：该地址没有服务接受连接。请确认 PostgreSQL 正在运行，并检查地址中的主机和端口。\n',
    );
  });

  it('reports a server that never answers as timed out', async () => {
    const dir = setUp();
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const { port } = silent.address() as AddressInfo;

    const run = await runSras(
      [
        'workspace',
        'create',
        '--name',
        'A',
        '--database-url',
        `postgres://u:p@127.0.0.1:${port}/d`,
      ],
      dir,
      { PGCONNECT_TIMEOUT: '1' },
    );
    for (const socket of sockets) socket.destroy();
    await new Promise((done) => silent.close(done));

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `Could not connect to PostgreSQL at 127.0.0.1:${port}: the connection timed out.`,
    );
  });

  it('rejects a URL of another database with a usage error', async () => {
    const dir = setUp();

    const run = await runSras(
      ['workspace', 'create', '--name', 'A', '--database-url', 'mysql://root:secret@db/sras'],
      dir,
      { LANG: 'zh_CN.UTF-8' },
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--database-url：服务器不能使用 mysql:// 数据库。');
    expect(run.stderr).not.toContain('secret');
  });

  it('rejects a malformed PostgreSQL URL without showing the password', async () => {
    const dir = setUp();

    const run = await runSras(
      ['workspace', 'create', '--name', 'A', '--database-url', 'postgres://u:secret@[bad/db'],
      dir,
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"postgres://u:***@[bad/db" is not a valid PostgreSQL URL');
    expect(run.stderr).not.toContain('secret');
  });

  it('creates the workspace in the folder of a sras.sqlite path', async () => {
    const dir = setUp();

    const run = await runSras(
      ['workspace', 'create', '--name', 'A', '--database-url', 'sqlite:store/sras.sqlite'],
      dir,
    );

    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(`${dir}/store/sras.sqlite`)).toBe(true);
  });

  it('names an SQLite folder that cannot be created', async () => {
    const dir = setUp();
    writeFileSync(`${dir}/blocker`, '');

    const run = await runSras(
      ['workspace', 'create', '--name', 'A', '--data-dir', 'blocker/sub'],
      dir,
      { LANG: 'zh_CN.UTF-8' },
    );

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `错误：无法在 ${dir}/blocker/sub 中创建或打开 SQLite 数据库（ENOTDIR）。请确认该目录可写，或用 --data-dir 指定其他目录。\n`,
    );
  });

  it('rejects an SQLite file of another name and names the folder', async () => {
    const dir = setUp();

    const run = await runSras(
      ['workspace', 'create', '--name', 'A', '--database-url', 'store/crm.db'],
      dir,
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `--database-url: the server keeps its SQLite database in a file named sras.sqlite, not crm.db. Pass --data-dir ${dir}/store to use sras.sqlite in that folder.`,
    );
    expect(existsSync(`${dir}/store`)).toBe(false);
  });
});

describe.skipIf(!postgresUrl)('sras workspace create on PostgreSQL', () => {
  const url = new URL(postgresUrl ?? 'postgres://localhost/none');
  const withDatabase = (name: string, password = decodeURIComponent(url.password)) => {
    const target = new URL(url);
    target.pathname = `/${name}`;
    target.password = password;
    return target.toString();
  };

  it('names a database that does not exist in Chinese', async () => {
    const dir = setUp();

    const run = await runSras(
      ['workspace', 'create', '--name', 'A', '--database-url', withDatabase('sras_no_such_db')],
      dir,
      { LANG: 'zh_CN.UTF-8' },
    );

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `错误：127.0.0.1:5432 上的 PostgreSQL 没有数据库“sras_no_such_db”。请先创建（createdb sras_no_such_db），或修改地址中的数据库名。\n`.replace(
        '127.0.0.1:5432',
        `${url.hostname}:${url.port || '5432'}`,
      ),
    );
  });

  it('names the user whose password the server rejects', async () => {
    const dir = setUp();
    const database = url.pathname.slice(1);

    const run = await runSras(
      ['workspace', 'create', '--name', 'A', '--database-url', withDatabase(database, 'wrong')],
      dir,
    );

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `rejected the user "${decodeURIComponent(url.username)}": the password is wrong or the user may not connect.`,
    );
    expect(run.stderr).not.toContain('wrong@');
  });
});
