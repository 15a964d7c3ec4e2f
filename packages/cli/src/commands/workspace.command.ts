import { resolve } from 'node:path';

import type * as Server from '@sras/server';

import type { CliLanguage } from '../cli-language.js';
import { CliError } from '../cli.error.js';
import type { CommandModule } from './command-module.js';
import {
  describeDatabaseFailure,
  readDatabaseTarget,
  type DatabaseTarget,
} from './workspace-database.js';

/** Seconds to wait for a PostgreSQL connection unless PGCONNECT_TIMEOUT sets another number. */
const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

/**
 * `sras workspace create --name NAME`: creates a workspace in the server's
 * database (SQLite in `SRAS_DATA_DIR`, or PostgreSQL at `DATABASE_URL`, as
 * the server reads them) and prints `{ "workspaceId", "ownerToken" }` as JSON.
 * The server package is loaded only when the command runs, so that the other
 * commands start without the database drivers.
 */
export const workspaceCommand: CommandModule = {
  register(program, context) {
    const text = WORKSPACE_MESSAGES[context.language];
    const workspace = program.command('workspace').description(text.description);

    workspace
      .command('create')
      .description(text.create)
      .requiredOption('--name <name>', text.name)
      .option('--data-dir <dir>', text.dataDir)
      .option('--database-url <url>', text.databaseUrl)
      .action(async (options: { name: string; dataDir?: string; databaseUrl?: string }) => {
        const server = await import('@sras/server');
        // Checked before the database is opened, so a bad name leaves no file behind.
        const nameLength = options.name.trim().length;
        if (nameLength === 0 || nameLength > server.MAX_WORKSPACE_NAME_LENGTH) {
          throw new CliError(text.invalidName(server.MAX_WORKSPACE_NAME_LENGTH, nameLength));
        }
        const target = databaseTarget(server, options, context.io.env, context);
        const env = {
          ...context.io.env,
          SRAS_DATA_DIR:
            target.kind === 'sqlite'
              ? target.dataDir
              : resolve(context.io.cwd, context.io.env.SRAS_DATA_DIR ?? './data'),
          DATABASE_URL: target.kind === 'postgres' ? target.url : undefined,
        };
        const config = loadServerConfig(server, env);

        let database: Server.DatabaseHandle | null = null;
        try {
          database = server.openDatabase({
            dataDir: config.dataDir,
            databaseUrl: config.databaseUrl,
            connectionTimeoutMs: connectTimeoutSeconds(context.io.env) * 1000,
          });
          await server.migrateToLatest(database);
          const created = await server.createWorkspace(database, options.name);
          context.io.stdout(`${JSON.stringify(created)}\n`);
        } catch (error) {
          const worded = describeDatabaseFailure(error, target, context.language);
          throw new CliError(worded ?? text.failed((error as Error).message));
        } finally {
          await database?.close();
        }
      });
  },
};

/**
 * Picks the database from `--database-url`, else `DATABASE_URL`, else the
 * SQLite folder of `--data-dir` or `SRAS_DATA_DIR` (relative to where the
 * command runs, as for the server), and checks a URL before anything connects.
 */
function databaseTarget(
  server: typeof Server,
  options: { dataDir?: string; databaseUrl?: string },
  env: Readonly<Record<string, string | undefined>>,
  context: { io: { cwd: string }; language: CliLanguage },
): DatabaseTarget {
  const { cwd } = context.io;
  const read = (text: string, source: string) =>
    readDatabaseTarget(text, source, cwd, context.language, server.isPostgresUrl);

  if (options.databaseUrl !== undefined) return read(options.databaseUrl, '--database-url');
  if (options.dataDir) return { kind: 'sqlite', dataDir: resolve(cwd, options.dataDir) };
  if (env.DATABASE_URL?.trim()) return read(env.DATABASE_URL, 'DATABASE_URL');
  return { kind: 'sqlite', dataDir: resolve(cwd, env.SRAS_DATA_DIR ?? './data') };
}

/** Reads PGCONNECT_TIMEOUT, libpq's connect timeout in seconds, when it is a positive number. */
function connectTimeoutSeconds(env: Readonly<Record<string, string | undefined>>): number {
  const seconds = Number(env.PGCONNECT_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_CONNECT_TIMEOUT_SECONDS;
}

function loadServerConfig(
  server: typeof Server,
  env: Readonly<Record<string, string | undefined>>,
) {
  try {
    return server.loadConfig(env);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

const WORKSPACE_MESSAGES: Record<
  CliLanguage,
  {
    description: string;
    create: string;
    name: string;
    dataDir: string;
    databaseUrl: string;
    failed: (reason: string) => string;
    invalidName: (maximum: number, length: number) => string;
  }
> = {
  en: {
    description: 'manage the workspaces of a sras server database',
    create: 'create a workspace and print its id and owner token as JSON',
    name: 'name of the workspace',
    dataDir: 'folder of the SQLite database (default: SRAS_DATA_DIR, else ./data)',
    databaseUrl:
      "PostgreSQL URL postgres://USER:PASSWORD@HOST:5432/DATABASE, or the path of the server's SQLite file sras.sqlite (default: DATABASE_URL; SQLite in the data folder when unset)",
    failed: (reason) => `Could not create the workspace: ${reason}`,
    invalidName: (maximum, length) =>
      `The workspace name must have 1 to ${maximum} characters; this one has ${length}. Pass another --name.`,
  },
  'zh-CN': {
    description: '管理 sras 服务器数据库中的工作区',
    create: '创建工作区，并以 JSON 输出其 ID 和所有者令牌',
    name: '工作区名称',
    dataDir: 'SQLite 数据库所在目录（默认：SRAS_DATA_DIR，否则为 ./data）',
    databaseUrl:
      'PostgreSQL 地址 postgres://用户:密码@主机:5432/数据库，或服务器 SQLite 文件 sras.sqlite 的路径（默认：DATABASE_URL；未设置时使用数据目录中的 SQLite）',
    failed: (reason) => `无法创建工作区：${reason}`,
    invalidName: (maximum, length) =>
      `工作区名称须为 1 到 ${maximum} 个字符，当前为 ${length} 个。请用 --name 另填一个名称。`,
  },
};
