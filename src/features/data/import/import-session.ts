/**
 * The import worker's state and work: it holds the chosen file's bytes and
 * the last parse, parses again whenever the wizard's settings change, and
 * stores the dataset on request. One operation runs at a time; a new parse
 * or a `cancel` aborts the running one. Runs in a Web Worker (see
 * import.worker.ts); tests drive it directly.
 */
import { ImportError, importFile, type ImportResult } from '@sras/import';
import type { SrasDatabase } from '../../../storage/db';
import { createId } from '../../../storage/ids';
import type { DatasetRecord } from '../../../storage/records';
import { StorageFullError } from '../../../storage/storage-full';
import { buildAnalysis } from './analysis-builder';
import { guessKind } from './dataset-kinds';
import { writeDataset } from './dataset-writer';
import { MAX_ISSUES_KEPT, toImportOptions } from './import-options';
import type {
  ImportAnalysis,
  ImportWorkerRequest,
  ImportWorkerResponse,
  ParseSettings,
  WorkerFailure,
} from './import-worker.protocol';
import { loadRememberedMappings, toMappingRecords } from './mapping-memory';
import { checkPhoneTypedColumns } from './phone-type-check';
import { emptyPlaceholders } from './placeholder-emptying';
import { assignStorageKeys, toDatasetColumns, toStoredRow } from './stored-rows';

interface ParsedFile {
  result: ImportResult;
  settings: ParseSettings;
  analysis: ImportAnalysis;
  storageKeys: Map<string, string>;
}

/** Raised when the dataset cannot be stored as the chosen kind. */
export class KindIncompleteError extends Error {
  constructor() {
    super('The column mapping lacks a field this kind of dataset needs.');
    this.name = 'KindIncompleteError';
  }
}

export class ImportSession {
  private bytes: Uint8Array | null = null;
  private fileName = '';
  private parsed: ParsedFile | null = null;
  private running: { requestId: number; controller: AbortController } | null = null;

  constructor(
    private readonly post: (message: ImportWorkerResponse) => void,
    private readonly database: () => SrasDatabase,
  ) {}

  /** Handles one message from the screen; the answer is posted when the work ends. */
  handle(message: ImportWorkerRequest): Promise<void> {
    switch (message.type) {
      case 'open':
        return this.run(message.requestId, (signal) =>
          this.open(message.requestId, message.file, signal),
        );
      case 'parse':
        return this.run(message.requestId, (signal) =>
          this.parse(message.requestId, message.settings, signal),
        );
      case 'store':
        return this.run(message.requestId, (signal) =>
          this.store(message.requestId, message.name, signal),
        );
      case 'cancel':
        if (this.running?.requestId === message.requestId) this.running.controller.abort();
        return Promise.resolve();
    }
  }

  private async run(
    requestId: number,
    work: (signal: AbortSignal) => Promise<ImportWorkerResponse>,
  ): Promise<void> {
    this.running?.controller.abort();
    const controller = new AbortController();
    this.running = { requestId, controller };

    try {
      this.post(await work(controller.signal));
    } catch (error) {
      this.post(
        isAbort(error)
          ? { type: 'cancelled', requestId }
          : { type: 'failed', requestId, failure: toFailure(error) },
      );
    } finally {
      if (this.running?.requestId === requestId) this.running = null;
    }
  }

  private async open(
    requestId: number,
    file: File,
    signal: AbortSignal,
  ): Promise<ImportWorkerResponse> {
    const buffer = await file.arrayBuffer();
    throwIfAborted(signal);
    this.bytes = new Uint8Array(buffer);
    this.fileName = file.name;
    this.parsed = null;
    return { type: 'opened', requestId };
  }

  private async parse(
    requestId: number,
    requested: ParseSettings,
    signal: AbortSignal,
  ): Promise<ImportWorkerResponse> {
    const bytes = this.bytes;
    if (!bytes) throw new Error('No file is open. Choose a file first.');
    // Free the previous rows before holding a second copy of a large file.
    this.parsed = null;

    const onProgress = (progress: { bytesRead: number; totalBytes: number | null }) =>
      this.post({
        type: 'progress',
        requestId,
        phase: 'parsing',
        done: progress.bytesRead,
        total: progress.totalBytes,
      });
    let settings = requested;
    const parseWith = (mapping: Record<string, string | null>) =>
      importFile(bytes, {
        ...toImportOptions(settings, this.fileName, mapping),
        signal,
        onProgress,
      });

    let mapping = { ...settings.mapping };
    let result = await parseWithValidMapping(parseWith, mapping);
    mapping = pruneMapping(mapping, result);

    const remembered = await this.rememberedOverrides(result, mapping);
    if (remembered.size > 0) {
      mapping = { ...Object.fromEntries(remembered), ...mapping };
      result = await parseWith(mapping);
    }

    // The kind sets column types and whether contact columns are expected,
    // so a table guessed as another kind is read again as that kind. The
    // mapping does not depend on the kind, so the guess stays the same.
    const kindGuess = settings.guessKind ? guessKind(mappedFields(result)) : null;
    if (kindGuess && kindGuess.kind !== settings.kind) {
      settings = { ...settings, kind: kindGuess.kind };
      result = await parseWith(mapping);
    }
    throwIfAborted(signal);

    this.applyWizardChecks(result, settings);
    const storageKeys = assignStorageKeys(result.columns, settings.kind);
    const analysis = buildAnalysis({
      result,
      settings: { ...settings, mapping: pruneMapping(settings.mapping, result) },
      fileName: this.fileName,
      fileSize: bytes.length,
      rememberedKeys: new Set(remembered.keys()),
      storageKeys,
      kindGuess,
    });
    this.parsed = { result, settings, analysis, storageKeys };
    return { type: 'parsed', requestId, analysis };
  }

