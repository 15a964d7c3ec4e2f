import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { CliLanguage } from '../cli-language.js';
import { CliError } from '../cli.error.js';

/** The database `sras workspace create` writes to: a PostgreSQL URL, or the folder of the SQLite file. */
export type DatabaseTarget =
  { kind: 'postgres'; url: string } | { kind: 'sqlite'; dataDir: string };

/** The file name the server gives its SQLite database inside `SRAS_DATA_DIR`. */
const SQLITE_FILE = 'sras.sqlite';

/**
 * Reads the value of `--database-url` (or `DATABASE_URL`, named by
 * `source`). It is a PostgreSQL URL (`postgres://` or `postgresql://`), as
 * the server accepts it, or the path of the server's SQLite file
 * `sras.sqlite`, bare or as a `sqlite:` or `file:` URL, which selects its
 * folder. Throws a usage error for any other value. Messages repeat a URL
 * without its password.
 */
export function readDatabaseTarget(
  text: string,
  source: string,
  cwd: string,
  language: CliLanguage,
  isPostgresUrl: (text: string) => boolean,
): DatabaseTarget {
  const words = DATABASE_MESSAGES[language];
  const value = text.trim();
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(value)?.[1]?.toLowerCase();

  if (scheme === 'postgres' || scheme === 'postgresql') {
    if (isPostgresUrl(value)) return { kind: 'postgres', url: value };
    throw new CliError(words.invalidUrl(source, withoutPassword(value)), 2);
  }
  if (scheme !== undefined && scheme !== 'sqlite' && scheme !== 'file') {
    throw new CliError(words.unsupportedScheme(source, scheme), 2);
  }

  const file = resolve(cwd, sqlitePath(value, scheme));
  if (basename(file) !== SQLITE_FILE) {
    throw new CliError(words.sqliteFileName(source, basename(file), dirname(file)), 2);
  }
  return { kind: 'sqlite', dataDir: dirname(file) };
}

/** Returns the file path of a bare path, a `sqlite:` URL or a `file:` URL. */
function sqlitePath(value: string, scheme: string | undefined): string {
  if (scheme === 'file') {
    try {
      return fileURLToPath(value);
    } catch {
      return value.slice('file:'.length);
    }
  }
  if (scheme === 'sqlite') return value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  return value;
}

/** Replaces the password of a URL by `***`, for messages. */
function withoutPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}

/**
 * Words a failure to open, migrate or write the database in the user's
 * language: an unreachable or silent server, a rejected user, a missing
 * database, missing rights, or an SQLite folder that cannot be written.
 * Returns null for any other error, which the caller reports as it is.
 */
export function describeDatabaseFailure(
  error: unknown,
  target: DatabaseTarget,
  language: CliLanguage,
): string | null {
  const words = DATABASE_MESSAGES[language];
  const code = errorCode(error);

  if (target.kind === 'sqlite') {
    return code !== undefined && SQLITE_WRITE_CODES.has(code)
      ? words.sqliteUnwritable(target.dataDir, code)
      : null;
  }

  const url = new URL(target.url);
  const server = `${url.hostname || 'localhost'}:${url.port || '5432'}`;
  const user = decodeURIComponent(url.username) || '-';
  const database = decodeURIComponent(url.pathname.slice(1)) || user;
  const message = error instanceof Error ? error.message : '';

  if (code === 'ECONNREFUSED') return words.refused(server);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return words.hostNotFound(url.hostname);
  if (code === 'ETIMEDOUT' || /timeout/i.test(message)) return words.timedOut(server);
  if (code === 'ECONNRESET' || /terminated unexpectedly/i.test(message)) {
    return words.closed(server);
  }
  if (code === '28P01' || code === '28000') return words.rejected(server, user);
  if (code === '3D000') return words.noDatabase(server, database);
  if (code === '42501') return words.noRights(user, database);
  if (code !== undefined && /^[0-9A-Z]{5}$/.test(code)) {
    return words.serverError(server, code, message);
  }
  return null;
}

/** Error codes of an SQLite folder or file that cannot be created or written. */
const SQLITE_WRITE_CODES = new Set([
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY',
  'SQLITE_PERM',
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOTDIR',
  'EEXIST',
]);

/**
 * Returns the code of an error, of the first error inside an AggregateError
 * (Node tries each address of a host and reports all failures), or of its cause.
 */
function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;

  const { code, errors, cause } = error as { code?: unknown; errors?: unknown; cause?: unknown };
  if (typeof code === 'string') return code;
  if (Array.isArray(errors) && errors.length > 0) return errorCode(errors[0]);
  return errorCode(cause);
}

interface DatabaseMessages {
  invalidUrl: (source: string, url: string) => string;
  unsupportedScheme: (source: string, scheme: string) => string;
  sqliteFileName: (source: string, name: string, folder: string) => string;
  refused: (server: string) => string;
  hostNotFound: (host: string) => string;
  timedOut: (server: string) => string;
  closed: (server: string) => string;
  rejected: (server: string, user: string) => string;
  noDatabase: (server: string, database: string) => string;
  noRights: (user: string, database: string) => string;
  serverError: (server: string, code: string, message: string) => string;
  sqliteUnwritable: (folder: string, code: string) => string;
}

