import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { OpenDatabaseOptions } from '../../src/index.js';

export type DialectUnderTest = 'sqlite' | 'postgres';

/** A role that may create databases, such as the one `.ci/postgres.sh` makes. */
export const postgresUrl = process.env.TEST_DATABASE_URL;

if (!postgresUrl && process.env.CI) {
  throw new Error('TEST_DATABASE_URL is not set in CI: source .ci/postgres.sh before the tests.');
}
if (!postgresUrl) {
  console.warn(
    'TEST_DATABASE_URL is not set: the PostgreSQL server tests are skipped (run `. .ci/postgres.sh` to enable them).',
  );
}

/** The dialects to run each database test on: SQLite always, PostgreSQL when configured. */
export const dialects: DialectUnderTest[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  options: OpenDatabaseOptions;
  drop(): Promise<void>;
}

/** Makes an empty database: a SQLite folder in the temp dir, or a new PostgreSQL database. */
export async function createTestDatabase(dialect: DialectUnderTest): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sras-server-test-'));
    return {
      options: { dataDir },
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }

  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set.');
  const name = `sras_t_${randomBytes(6).toString('hex')}`;
  await runAdmin(`create database ${name}`);

  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    options: { dataDir: os.tmpdir(), databaseUrl: url.toString() },
    drop: () => dropDatabase(name),
  };
}

/** Drops a test database, retrying while a background worker still holds it; warns instead of failing. */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await runAdmin(`drop database if exists ${name} with (force)`);
      return;
    } catch (error) {
      if (attempt === 5) {
        console.warn(`Could not drop the test database ${name}: ${String(error)}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

async function runAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