  /** Remembered fields of columns the user has not mapped, where they differ from the suggestion. */
  private async rememberedOverrides(
    result: ImportResult,
    userMapping: Record<string, string | null>,
  ): Promise<Map<string, string | null>> {
    const columns = result.columns.filter(
      (column) => column.header !== '' && !(column.key in userMapping),
    );
    const remembered = await loadRememberedMappings(
      this.database(),
      columns.map((column) => column.header),
    );
    const overrides = new Map<string, string | null>();
    for (const column of columns) {
      if (!remembered.has(column.header)) continue;
      const field = remembered.get(column.header) ?? null;
      if (field !== column.field) overrides.set(column.key, field);
    }
    return overrides;
  }

  private applyWizardChecks(result: ImportResult, settings: ParseSettings): void {
    if (settings.keptPlaceholders.length > 0) {
      const kept = new Set(
        settings.keptPlaceholders.map((choice) => `${choice.columnKey}\u0000${choice.value}`),
      );
      const emptied = result.report.placeholders.filter((entry) => {
        const column = result.columns.find(
          (candidate) => (candidate.header || candidate.key) === entry.column,
        );
        return !kept.has(`${column?.key ?? entry.column}\u0000${entry.value}`);
      });
      emptyPlaceholders(result, emptied, MAX_ISSUES_KEPT);
    }

    const phoneTyped = Object.entries(settings.columnTypes)
      .filter(([, type]) => type === 'phone')
      .map(([key]) => key);
    checkPhoneTypedColumns(result, new Set(phoneTyped), MAX_ISSUES_KEPT);
  }

  private async store(
    requestId: number,
    name: string,
    signal: AbortSignal,
  ): Promise<ImportWorkerResponse> {
    const parsed = this.parsed;
    if (!parsed) throw new Error('Nothing is parsed yet. Choose a file first.');
    if (!parsed.analysis.kindCheck.ok) throw new KindIncompleteError();
    if (parsed.result.rows.length === 0) {
      throw new ImportError(
        'no-data-rows',
        'The file has a header but no data rows, so there is nothing to save.',
        { row: parsed.result.headerRow ?? 1 },
      );
    }

    const { result, settings, storageKeys, analysis } = parsed;
    const now = Date.now();
    const record: Omit<DatasetRecord, 'rowCount' | 'chunkSize'> = {
      id: createId('dataset'),
      name: name.trim() || this.fileName,
      kind: settings.kind,
      importedAt: now,
      columns: toDatasetColumns(result.columns, storageKeys),
      origin: {
        fileName: this.fileName,
        ...(result.encoding ? { encoding: result.encoding.encoding } : {}),
      },
    };
    const userChoices = analysis.columns
      .filter((column) => column.mappedBy === 'user' && column.header !== '')
      .map((column) => ({ header: column.header, field: column.field }));

    this.post({
      type: 'progress',
      requestId,
      phase: 'storing',
      done: 0,
      total: result.rows.length,
    });
    const dataset = await writeDataset(this.database(), {
      record,
      rowCount: result.rows.length,
      rowAt: (index) =>
        toStoredRow(result.rows[index] as ImportResult['rows'][number], storageKeys),
      sourceRowAt: (index) => result.rows[index]?.row ?? index + 1,
      mappings: toMappingRecords(userChoices, now),
      signal,
      onProgress: (done) =>
        this.post({
          type: 'progress',
          requestId,
          phase: 'storing',
          done,
          total: result.rows.length,
        }),
    });
    return { type: 'stored', requestId, dataset };
  }
}

/** Parses once; when a mapped column no longer exists (the header row changed), parses again without it. */
async function parseWithValidMapping(
  parseWith: (mapping: Record<string, string | null>) => Promise<ImportResult>,
  mapping: Record<string, string | null>,
): Promise<ImportResult> {
  try {
    return await parseWith(mapping);
  } catch (error) {
    if (!(error instanceof ImportError) || error.code !== 'mapping-column-not-found') throw error;
    const { [String(error.params.column)]: _missing, ...rest } = mapping;
    return parseWithValidMapping(parseWith, rest);
  }
}

function mappedFields(result: ImportResult): string[] {
  return result.columns.flatMap((column) => (column.field ? [column.field] : []));
}

function pruneMapping(
  mapping: Record<string, string | null>,
  result: ImportResult,
): Record<string, string | null> {
  const keys = new Set(result.columns.map((column) => column.key));
  return Object.fromEntries(Object.entries(mapping).filter(([key]) => keys.has(key)));
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function throwIfAborted(signal: AbortSignal): void {
  if (!signal.aborted) return;
  const error = new Error('The import was cancelled.');
  error.name = 'AbortError';
  throw error;
}

/** A plain-data copy of an error, because an `ImportError` loses its fields when posted. */
export function toFailure(error: unknown): WorkerFailure {
  if (error instanceof ImportError) {
    return {
      name: error.name,
      message: error.message,
      code: error.code,
      params: { ...error.params },
    };
  }
  if (error instanceof StorageFullError) {
    return { name: error.name, message: error.message, code: 'storage-full' };
  }
  if (error instanceof KindIncompleteError) {
    return { name: error.name, message: error.message, code: 'kind-incomplete' };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
