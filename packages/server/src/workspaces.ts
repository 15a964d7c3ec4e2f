import { randomUUID } from 'node:crypto';
import { insertToken } from './auth/tokens.js';
import { inWriteTransaction, lockName, type DatabaseHandle } from './db/database.js';
import { apiError } from './http/api-messages.js';

/** A new workspace's id and its first owner token (shown once, stored only as a hash). */
export interface CreatedWorkspace {
  workspaceId: string;
  ownerToken: string;
}

export const MAX_WORKSPACE_NAME_LENGTH = 200;

/** Creates a workspace and an owner token for it. */
export async function createWorkspace(
  handle: DatabaseHandle,
  name: string,
  options: { onlyIfNone?: boolean; now?: Date } = {},
): Promise<CreatedWorkspace> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > MAX_WORKSPACE_NAME_LENGTH) {
    throw apiError(
      400,
      'validation-failed',
      'workspaceNameLength',
      { maximum: MAX_WORKSPACE_NAME_LENGTH, length: trimmed.length },
      (message) => ({ issues: [{ path: 'name', code: 'too_big', message }] }),
    );
  }
  const now = options.now ?? new Date();

  return inWriteTransaction(handle, async (trx) => {
    // Two first-run requests at once must not both see an empty database.
    await lockName(handle, trx, 'sras:create-workspace');
    if (options.onlyIfNone) {
      const existing = await trx.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
      if (existing) {
        throw apiError(409, 'workspace-exists', 'workspaceExists');
      }
    }

    const workspaceId = randomUUID();
    await trx
      .insertInto('workspaces')
      .values({ id: workspaceId, name: trimmed, created_at: now.toISOString(), change_seq: 0 })
      .execute();
    const { token } = await insertToken(trx, {
      workspaceId,
      role: 'owner',
      label: 'first owner',
      now,
    });
    return { workspaceId, ownerToken: token };
  });
}

/** True when the database holds at least one workspace. */
export async function hasWorkspace(handle: DatabaseHandle): Promise<boolean> {
  const row = await handle.db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
