/**
 * Record types of the tables in the `sras` IndexedDB database (see db.ts).
 *
 * Every timestamp is epoch milliseconds (`Date.now()`). Booleans are never
 * used as index keys because IndexedDB cannot index them: a boolean field is
 * filtered in code, or stored as a timestamp when it has to be queried.
 */
import type { FlowDocument, Lead, Rep } from '@sras/engine';

/** A flow: the current document of one flow with its edit revision. */
export interface FlowRecord {
  id: string;
  /** Copy of `document.name`, kept for the `name` index. */
  name: string;
  document: FlowDocument;
  /** Edit revision: 1 for a new flow, one more on every save. A save that expects another revision is a conflict. */
  revision: number;
  createdAt: number;
  updatedAt: number;
  /** The version marked as published, if any. */
  publishedVersionId?: string;
}

/** A named snapshot of a flow's document. */
export interface FlowVersionRecord {
  id: string;
  flowId: string;
  name: string;
  note?: string;
  document: FlowDocument;
  /** Revision of the flow the snapshot was taken from. */
  flowRevision: number;
  createdAt: number;
  publishedAt?: number;
  /** What happened when the version was last published on the sync server; absent when never tried. */
  serverPublish?: VersionServerPublish;
}

/**
 * The outcome of publishing a version on the sync server: the server's
 * version number, or why it failed (a reason code the versions feature
 * translates, and the server's message).
 */
export type VersionServerPublish =
  | { status: 'published'; version: number; at: number }
  | { status: 'failed'; reason: string; detail: string; at: number };

export type DatasetKind = 'leads' | 'owners' | 'deals';

/** One column of a dataset as the import mapped it. */
export interface DatasetColumn {
  /** Key of the value in every row. */
  key: string;
  /** Header text as found in the file. */
  header: string;
  /** Standard field the column was mapped to (such as `phone`), if any. */
  field?: string;
  type: 'text' | 'number' | 'date' | 'boolean';
}

/** An imported table of leads, existing owners or deals; its rows live in `datasetRows`. */
export interface DatasetRecord {
  id: string;
  name: string;
  kind: DatasetKind;
  importedAt: number;
  rowCount: number;
  /** Rows per chunk in `datasetRows`. Every chunk but the last is full. */
  chunkSize: number;
  columns: DatasetColumn[];
  /** Where the rows came from: a file name, or a template id for generated sample data. */
  origin?: { fileName?: string; encoding?: string; templateId?: string };
}

/** Up to `chunkSize` rows of a dataset, in file order: chunk 0 holds rows 0…chunkSize-1. */
export interface DatasetRowChunk {
  datasetId: string;
  chunk: number;
  rows: Lead[];
  /**
   * Row of the source file or sheet each row came from (1-based, as a
   * spreadsheet numbers it), so that messages name the row shown in the spreadsheet.
   * Absent in datasets stored before it was kept, and in generated ones.
   */
  sourceRows?: number[];
}

/** A sales rep as the engine reads it, plus bookkeeping. `active` is filtered in code. */
export type RepRecord = Rep & {
  /** Team name, or an empty string for a rep in no team, so that the `team` index contains every rep. */
  team: string;
  /** First day of employment (`YYYY-MM-DD`), when the rep joined during a planned year. */
  employmentStart?: string;
  /** Last day of employment (`YYYY-MM-DD`), when the rep leaves or left. */
  employmentEnd?: string;
  /** Names the rep had before renames, oldest first; owners in deal files still match them. */
  formerNames?: string[];
  createdAt: number;
  updatedAt: number;
};

export interface TeamRecord {
  id: string;
  name: string;
  /** Rep who leads the team, if any. */
  leaderRepId?: string;
  createdAt: number;
}

/**
 * One saved run of a flow on a dataset. A run starts as a saved simulation.
 * Marking it as applied (`appliedAt`) makes its owners the real allocation.
 * The dashboard counts only applied runs, and the end state of an applied
 * run becomes the flow's saved state (`allocationStates` points at it),
 * which the next simulation may start from.
 *
 * Lists of runs read this record, so it contains no engine state. That
 * state can reach a million dedup keys and is stored in `runStates`, which
 * only the simulation worker reads.
 */
export interface RunRecord {
  id: string;
  flowId: string;
  /** Version the run used; absent when it used the current document. */
  versionId?: string;
  flowRevision: number;
  datasetId: string;
  createdAt: number;
  /** The allocation time the run used, epoch milliseconds. */
  now: number;
  timeField?: string;
  leadCount: number;
  /** Engine run summary (leads per rep, per node, per edge, unassigned by reason). */
  summary: unknown;
  /** Number of dedup keys in the run's end state. The state itself is stored in `runStates`. */
  stateDedupKeys?: number;
  /**
   * When the run was marked as applied (its owners are the real allocation
   * and its state the flow's saved state); absent for a run that is only a
   * saved simulation.
   */
  appliedAt?: number;
  chunkSize: number;
  /** Name the user gave the run. */
  name?: string;
  /** Copy of the flow document the run used, so that it can be run again exactly. */
  flowDocument?: FlowDocument;
  /** The sales team as it was when the run was made. */
  reps?: Rep[];
  /** Existing-owners dataset the dedup nodes compared with, if any. */
  ownersDatasetId?: string;
  /**
   * The run whose end state this run started from (an applied run's, or a
   * state kept from before runs stored their state apart); absent for a
   * fresh start.
   */
  startRunId?: string;
}

/**
 * The engine state a saved run ended with, keyed by run id. Kept apart from
 * `runs` so that listing runs never reads it. A row stays while its run
 * exists, while another run started from it, or while it is a flow's saved
 * state.
 */
export interface RunStateRecord {
  runId: string;
  /** The allocation state (round-robin weights, counters, dedup keys). */
  state: unknown;
}

/** Up to `chunkSize` per-lead results of a run, in input order. */
export interface RunResultChunk {
  runId: string;
  chunk: number;
  results: unknown[];
}

/**
 * A flow's saved state: which stored state the next simulation may start
 * from. The state itself is the `runStates` row of `runId`.
 */
export interface AllocationStateRecord {
  flowId: string;
  updatedAt: number;
  /** Run whose end state is the flow's state (its `runStates` row). */
  runId: string;
}

export type TargetPlanStatus = 'draft' | 'active' | 'archived';

/** A yearly target split into periods, teams and reps. */
export interface TargetPlanRecord {
  id: string;
  year: number;
  name: string;
  status: TargetPlanStatus;
  /** The plan itself, defined by the targets feature. */
  plan: unknown;
  createdAt: number;
  updatedAt: number;
}

/** A column mapping the user confirmed once, offered again for the same header. */
export interface ColumnMappingRecord {
  /** Normalised header text (trimmed, folded, lower case). */
  headerKey: string;
  field: string;
  updatedAt: number;
}

/**
 * A key/value setting. Keys are namespaced by feature, e.g. `import.lastEncoding`.
 * Keys starting with `device.` belong to this browser only (storage
 * permission, sync credentials) and are left out of backups.
 */
export interface SettingRecord {
  key: string;
  value: unknown;
}

export type SyncEntity = 'flow' | 'flowVersion' | 'rep' | 'team' | 'targetPlan' | 'existingOwners';

/** A local change waiting to be sent to the sync server, in `seq` order. */
export interface SyncQueueEntry {
  /** Auto-incremented by IndexedDB; absent before the entry is added. */
  seq?: number;
  entity: SyncEntity;
  entityId: string;
  operation: 'put' | 'delete';
  /** Local revision of the entity when the change was made. */
  revision?: number;
  queuedAt: number;
}