const DATABASE_MESSAGES: Record<CliLanguage, DatabaseMessages> = {
  en: {
    invalidUrl: (source, url) =>
      `${source}: "${url}" is not a valid PostgreSQL URL. Write it as postgres://USER:PASSWORD@HOST:5432/DATABASE.`,
    unsupportedScheme: (source, scheme) =>
      `${source}: ${scheme}:// is not a database the server can use. Give a PostgreSQL URL (postgres://USER:PASSWORD@HOST:5432/DATABASE), or the path of the SQLite file ${SQLITE_FILE}.`,
    sqliteFileName: (source, name, folder) =>
      `${source}: the server keeps its SQLite database in a file named ${SQLITE_FILE}, not ${name}. Pass --data-dir ${folder} to use ${SQLITE_FILE} in that folder.`,
    refused: (server) =>
      `Could not connect to PostgreSQL at ${server}: nothing accepts connections there. Check that PostgreSQL is running and that the host and port in the URL are right.`,
    hostNotFound: (host) =>
      `Could not connect to PostgreSQL: the host "${host}" was not found. Check the host name in the URL.`,
    timedOut: (server) =>
      `Could not connect to PostgreSQL at ${server}: the connection timed out. Check the host, the port and the firewall; PGCONNECT_TIMEOUT sets the wait in seconds.`,
    closed: (server) =>
      `PostgreSQL at ${server} closed the connection. Check that the port belongs to PostgreSQL and look at the server's log.`,
    rejected: (server, user) =>
      `PostgreSQL at ${server} rejected the user "${user}": the password is wrong or the user may not connect. Check the user and password in the URL.`,
    noDatabase: (server, database) =>
      `PostgreSQL at ${server} has no database "${database}". Create it (createdb ${database}) or fix the database name in the URL.`,
    noRights: (user, database) =>
      `The user "${user}" may not create the server's tables in database "${database}". Connect as the database owner, or grant the user the rights.`,
    serverError: (server, code, message) =>
      `PostgreSQL at ${server} reported error ${code} (${message}). Fix the database, then run the command again.`,
    sqliteUnwritable: (folder, code) =>
      `Could not create or open the SQLite database in ${folder} (${code}). Check that the folder can be written, or pass another --data-dir.`,
  },
  'zh-CN': {
    invalidUrl: (source, url) =>
      `${source}：“${url}”不是有效的 PostgreSQL 地址。请写成 postgres://用户:密码@主机:5432/数据库。`,
    unsupportedScheme: (source, scheme) =>
      `${source}：服务器不能使用 ${scheme}:// 数据库。请填写 PostgreSQL 地址（postgres://用户:密码@主机:5432/数据库），或 SQLite 文件 ${SQLITE_FILE} 的路径。`,
    sqliteFileName: (source, name, folder) =>
      `${source}：服务器的 SQLite 数据库文件名为 ${SQLITE_FILE}，而不是 ${name}。请改用 --data-dir ${folder}，使用该目录中的 ${SQLITE_FILE}。`,
    refused: (server) =>
      `无法连接 ${server} 上的 PostgreSQL：该地址没有服务接受连接。请确认 PostgreSQL 正在运行，并检查地址中的主机和端口。`,
    hostNotFound: (host) => `无法连接 PostgreSQL：找不到主机“${host}”。请检查地址中的主机名。`,
    timedOut: (server) =>
      `无法连接 ${server} 上的 PostgreSQL：连接超时。请检查主机、端口和防火墙；PGCONNECT_TIMEOUT 可设置等待的秒数。`,
    closed: (server) =>
      `${server} 上的 PostgreSQL 关闭了连接。请确认该端口是 PostgreSQL 的端口，并查看数据库服务器的日志。`,
    rejected: (server, user) =>
      `${server} 上的 PostgreSQL 拒绝了用户“${user}”：密码错误或该用户不允许连接。请检查地址中的用户名和密码。`,
    noDatabase: (server, database) =>
      `${server} 上的 PostgreSQL 没有数据库“${database}”。请先创建（createdb ${database}），或修改地址中的数据库名。`,
    noRights: (user, database) =>
      `用户“${user}”无权在数据库“${database}”中创建服务器所需的表。请以数据库所有者连接，或为该用户授予权限。`,
    serverError: (server, code, message) =>
      `${server} 上的 PostgreSQL 报告错误 ${code}（${message}）。请修复数据库后重新运行命令。`,
    sqliteUnwritable: (folder, code) =>
      `无法在 ${folder} 中创建或打开 SQLite 数据库（${code}）。请确认该目录可写，或用 --data-dir 指定其他目录。`,
  },
};
