import type { Generated } from 'kysely';

/** Kysely table types. Times are ISO 8601 UTC text; JSON columns are text. */
export interface Database {
  workspaces: WorkspaceTable;
  tokens: TokenTable;
  documents: DocumentTable;
  flow_versions: FlowVersionTable;
  saved_version_documents: SavedVersionDocumentTable;
  allocation_state: AllocationStateTable;
  idempotency_records: IdempotencyTable;
  audit_entries: AuditTable;
}

export interface WorkspaceTable {
  id: string;
  name: string;
  created_at: string;
  /** Number of the last change recorded in this workspace; also the row locked to serialise writes. */
  change_seq: number;
}

export type Role = 'owner' | 'editor' | 'viewer' | 'allocate';

export interface TokenTable {
  id: string;
  workspace_id: string;
  /** SHA-256 of the token, hex. */
  token_hash: string;
  role: Role;
  /** For allocate tokens: the only flow they may run; null for every flow. */
  flow_id: string | null;
  label: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export type DocumentKind =
  'flow' | 'reps' | 'teams' | 'targets' | 'existing-owners' | 'flow-versions';

/** Synced documents: one row per flow, and one per workspace for each list kind. */
export interface DocumentTable {
  workspace_id: string;
  kind: DocumentKind;
  id: string;
  revision: number;
  /** JSON text; null once deleted. */
  body: string | null;
  deleted: number;
  /** Workspace change number of the last write, for `GET /changes`. */
  change_seq: number;
  updated_at: string;
  /** Flows only: the version allocation runs, null while unpublished. */
  published_version: number | null;
}

/**
 * The flow document of each named version the app saved (the items of the
 * `flow-versions` list), apart from the list, which keeps only each item's
 * other fields. A saved version's document never changes.
 */
export interface SavedVersionDocumentTable {
  workspace_id: string;
  /** The list item's id. */
  id: string;
  flow_id: string;
  /** The flow document as JSON text. */
  body: string;
}

export interface FlowVersionTable {
  workspace_id: string;
  flow_id: string;
  version: number;
  /** Revision of the flow document that was published. */
  revision: number;
  body: string;
  published_at: string;
}

/**
 * Allocation state of a workspace, split into rows so that a batch reads and
 * writes only what it touches: `scope` names the kind of entry (round-robin
 * weights, counters, dedup keys) and `key` the entry within it.
 */
export interface AllocationStateTable {
  workspace_id: string;
  scope: string;
  key: string;
  value: string;
}

export interface IdempotencyTable {
  workspace_id: string;
  key: string;
  /** SHA-256 of the flow id and the request body, so a reused key with another body is caught. */
  request_hash: string;
  status_code: number;
  response: string;
  created_at: string;
}

export interface AuditTable {
  id: Generated<number>;
  workspace_id: string;
  flow_id: string;
  flow_version: number;
  lead_id: string;
  owner_id: string | null;
  route: string;
  reason: string;
  reason_text: string | null;
  decided_at: string;
  idempotency_key: string | null;
  token_id: string;
}
