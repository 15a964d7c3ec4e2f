/**
 * The app's one IndexedDB database, `sras`, opened with Dexie.
 *
 * Schema changes: add a new `this.version(N)` block below the last one and
 * leave every earlier block exactly as it is, because a user's browser may
 * hold a database of any earlier version and Dexie replays the steps in
 * order. Never change a table's primary key in a later version (IndexedDB
 * cannot, and Dexie fails to open with an UpgradeError): declare a new table,
 * copy the rows across in that version's `upgrade()`, and drop the old table
 * with `null`. Each new version gets a test in db.test.ts that opens the
 * previous version with data and upgrades it.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import { moveRunStatesOut } from './run-states';
import type {
  AllocationStateRecord,
  ColumnMappingRecord,
  DatasetRecord,
  DatasetRowChunk,
  FlowRecord,
  FlowVersionRecord,
  RepRecord,
  RunRecord,
  RunResultChunk,
  RunStateRecord,
  SettingRecord,
  SyncQueueEntry,
  TargetPlanRecord,
  TeamRecord,
} from './records';

export const DATABASE_NAME = 'sras';

/** Rows per chunk in `datasetRows` and `runResults`. */
export const ROW_CHUNK_SIZE = 1000;

/**
 * Version 1 declares every table the planned features need, so that features
 * built in parallel do not race for version numbers.
 */
export const SCHEMA_V1 = {
  flows: 'id, name, updatedAt',
  flowVersions: 'id, flowId, [flowId+createdAt]',
  datasets: 'id, name, kind, importedAt',
  datasetRows: '[datasetId+chunk], datasetId',
  reps: 'id, team, name',
  teams: 'id, name',
  runs: 'id, flowId, datasetId, createdAt, appliedAt',
  runResults: '[runId+chunk], runId',
  allocationStates: 'flowId',
  targetPlans: 'id, year, status',
  columnMappings: 'headerKey',
  settings: 'key',
  syncQueue: '++seq, entity, entityId',
} as const;

/** Version 2 adds a `createdAt` index on flows and fills it for flows saved without one. */
export const SCHEMA_V2 = {
  flows: 'id, name, updatedAt, createdAt',
} as const;

/**
 * Version 3 moves engine states out of `runs` and `allocationStates` into
 * `runStates`, so that listing runs or reading a flow's saved state never
 * loads a state of a million dedup keys. The indexes find the rows that
 * still refer to a state before it is deleted.
 */
export const SCHEMA_V3 = {
  runs: 'id, flowId, datasetId, createdAt, appliedAt, startRunId',
  allocationStates: 'flowId, runId',
  runStates: 'runId',
} as const;

export class SrasDatabase extends Dexie {
  flows!: EntityTable<FlowRecord, 'id'>;
  flowVersions!: EntityTable<FlowVersionRecord, 'id'>;
  datasets!: EntityTable<DatasetRecord, 'id'>;
  datasetRows!: Table<DatasetRowChunk, [string, number]>;
  reps!: EntityTable<RepRecord, 'id'>;
  teams!: EntityTable<TeamRecord, 'id'>;
  runs!: EntityTable<RunRecord, 'id'>;
  runResults!: Table<RunResultChunk, [string, number]>;
  runStates!: EntityTable<RunStateRecord, 'runId'>;
  allocationStates!: EntityTable<AllocationStateRecord, 'flowId'>;
  targetPlans!: EntityTable<TargetPlanRecord, 'id'>;
  columnMappings!: EntityTable<ColumnMappingRecord, 'headerKey'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  syncQueue!: EntityTable<SyncQueueEntry, 'seq'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);

    this.version(1).stores(SCHEMA_V1);

    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (transaction) => {
        await transaction
          .table<FlowRecord>('flows')
          .toCollection()
          .modify((flow) => {
            if (typeof flow.createdAt !== 'number') flow.createdAt = flow.updatedAt;
          });
      });

    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade((transaction) =>
        moveRunStatesOut({
          runs: transaction.table('runs'),
          runStates: transaction.table('runStates'),
          allocationStates: transaction.table('allocationStates'),
        }),
      );
  }
}

/** Names of every table, for backup and restore. */
export function listTableNames(database: SrasDatabase): string[] {
  return database.tables.map((table) => table.name);
}

let current: SrasDatabase | undefined;

/** The app's database, opened on first use. */
export function getDatabase(): SrasDatabase {
  current ??= new SrasDatabase();
  return current;
}

/**
 * Replaces the app's database, for tests that need a fresh one. Closes the
 * previous one.
 */
export function setDatabaseForTesting(database: SrasDatabase): void {
  current?.close();
  current = database;
}
