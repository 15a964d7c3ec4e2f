/**
 * The simulation worker's request handling (simulation.worker.ts is only
 * its entry): runs flows over stored datasets, keeps the results by slot,
 * and answers queries, pages, explanations, exports and saves. Kept apart
 * from the worker global so that tests drive it in-process.
 */
import {
  EngineInputError,
  migrateState,
  type AllocationState,
  type ConditionOptions,
  type FieldType,
} from '@sras/engine';
import { textFieldKind } from '@sras/import';
import type { SrasDatabase } from '../../../storage/db';
import type { DatasetColumn } from '../../../storage/records';
import { StorageFullError } from '../../../storage/storage-full';
import { compareRuns } from '../engine/backtest';
import {
  filterPositions,
  foldSearchText,
  leadMatches,
  type ResultQuery,
} from '../engine/result-query';
import { XLSX_MAX_LEADS, exportResultCsv, exportResultXlsx } from '../engine/result-export';
import { buildRunOverview } from '../engine/run-overview';
import { CancelledError, runSimulation, type SimulationRun } from '../engine/simulation-run';
import {
  SimulationInputError,
  openDataset,
  readExistingOwners,
  type DatasetLeadSource,
} from './dataset-source';
import { saveRun, settingsOfRun } from './run-storage';
import type {
  RunSettings,
  SimulationAnswer,
  SimulationFailure,
  SimulationRequest,
  SimulationResponse,
  Slot,
} from './simulation.protocol';

interface SlotState {
  run: SimulationRun;
  settings: RunSettings;
  source: DatasetLeadSource;
  datasetColumns: DatasetColumn[];
  /** Positions matching the last query, in order. */
  positions: Int32Array;
  /** Whether the last query asked for changed leads only (backtest). */
  compared: boolean;
}

const SEARCH_BATCH = 5_000;

/** Shortest time between two progress messages of one request, in milliseconds. */
export const PROGRESS_INTERVAL_MS = 200;

export class SimulationSession {
  private readonly slots = new Map<Slot, SlotState>();
  private readonly cancelled = new Set<number>();
  /** The latest query request per slot; older searches stop when a newer one arrives. */
  private readonly latestQuery = new Map<Slot, number>();
  /** When each request in flight last posted progress, in `clock` milliseconds. */
  private readonly progressPostedAt = new Map<number, number>();

