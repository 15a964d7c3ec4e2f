import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import {
  buildServer,
  createWorkspace,
  loadConfig,
  migrateToLatest,
  openDatabase,
  type BuildServerOptions,
  type DatabaseHandle,
  type ServerConfig,
} from '../../src/index.js';
import { createTestDatabase, type DialectUnderTest, type TestDatabase } from './test-database.js';

export interface TestServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: ServerConfig;
  /** A workspace created for the test, with its owner token. */
  workspaceId: string;
  ownerToken: string;
  /** Sends a request with `token` as bearer token (none when null). */
  request(token: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Starts an in-process server on a fresh database with one workspace. */
export async function startTestServer(
  dialect: DialectUnderTest,
  env: NodeJS.ProcessEnv = {},
  options: {
    withWorkspace?: boolean;
    onRoute?: BuildServerOptions['onRoute'];
    /** Fastify logger option; default none. */
    logger?: BuildServerOptions['logger'];
  } = {},
): Promise<TestServer> {
  const testDatabase: TestDatabase = await createTestDatabase(dialect);
  const config = loadConfig({
    SRAS_DATA_DIR: testDatabase.options.dataDir,
    DATABASE_URL: testDatabase.options.databaseUrl,
    SRAS_APP_DIR: '/nonexistent-sras-app',
    ...env,
  });
  const database = openDatabase(testDatabase.options);
  await migrateToLatest(database);
  const app = await buildServer({
    config,
    database,
    logger: options.logger ?? false,
    onRoute: options.onRoute,
  });

  const created =
    options.withWorkspace === false
      ? { workspaceId: '', ownerToken: '' }
      : await createWorkspace(database, 'Test workspace');

  return {
    app,
    database,
    config,
    ...created,
    request: (token, requestOptions) =>
      app.inject({
        ...requestOptions,
        headers: {
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...requestOptions.headers,
        },
      }),
    close: async () => {
      await app.close();
      await database.close();
      await testDatabase.drop();
    },
  };
}
