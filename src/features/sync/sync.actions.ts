/** Connecting and disconnecting a workspace; each ends by starting a sync. */
import { normaliseServerUrl } from './sync-address';
import { createSyncApi, SyncApiError } from './sync-api.client';
import { clearSyncMetadata, readConnection, writeConnection } from './sync-metadata';
import { requestSync } from './sync.engine';
import { syncStore } from './sync.store';

/** Thrown for a token that cannot sync (an allocate token); `messageKey` is in the `sync` namespace. */
export class SyncSetupError extends Error {
  override name = 'SyncSetupError';

  constructor(readonly messageKey: string) {
    super(messageKey);
  }
}

/** Checks the token with the server, stores the connection and syncs. Throws `SyncApiError` or `SyncSetupError`. */
export async function connectWorkspace(serverUrl: string, token: string): Promise<void> {
  const api = createSyncApi({ serverUrl, token: token.trim() });
  const workspace = await api.workspace();
  if (workspace.role === 'allocate') throw new SyncSetupError('settings.errors.allocateToken');

  const previous = await readConnection();
  if (previous && previous.workspaceId !== workspace.id) await clearSyncMetadata();
  const address = normaliseServerUrl(serverUrl);
  await writeConnection({
    serverUrl: address.ok ? address.url : serverUrl.trim(),
    token: token.trim(),
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    role: workspace.role,
    lastSeq: previous?.workspaceId === workspace.id ? previous.lastSeq : 0,
  });
  await requestSync();
}

/** Whether the server still needs its first workspace; false when it cannot be asked. */
export async function serverNeedsWorkspace(serverUrl: string): Promise<boolean> {
  try {
    return (await createSyncApi({ serverUrl, token: null }).setup()).needsWorkspace;
  } catch (error) {
    if (error instanceof SyncApiError) return false;
    throw error;
  }
}

/**
 * Creates the server's first workspace, connects to it with the new owner
 * token and returns the token so that the user can keep it.
 */
export async function createFirstWorkspace(serverUrl: string, name: string): Promise<string> {
  const created = await createSyncApi({ serverUrl, token: null }).createWorkspace(name.trim());
  await connectWorkspace(serverUrl, created.ownerToken);
  return created.ownerToken;
}

/** Forgets the connection; local data stays as it is. */
export async function disconnectWorkspace(): Promise<void> {
  await clearSyncMetadata();
  syncStore.setState({
    phase: 'disconnected',
    pending: 0,
    conflicts: [],
    error: null,
    lastSyncedAt: null,
  });
}