  constructor(
    private readonly post: (message: SimulationResponse) => void,
    private readonly database: () => SrasDatabase,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Handles a request; a cancel is applied at once, everything else answers when done. */
  async handle(request: SimulationRequest): Promise<void> {
    if (request.type === 'cancel') {
      this.cancelled.add(request.target);
      return;
    }
    if (request.type === 'query') this.latestQuery.set(request.slot, request.requestId);

    try {
      const answer = await this.answer(request);
      this.post({ type: 'done', requestId: request.requestId, answer });
    } catch (error) {
      if (
        error instanceof CancelledError ||
        (error instanceof DOMException && error.name === 'AbortError')
      ) {
        this.post({ type: 'cancelled', requestId: request.requestId });
      } else {
        this.post({ type: 'failed', requestId: request.requestId, failure: toFailure(error) });
      }
    } finally {
      this.cancelled.delete(request.requestId);
      this.progressPostedAt.delete(request.requestId);
    }
  }

  private async answer(
    request: Exclude<SimulationRequest, { type: 'cancel' }>,
  ): Promise<SimulationAnswer> {
    switch (request.type) {
      case 'run':
        return this.run(request.requestId, request.slot, request.settings, false);
      case 'load':
        return this.load(request.requestId, request.slot, request.runId);
      case 'query':
        return this.query(request.requestId, request.slot, request.query);
      case 'page':
        return this.page(request.slot, request.start, request.count);
      case 'explain': {
        const slot = this.slot(request.slot);
        const result = await slot.run.traceLead(request.position, slot.source);
        const [lead] = await slot.source.readPositions([request.position]);
        return { type: 'explain', trace: { position: request.position, result, lead: lead ?? {} } };
      }
      case 'export':
        return this.export(request.requestId, request.slot, request.format, request.language);
      case 'save': {
        const slot = this.slot(request.slot);
        const record = await saveRun(
          this.database(),
          slot.run,
          slot.settings,
          request.details,
          (done, total) => this.progress(request.requestId, 'write', done, total),
        );
        return { type: 'save', runId: record.id };
      }
      case 'compare': {
        const backtest = compareRuns(
          this.slot('before').run.columns,
          this.slot('after').run.columns,
        );
        return { type: 'compare', backtest };
      }
      case 'release':
        this.slots.delete(request.slot);
        return { type: 'release' };
    }
  }

  private async run(
    requestId: number,
    slotName: Slot,
    settings: RunSettings,
    returnSettings: boolean,
  ): Promise<SimulationAnswer> {
    const database = this.database();
    const source = await openDataset(database, settings.datasetId);
    const owners = settings.ownersDatasetId
      ? await readExistingOwners(database, settings.ownersDatasetId)
      : [];
    const startState = await readStartState(database, settings.startRunId);

    const outcome = await runSimulation(
      {
        flow: settings.flow,
        reps: settings.reps,
        owners,
        startState,
        now: settings.now,
        timeField: settings.timeField,
        conditionOptions: conditionOptionsOf(source.dataset.columns),
        datasetFields: source.dataset.columns.map((column) => column.key),
      },
      source,
      {
        onProgress: ({ done, total }) => this.progress(requestId, 'run', done, total),
        isCancelled: () => this.cancelled.has(requestId),
      },
    );
    if (!outcome.ok) {
      throw new FlowProblemsError(
        outcome.problems.filter((problem) => problem.severity === 'error'),
      );
    }

    const run = outcome.run;
    this.slots.set(slotName, {
      run,
      settings,
      source,
      datasetColumns: source.dataset.columns,
      positions: allPositions(run.columns.count),
      compared: false,
    });
    return {
      type: 'run',
      ready: {
        overview: buildRunOverview(
          run.pipeline,
          settings.reps,
          run.columns,
          run.summary,
          run.state,
        ),
        warnings: run.warnings,
        leadCount: run.columns.count,
      },
      settings: returnSettings ? settings : null,
    };
  }

  /** Opens a saved run by running its recorded settings again (the engine is deterministic). */
  private async load(requestId: number, slotName: Slot, runId: string): Promise<SimulationAnswer> {
    const record = await this.database().runs.get(runId);
    if (!record) throw new SimulationInputError('runMissing', { runId });
    const settings = settingsOfRun(record);
    if (!settings) throw new SimulationInputError('runNotReplayable', { runId });
    return this.run(requestId, slotName, settings, true);
  }

  private async query(
    requestId: number,
    slotName: Slot,
    query: ResultQuery,
  ): Promise<SimulationAnswer> {
    const slot = this.slot(slotName);
    const compared = query.changedOnly
      ? (this.slots.get(slotName === 'after' ? 'before' : 'after')?.run.columns ?? null)
      : null;
    let positions = filterPositions(slot.run.columns, query, compared);

    const needle = foldSearchText(query.search ?? '');
    if (needle !== '') positions = await this.search(requestId, slotName, slot, positions, needle);

    slot.positions = positions;
    slot.compared = compared !== null;
    return { type: 'query', total: positions.length };
  }

  private async search(
    requestId: number,
    slotName: Slot,
    slot: SlotState,
    positions: Int32Array,
    needle: string,
  ): Promise<Int32Array> {
    const found = new Int32Array(positions.length);
    let count = 0;
    const repNames = new Map(slot.settings.reps.map((rep) => [rep.id, rep.name]));
    for (let start = 0; start < positions.length; start += SEARCH_BATCH) {
      if (this.latestQuery.get(slotName) !== requestId || this.cancelled.has(requestId))
        throw new CancelledError();
      const batch = Array.from(positions.subarray(start, start + SEARCH_BATCH));
      const leads = await slot.source.readPositions(batch);
      batch.forEach((position, index) => {
        const result = slot.run.columns.at(position);
        const ownerName =
          result.ownerId === null ? null : (repNames.get(result.ownerId) ?? result.ownerId);
        if (leadMatches(leads[index] ?? {}, needle, result.leadId, ownerName)) {
          found[count] = position;
          count += 1;
        }
      });
      this.progress(
        requestId,
        'search',
        Math.min(start + SEARCH_BATCH, positions.length),
        positions.length,
      );
    }
    return found.slice(0, count);
  }

  private async page(slotName: Slot, start: number, count: number): Promise<SimulationAnswer> {
    const slot = this.slot(slotName);
    const positions = Array.from(slot.positions.subarray(start, start + count));
    const leads = await slot.source.readPositions(positions);
    const other = slot.compared
      ? this.slots.get(slotName === 'after' ? 'before' : 'after')
      : undefined;
    return {
      type: 'page',
      start,
      rows: positions.map((position, index) => ({
        position,
        result: slot.run.columns.at(position),
        lead: leads[index] ?? {},
        ...(other ? { comparedOwnerId: other.run.columns.ownerIdAt(position) } : {}),
      })),
    };
  }

  private async export(
    requestId: number,
    slotName: Slot,
    format: 'csv' | 'xlsx',
    language: 'zh-CN' | 'en',
  ): Promise<SimulationAnswer> {
    const slot = this.slot(slotName);
    if (format === 'xlsx' && slot.run.columns.count > XLSX_MAX_LEADS) {
      throw new SimulationInputError('xlsxTooLarge', { max: XLSX_MAX_LEADS });
    }
    const input = {
      columns: slot.run.columns,
      source: slot.source,
      datasetColumns: slot.datasetColumns,
      reps: slot.settings.reps,
      language,
      onProgress: (done: number, total: number) => this.progress(requestId, 'write', done, total),
      isCancelled: () => this.cancelled.has(requestId),
    };
    const baseName = `${slot.settings.flow.name || 'flow'}-${slot.source.dataset.name}`.replace(
      /[\\/:*?"<>|]+/g,
      '_',
    );
    if (format === 'csv') {
      const parts = await exportResultCsv(input);
      return {
        type: 'export',
        file: new Blob(parts, { type: 'text/csv;charset=utf-8' }),
        fileName: `${baseName}.csv`,
      };
    }
    const bytes = await exportResultXlsx(input);
    return {
      type: 'export',
      file: new Blob([bytes as BlobPart], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
      fileName: `${baseName}.xlsx`,
    };
  }

  private slot(name: Slot): SlotState {
    const slot = this.slots.get(name);
    if (!slot) throw new SimulationInputError('noResult');
    return slot;
  }

  private progress(
    requestId: number,
    phase: 'load' | 'run' | 'write' | 'search',
    done: number,
    total: number,
  ): void {
    // Each progress message costs the page a render. A run of a million
    // leads therefore posts a few per second rather than one per segment,
    // and the first and the last message of a phase always go out.
    const now = this.clock();
    const postedAt = this.progressPostedAt.get(requestId);
    const edge = done === 0 || done >= total;
    if (!edge && postedAt !== undefined && now - postedAt < PROGRESS_INTERVAL_MS) return;

    this.progressPostedAt.set(requestId, now);
    this.post({ type: 'progress', requestId, phase, done, total });
  }
}

/** The flow has errors, so it cannot run. */
class FlowProblemsError extends Error {
  constructor(readonly problems: SimulationFailure['problems']) {
    super('The flow has errors.');
    this.name = 'FlowProblemsError';
  }
}

function allPositions(count: number): Int32Array {
  const positions = new Int32Array(count);
  for (let index = 0; index < count; index += 1) positions[index] = index;
  return positions;
}

/** Reads the end state of run `startRunId` in the worker, so the page never loads it; null for a fresh start. */
async function readStartState(
  database: SrasDatabase,
  startRunId: string | null,
): Promise<AllocationState | null> {
  if (startRunId === null) return null;
  const stored = await database.runStates.get(startRunId);
  if (!stored) throw new SimulationInputError('startStateMissing', { runId: startRunId });
  const migrated = migrateState(stored.state);
  if (!migrated.ok)
    throw new SimulationInputError('stateInvalid', { reason: migrated.issues[0]?.message ?? '' });
  return migrated.state;
}

/**
 * The condition options of a dataset: typed columns read as their type,
 * and phone, postal-code and id columns compare as text, as `sras allocate`
 * does for the same columns.
 */
export function conditionOptionsOf(columns: readonly DatasetColumn[]): ConditionOptions {
  const fieldTypes: Record<string, FieldType> = {};
  for (const column of columns) {
    const textKind = textFieldKind(column.field);
    if (textKind !== null) fieldTypes[column.key] = textKind;
    else if (column.type !== 'text') fieldTypes[column.key] = column.type;
  }
  return { fieldTypes };
}

function toFailure(error: unknown): SimulationFailure {
  if (error instanceof FlowProblemsError)
    return { code: 'flowInvalid', params: {}, problems: error.problems ?? [] };
  if (error instanceof SimulationInputError) return { code: error.code, params: error.params };
  if (error instanceof StorageFullError) return { code: 'storageFull', params: {} };
  if (error instanceof EngineInputError) {
    const issue = error.issues[0];
    return {
      code: 'engineInput',
      params: { path: issue?.path ?? '', message: issue?.message ?? error.message },
    };
  }
  return {
    code: 'unexpected',
    params: { message: error instanceof Error ? error.message : String(error) },
  };
}
