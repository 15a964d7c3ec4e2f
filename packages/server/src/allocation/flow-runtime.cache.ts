import {
  compileFlow,
  createRunner,
  createZonedCalendar,
  dedupKeyOf,
  existingOwnerSchema,
  flowDocumentSchema,
  repListSchema,
  type DedupKey,
  type ExistingOwner,
  type FlowDocument,
  type Pipeline,
  type Rep,
  type Runner,
  type ZonedCalendar,
} from '@sras/engine';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { PreparedQuery, type Slots } from '../db/prepared-query.js';
import type { Database } from '../db/schema.js';
import { apiError } from '../http/api-messages.js';
import { LIST_DOCUMENT_ID } from '../sync/document-kinds.js';

export const DEDUP_TYPES: readonly DedupKey[] = ['phone', 'email', 'company'];

/** A published flow version, compiled once and kept for every later request. */
export interface CompiledVersion {
  version: number;
  pipeline: Pipeline;
  runner: Runner;
  calendar: ZonedCalendar;
}

interface RevisionedValue<T> {
  revision: number;
  value: T;
}

/** Existing owners indexed by dedup key, so a batch passes the engine only the rows it can match. */
export interface ExistingOwnerIndex {
  rowsMatching(keys: readonly string[]): ExistingOwner[];
  /** True when every row passed the engine's existing-owner schema, so runs may skip the check. */
  checked: boolean;
}

/** A workspace's reps as the engine takes them. */
export interface RepList {
  reps: Rep[];
  /** True when the list passed the engine's rep schema, so runs may skip the check. */
  checked: boolean;
}

/** Revisions of a workspace's rep and existing-owner lists; 0 for a list never written. */
export interface ListRevisions {
  reps: number;
  owners: number;
}

const MAX_CACHED_VERSIONS = 500;

const selectHeads = new PreparedQuery((db, slots: Slots<{ workspaceId: string; flowId: string }>) =>
  db
    .selectFrom('documents')
    .select(['kind', 'revision', 'published_version', 'deleted'])
    .where('workspace_id', '=', slots.value('workspaceId'))
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'flow'), eb('id', '=', slots.value('flowId'))]),
        eb.and([eb('kind', 'in', ['reps', 'existing-owners']), eb('id', '=', LIST_DOCUMENT_ID)]),
      ]),
    ),
);

/**
 * Keeps what allocation reads on every request but that changes rarely:
 * compiled flow versions (immutable, so never stale), and the rep and
 * existing-owner lists of each workspace, checked against their revision on
 * every request so that another process's write is seen at once.
 */
export class FlowRuntimeCache {
  private readonly versions = new Map<string, CompiledVersion>();
  private readonly reps = new Map<string, RevisionedValue<RepList>>();
  private readonly owners = new Map<string, RevisionedValue<ExistingOwnerIndex>>();

  /** Returns the compiled published version, reading and compiling it on first use. */
  async compiledVersion(
    db: Kysely<Database>,
    workspaceId: string,
    flowId: string,
    version: number,
  ): Promise<CompiledVersion> {
    const cacheKey = `${workspaceId}\u0000${flowId}\u0000${version}`;
    const cached = this.versions.get(cacheKey);
    if (cached) return cached;

    const row = await db
      .selectFrom('flow_versions')
      .select('body')
      .where('workspace_id', '=', workspaceId)
      .where('flow_id', '=', flowId)
      .where('version', '=', version)
      .executeTakeFirstOrThrow();
    const flow = flowDocumentSchema.parse(JSON.parse(row.body)) as FlowDocument;
    const compiled = compileFlow(flow);
    if (!compiled.ok) {
      throw apiError(409, 'flow-has-errors', 'flowNoLongerCompiles', { version, flowId }, () => ({
        problems: compiled.problems,
      }));
    }

    const entry: CompiledVersion = {
      version,
      pipeline: compiled.pipeline,
      runner: createRunner(compiled.pipeline),
      calendar: createZonedCalendar(compiled.pipeline.timezone),
    };
    if (this.versions.size >= MAX_CACHED_VERSIONS) this.versions.clear();
    this.versions.set(cacheKey, entry);
    return entry;
  }

