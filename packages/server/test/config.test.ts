import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/index.js';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({});

    expect(config.port).toBe(8787);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.logLevel).toBe('info');
    expect(config.sqliteCheckpointIntervalMs).toBe(250);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      SRAS_DATA_DIR: '/tmp/x',
      DATABASE_URL: 'postgres://u@h/d',
      LOG_LEVEL: 'warn',
      SRAS_BODY_LIMIT_BYTES: '2048',
      SRAS_ALLOCATE_BODY_LIMIT_BYTES: '4096',
      SRAS_RATE_LIMIT_MAX: '10',
      SRAS_RATE_LIMIT_WINDOW_MS: '2000',
      SRAS_APP_DIR: '/srv/app',
      SRAS_SQLITE_CHECKPOINT_MS: '0',
    });

    expect(config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      databaseUrl: 'postgres://u@h/d',
      logLevel: 'warn',
      bodyLimitBytes: 2048,
      allocateBodyLimitBytes: 4096,
      rateLimitMax: 10,
      rateLimitWindowMs: 2000,
      appDir: '/srv/app',
      idempotencyTtlHours: 168,
      sqliteSynchronous: 'NORMAL',
      sqliteCheckpointIntervalMs: 0,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '  ' }).databaseUrl).toBeUndefined();
  });

  it('rejects a DATABASE_URL that is not PostgreSQL', () => {
    const load = () => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/sras' });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/DATABASE_URL must be a PostgreSQL URL .* got one with mysql:/);
    expect(load).not.toThrow(/hunter2/);
  });

  it('accepts postgres and postgresql URLs', () => {
    for (const url of ['postgres://u:p@h:5432/d', 'postgresql://u@h/d']) {
      expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
  });

  it('rejects a port that is not a number and names the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/0 to 65535/);
  });
});
