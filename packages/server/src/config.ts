import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Server settings, read from environment variables by {@link loadConfig}. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Folder of the SQLite database file; unused when `databaseUrl` is set. */
  dataDir: string;
  /** PostgreSQL connection string; SQLite is used when absent. */
  databaseUrl: string | undefined;
  logLevel: string;
  /** Largest request body accepted by the sync endpoints, in bytes. */
  bodyLimitBytes: number;
  /** Largest request body accepted by the allocation endpoint, in bytes. */
  allocateBodyLimitBytes: number;
  /** Requests allowed per token (per address without a token) in one window. */
  rateLimitMax: number;
  /** Length of the rate-limit window in milliseconds. */
  rateLimitWindowMs: number;
  /** Folder of the built app (`index.html` and assets). */
  appDir: string;
  /** How long an idempotency key is remembered, in hours. */
  idempotencyTtlHours: number;
  /** SQLite `synchronous`: NORMAL survives a crash of the process, FULL also a power loss. */
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /**
   * Milliseconds between SQLite WAL checkpoints in a worker thread; 0 leaves
   * them to SQLite, inside the commit that fills the log.
   */
  sqliteCheckpointIntervalMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

// packages/server/{src,dist}/config.* → repository root dist/. Under a test
// runner that serves modules over http, fall back to dist/ in the working
// directory.
const moduleUrl = new URL('../../../dist/', import.meta.url);
const defaultAppDir =
  moduleUrl.protocol === 'file:' ? fileURLToPath(moduleUrl) : path.resolve('dist');

/** Reads the configuration from `env`, rejecting values that are not numbers where numbers are expected. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: readInteger(env, 'PORT', 8787, 0, 65_535),
    host: readText(env, 'HOST') ?? '127.0.0.1',
    dataDir: path.resolve(readText(env, 'SRAS_DATA_DIR') ?? './data'),
    databaseUrl: readDatabaseUrl(env),
    logLevel: readText(env, 'LOG_LEVEL') ?? 'info',
    bodyLimitBytes: readInteger(env, 'SRAS_BODY_LIMIT_BYTES', 10 * 1024 * 1024, 1024),
    allocateBodyLimitBytes: readInteger(
      env,
      'SRAS_ALLOCATE_BODY_LIMIT_BYTES',
      2 * 1024 * 1024,
      1024,
    ),
    rateLimitMax: readInteger(env, 'SRAS_RATE_LIMIT_MAX', 6000, 1),
    rateLimitWindowMs: readInteger(env, 'SRAS_RATE_LIMIT_WINDOW_MS', 60_000, 1000),
    appDir: path.resolve(readText(env, 'SRAS_APP_DIR') ?? defaultAppDir),
    idempotencyTtlHours: readInteger(env, 'SRAS_IDEMPOTENCY_TTL_HOURS', 168, 1),
    sqliteSynchronous: readSynchronous(env),
    sqliteCheckpointIntervalMs: readInteger(env, 'SRAS_SQLITE_CHECKPOINT_MS', 250, 0, 3_600_000),
  };
}

/**
 * True for a PostgreSQL connection URL that the server accepts as
 * `DATABASE_URL`: the scheme `postgres://` or `postgresql://` and a
 * well-formed URL.
 */
export function isPostgresUrl(text: string): boolean {
  if (!/^postgres(?:ql)?:\/\//i.test(text)) return false;
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

function readDatabaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const text = readText(env, 'DATABASE_URL');
  if (text === undefined || isPostgresUrl(text)) return text;

  // Only the scheme is repeated, because the rest may contain a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(text)?.[0] ?? 'no scheme';
  throw new ConfigError(
    `DATABASE_URL must be a PostgreSQL URL such as postgres://USER:PASSWORD@HOST:5432/DATABASE; got one with ${scheme}. Unset it to use SQLite in SRAS_DATA_DIR.`,
  );
}

function readSynchronous(env: NodeJS.ProcessEnv): 'NORMAL' | 'FULL' {
  const text = readText(env, 'SRAS_SQLITE_SYNCHRONOUS')?.toUpperCase() ?? 'NORMAL';
  if (text !== 'NORMAL' && text !== 'FULL') {
    throw new ConfigError(`SRAS_SQLITE_SYNCHRONOUS must be NORMAL or FULL; got "${text}".`);
  }
  return text;
}

function readText(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function readInteger(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const text = readText(env, name);
  if (text === undefined) return fallback;

  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(
      `${name} must be a whole number from ${min} to ${max}; got "${text}". Fix or unset it.`,
    );
  }
  return value;
}
