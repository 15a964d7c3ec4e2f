import { resolve } from 'node:path';

import type * as Server from '@sras/server';

import type { CliLanguage } from '../cli-language.js';
import { CliError } from '../cli.error.js';
import type { CommandModule } from './command-module.js';

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
        const env = {
          ...context.io.env,
          ...(options.dataDir ? { SRAS_DATA_DIR: resolve(context.io.cwd, options.dataDir) } : {}),
          ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
        };
        const config = loadServerConfig(server, env, context.io.cwd);
        const database = server.openDatabase({
          dataDir: config.dataDir,
          databaseUrl: config.databaseUrl,
        });

        try {
          await server.migrateToLatest(database);
          const created = await server.createWorkspace(database, options.name);
          context.io.stdout(`${JSON.stringify(created)}\n`);
        } catch (error) {
          throw new CliError(text.failed((error as Error).message));
        } finally {
          await database.close();
        }
      });
  },
};

function loadServerConfig(
  server: typeof Server,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
) {
  try {
    const config = server.loadConfig(env);
    // SRAS_DATA_DIR is relative to where the command runs, as for the server.
    return { ...config, dataDir: resolve(cwd, env.SRAS_DATA_DIR ?? './data') };
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
    databaseUrl: 'PostgreSQL connection string (default: DATABASE_URL); SQLite when unset',
    failed: (reason) => `Could not create the workspace: ${reason}`,
    invalidName: (maximum, length) =>
      `The workspace name must have 1 to ${maximum} characters; this one has ${length}. Pass another --name.`,
  },
  'zh-CN': {
    description: '管理 sras 服务器数据库中的工作区',
    create: '创建工作区，并以 JSON 输出其 ID 和所有者令牌',
    name: '工作区名称',
    dataDir: 'SQLite 数据库所在目录（默认：SRAS_DATA_DIR，否则为 ./data）',
    databaseUrl: 'PostgreSQL 连接串（默认：DATABASE_URL）；未设置时使用 SQLite',
    failed: (reason) => `无法创建工作区：${reason}`,
    invalidName: (maximum, length) =>
      `工作区名称须为 1 到 ${maximum} 个字符，当前为 ${length} 个。请用 --name 另填一个名称。`,
  },
};
