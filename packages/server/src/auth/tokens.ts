import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { PreparedQuery, type Slots } from '../db/prepared-query.js';
import type { Database, Role } from '../db/schema.js';

export const ROLES: readonly Role[] = ['owner', 'editor', 'viewer', 'allocate'];

/** The caller a valid token stands for. */
export interface Principal {
  tokenId: string;
  workspaceId: string;
  role: Role;
  /** For allocate tokens limited to one flow. */
  flowId: string | null;
}

export type TokenCheck =
  { status: 'valid'; principal: Principal } | { status: 'invalid' } | { status: 'expired' };

const TOKEN_PREFIX = 'sras_';

/** Makes a new secret token: the prefix and 32 random bytes in base64url. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** SHA-256 of the token, hex: the only form stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface NewToken {
  workspaceId: string;
  role: Role;
  flowId?: string | null;
  label?: string | null;
  expiresAt?: string | null;
  now?: Date;
}

/** Stores a new token's hash and returns the token itself, which is never stored or shown again. */
export async function insertToken(
  db: Kysely<Database>,
  input: NewToken,
): Promise<{ id: string; token: string }> {
  const token = generateToken();
  const id = randomUUID();

  await db
    .insertInto('tokens')
    .values({
      id,
      workspace_id: input.workspaceId,
      token_hash: hashToken(token),
      role: input.role,
      flow_id: input.flowId ?? null,
      label: input.label ?? null,
      created_at: (input.now ?? new Date()).toISOString(),
      expires_at: input.expiresAt ?? null,
      revoked_at: null,
    })
    .execute();
  return { id, token };
}

// Every authenticated request runs it.
const selectToken = new PreparedQuery((db, slots: Slots<{ tokenHash: string }>) =>
  db
    .selectFrom('tokens')
    .select(['id', 'workspace_id', 'role', 'flow_id', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', slots.value('tokenHash')),
);

/** Looks a token up by its hash and reports whether it is valid, unknown or revoked, or expired at `now`. */
export async function checkToken(
  db: Kysely<Database>,
  token: string,
  now: Date = new Date(),
  /** `hashToken(token)` when the caller already has it. */
  tokenHash: string = hashToken(token),
): Promise<TokenCheck> {
  if (!token.startsWith(TOKEN_PREFIX)) return { status: 'invalid' };

  const row = await selectToken.first(db, { tokenHash });
  if (!row || row.revoked_at !== null) return { status: 'invalid' };
  if (row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime()) {
    return { status: 'expired' };
  }

  return {
    status: 'valid',
    principal: {
      tokenId: row.id,
      workspaceId: row.workspace_id,
      role: row.role,
      flowId: row.flow_id,
    },
  };
}
