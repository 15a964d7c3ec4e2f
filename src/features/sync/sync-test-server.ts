/**
 * A real sras server on an empty SQLite file, listening on a free loopback
 * port, and a switch between browsers (IndexedDB databases), for the sync
 * tests. Test-only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildServer,
  createWorkspace,
  insertToken,
  loadConfig,
  migrateToLatest,
  openDatabase,
  type Role,
} from '../../../packages/server/src/index';
import { SrasDatabase, setDatabaseForTesting } from '../../storage/db';
import { syncStore } from './sync.store';

export interface SyncTestServer {
  url: string;
  ownerToken: string;
  workspaceId: string;
  createToken(role: Role): Promise<string>;
  close(): Promise<void>;
}

export async function startSyncTestServer(
  options: { withWorkspace?: boolean } = {},
): Promise<SyncTestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sras-sync-test-'));
  const config = loadConfig({ SRAS_DATA_DIR: dataDir, SRAS_APP_DIR: '/nonexistent-sras-app' });
  const database = openDatabase({ dataDir });
  await migrateToLatest(database);
  const app = await buildServer({ config, database, logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const created =
    options.withWorkspace === false
      ? { workspaceId: '', ownerToken: '' }
      : await createWorkspace(database, 'Sync test');

  return {
    url,
    ...created,
    createToken: async (role) =>
      (await insertToken(database.db, { workspaceId: created.workspaceId, role })).token,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Makes the IndexedDB database `databaseName` the app's current one, as if
 * the test switched to another browser, with the sync status reset.
 */
export function useTestBrowser(databaseName: string): void {
  setDatabaseForTesting(new SrasDatabase(databaseName));
  syncStore.setState({
    phase: 'disconnected',
    pending: 0,
    conflicts: [],
    error: null,
    lastSyncedAt: null,
  });
}