  /**
   * Reads, in one query, what a request must check before it allocates: the
   * flow's published version (null when unpublished, undefined when the flow
   * is missing or deleted) and the revisions of the rep and existing-owner
   * lists, which `listsOf` takes.
   */
  async readHeads(
    db: Kysely<Database>,
    workspaceId: string,
    flowId: string,
  ): Promise<{ publishedVersion: number | null | undefined; lists: ListRevisions }> {
    const rows = await selectHeads.rows(db, { workspaceId, flowId });
    const rowOf = (kind: string) => rows.find((row) => row.kind === kind);
    const flow = rowOf('flow');

    return {
      publishedVersion: !flow || flow.deleted ? undefined : flow.published_version,
      lists: {
        reps: rowOf('reps')?.revision ?? 0,
        owners: rowOf('existing-owners')?.revision ?? 0,
      },
    };
  }

  /**
   * Returns the workspace's reps and its existing owners indexed by dedup
   * key at the revisions `readHeads` found; a list is read again only when
   * its revision changed. Each list is checked against the engine's schema
   * once when it is read, so that runs can pass it as trusted input.
   */
  async listsOf(
    db: Kysely<Database>,
    workspaceId: string,
    revisions: ListRevisions,
  ): Promise<{ reps: RepList; owners: ExistingOwnerIndex }> {
    const reps = await this.readList(
      db,
      this.reps,
      workspaceId,
      'reps',
      revisions.reps,
      checkReps,
      EMPTY_REP_LIST,
    );
    const owners = await this.readList(
      db,
      this.owners,
      workspaceId,
      'existing-owners',
      revisions.owners,
      checkAndIndexOwners,
      EMPTY_OWNER_INDEX,
    );
    return { reps, owners };
  }

  private async readList<T>(
    db: Kysely<Database>,
    cache: Map<string, RevisionedValue<T>>,
    workspaceId: string,
    kind: 'reps' | 'existing-owners',
    revision: number,
    build: (body: unknown) => T,
    empty: T,
  ): Promise<T> {
    if (revision === 0) return empty;
    const cached = cache.get(workspaceId);
    if (cached?.revision === revision) return cached.value;

    const row = await db
      .selectFrom('documents')
      .select(['revision', 'body'])
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', kind)
      .where('id', '=', LIST_DOCUMENT_ID)
      .executeTakeFirstOrThrow();
    const value = row.body === null ? empty : build(JSON.parse(row.body));
    cache.set(workspaceId, { revision: row.revision, value });
    return value;
  }
}

const EMPTY_OWNER_INDEX: ExistingOwnerIndex = { rowsMatching: () => [], checked: true };
const EMPTY_REP_LIST: RepList = { reps: [], checked: true };
const existingOwnerListSchema = z.array(existingOwnerSchema);

/**
 * Checks a stored list once per revision. The sync API stores only lists
 * that pass, so a list that fails was written by an older version: it is
 * passed unchecked, and the engine's own check reports it.
 */
function checkReps(body: unknown): RepList {
  const parsed = repListSchema.safeParse(body);
  return parsed.success
    ? { reps: parsed.data as Rep[], checked: true }
    : { reps: body as Rep[], checked: false };
}

function checkAndIndexOwners(body: unknown): ExistingOwnerIndex {
  const parsed = existingOwnerListSchema.safeParse(body);
  return parsed.success
    ? indexOwners(parsed.data as ExistingOwner[], true)
    : indexOwners(body as ExistingOwner[], false);
}

function indexOwners(rows: readonly ExistingOwner[], checked: boolean): ExistingOwnerIndex {
  const byKey = new Map<string, number[]>();
  rows.forEach((row, position) => {
    for (const type of DEDUP_TYPES) {
      const key = dedupKeyOf(type, row[type]);
      if (key === null) continue;
      const positions = byKey.get(key);
      if (positions) positions.push(position);
      else byKey.set(key, [position]);
    }
  });

  return {
    checked,
    rowsMatching(keys) {
      const found = new Set<number>();
      for (const key of keys) for (const position of byKey.get(key) ?? []) found.add(position);
      // List order is kept because the engine may let it decide between rows.
      return [...found].sort((a, b) => a - b).map((position) => rows[position] as ExistingOwner);
    },
  };
}
