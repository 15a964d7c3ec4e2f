/**
 * State of the import wizard on the Data screen, changed only by its actions.
 *
 * idle → reading → parsing → review ⇄ parsing (every change of a setting
 * parses again in the worker) → storing → saved, or review (cancelled or
 * failed). Nothing is written to the database before `store`. `saved`
 * lasts while the screen moves on to the new dataset: `reset` or the next
 * `prepare` returns to idle, so that the Data screen does not render its
 * start page just before it is left.
 * A failure is kept as plain data (`WorkerFailure`) so that the screen can
 * word it in the interface language.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { cutName } from '../../../app/forms/name-limits';
import type { DatasetKind, DatasetRecord } from '../../../storage/records';
import {
  ImportRequestError,
  ImportWorkerClient,
  type ProgressReport,
  type WorkerPort,
} from './import-worker.client';
import type {
  ImportAnalysis,
  ParseSettings,
  WizardColumnType,
  WorkerFailure,
} from './import-worker.protocol';

export type WizardStatus = 'idle' | 'reading' | 'parsing' | 'review' | 'storing' | 'saved';

/** Why the wizard stopped: cancelled by the user, or a failure to show. */
export type WizardNotice =
  | { type: 'parse-cancelled' }
  | { type: 'store-cancelled' }
  | { type: 'failed'; during: 'parse' | 'store'; failure: WorkerFailure };

export interface ImportWizardState {
  status: WizardStatus;
  file: { name: string; size: number } | null;
  settings: ParseSettings;
  analysis: ImportAnalysis | null;
  /** Name the dataset will be stored under. */
  name: string;
  progress: ProgressReport | null;
  notice: WizardNotice | null;
  /** Request id of the running parse or store, for cancelling it. */
  runningRequest: number | null;

  /** Starts the worker ahead of time, so that a chosen file is read at once; leaves `saved` for idle. */
  prepare: () => void;
  /** Returns from `saved` to idle once the screen has moved on; does nothing in any other state. */
  finish: () => void;
  chooseFile: (file: File) => Promise<void>;
  /** Changes how the table is read (encoding, delimiter, header row, sheet); forgets column choices. */
  changeTable: (
    change: Partial<Pick<ParseSettings, 'encoding' | 'delimiter' | 'headerRow' | 'sheet'>>,
  ) => Promise<void>;
  mapColumn: (columnKey: string, field: string | null) => Promise<void>;
  setColumnType: (columnKey: string, type: WizardColumnType) => Promise<void>;
  setPlaceholderEmptied: (columnKey: string, value: string, emptied: boolean) => Promise<void>;
  /** Picks the kind of the dataset, so that the worker stops guessing it. */
  setKind: (kind: DatasetKind) => Promise<void>;
  setName: (name: string) => void;
  /** Stores the parsed rows; resolves with the dataset, or undefined when cancelled or failed. */
  store: () => Promise<DatasetRecord | undefined>;
  /** Cancels the running parse or store. */
  cancel: () => void;
  /** Discards the file and returns to the start. */
  reset: () => void;
  dismissNotice: () => void;
}

const INITIAL_SETTINGS: ParseSettings = {
  headerRow: 'auto',
  mapping: {},
  columnTypes: {},
  keptPlaceholders: [],
  kind: 'leads',
  guessKind: true,
};

type WizardData = Pick<
  ImportWizardState,
  'status' | 'file' | 'settings' | 'analysis' | 'name' | 'progress' | 'notice' | 'runningRequest'
>;

const INITIAL_DATA: WizardData = {
  status: 'idle',
  file: null,
  settings: INITIAL_SETTINGS,
  analysis: null,
  name: '',
  progress: null,
  notice: null,
  runningRequest: null,
};

/** The file name without its extension, cut to the longest name allowed, as the default dataset name. */
export function defaultDatasetName(fileName: string): string {
  return cutName(fileName.replace(/\.[^.]+$/, '') || fileName);
}

/** Creates a wizard store that talks to a worker made by `createPort` (a real Web Worker by default). */
export function createImportWizardStore(
  createPort?: () => WorkerPort,
): StoreApi<ImportWizardState> {
  let client: ImportWorkerClient | null = null;
  const getClient = (): ImportWorkerClient => {
    client ??= new ImportWorkerClient(createPort?.());
    return client;
  };

  return createStore<ImportWizardState>()((set, get) => {
    const onStart = (requestId: number) => set({ runningRequest: requestId });
    const onProgress = (progress: ProgressReport) => set({ progress });

    let generation = 0;
    const parse = async (settings: ParseSettings): Promise<void> => {
      const current = ++generation;
      set({ status: 'parsing', settings, progress: null, notice: null });
      try {
        const analysis = await getClient().parse(settings, onProgress, onStart);
        if (current !== generation) return;
        set({
          status: 'review',
          analysis,
          // The worker read the table as the kind it guessed.
          settings: analysis.kindGuess ? { ...settings, kind: analysis.kindGuess.kind } : settings,
          progress: null,
          runningRequest: null,
        });
      } catch (error) {
        if (!(error instanceof ImportRequestError)) throw error;
        // A newer parse replaced this one; its own answer will arrive.
        if (current !== generation) return;
        set({
          ...INITIAL_DATA,
          notice: error.cancelled
            ? { type: 'parse-cancelled' }
            : { type: 'failed', during: 'parse', failure: error.failure ?? unknownFailure(error) },
        });
      }
    };

    const changeSettings = (change: Partial<ParseSettings>): Promise<void> =>
      parse({ ...get().settings, ...change });

    return {
      ...INITIAL_DATA,

      prepare: () => {
        get().finish();
        getClient();
      },

      finish: () => {
        if (get().status === 'saved') set({ ...INITIAL_DATA });
      },

      chooseFile: async (file) => {
        set({
          ...INITIAL_DATA,
          status: 'reading',
          file: { name: file.name, size: file.size },
          name: defaultDatasetName(file.name),
        });
        try {
          await getClient().open(file);
        } catch (error) {
          if (!(error instanceof ImportRequestError)) throw error;
          set({
            ...INITIAL_DATA,
            notice: {
              type: 'failed',
              during: 'parse',
              failure: error.failure ?? unknownFailure(error),
            },
          });
          return;
        }
        await parse(INITIAL_SETTINGS);
      },

      changeTable: (change) =>
        changeSettings({ ...change, mapping: {}, columnTypes: {}, keptPlaceholders: [] }),

      mapColumn: (columnKey, field) => {
        const mapping: Record<string, string | null> = {};
        for (const [key, mapped] of Object.entries(get().settings.mapping)) {
          // A field belongs to one column: the new choice takes it from any other.
          if (key !== columnKey && !(field !== null && mapped === field)) mapping[key] = mapped;
        }
        mapping[columnKey] = field;
        return changeSettings({ mapping });
      },

      setColumnType: (columnKey, type) =>
        changeSettings({ columnTypes: { ...get().settings.columnTypes, [columnKey]: type } }),

      setPlaceholderEmptied: (columnKey, value, emptied) => {
        const others = get().settings.keptPlaceholders.filter(
          (choice) => !(choice.columnKey === columnKey && choice.value === value),
        );
        return changeSettings({
          keptPlaceholders: emptied ? others : [...others, { columnKey, value }],
        });
      },

      setKind: (kind) => changeSettings({ kind, guessKind: false }),

      setName: (name) => set({ name }),

      store: async () => {
        const { analysis, name } = get();
        if (!analysis) return undefined;

        set({
          status: 'storing',
          progress: { phase: 'storing', done: 0, total: analysis.report.rowCount },
          notice: null,
        });
        try {
          const dataset = await getClient().store(name, onProgress, onStart);
          client?.dispose();
          client = null;
          // The rest of the state stays as it was: changing it would render the
          // hidden review again just before the screen is left.
          const total = analysis.report.rowCount;
          set({
            status: 'saved',
            progress: { phase: 'storing', done: total, total },
            runningRequest: null,
          });
          return dataset;
        } catch (error) {
          if (!(error instanceof ImportRequestError)) throw error;
          set({
            status: 'review',
            progress: null,
            runningRequest: null,
            notice: error.cancelled
              ? { type: 'store-cancelled' }
              : {
                  type: 'failed',
                  during: 'store',
                  failure: error.failure ?? unknownFailure(error),
                },
          });
          return undefined;
        }
      },

      cancel: () => {
        const requestId = get().runningRequest;
        if (requestId === null) return;
        getClient().cancel(requestId);
      },

      reset: () => {
        generation++;
        client?.dispose();
        client = null;
        set({ ...INITIAL_DATA });
      },

      dismissNotice: () => set({ notice: null }),
    };
  });
}

function unknownFailure(error: Error): WorkerFailure {
  return { name: error.name, message: error.message };
}

let appStore: StoreApi<ImportWizardState> | null = null;

/** The app's wizard store; tests replace it with `setImportWizardStore`. */
export function getImportWizardStore(): StoreApi<ImportWizardState> {
  appStore ??= createImportWizardStore();
  return appStore;
}

export function setImportWizardStore(store: StoreApi<ImportWizardState> | null): void {
  appStore = store;
}

/** Reads the wizard's state through a selector. */
export function useImportWizard<T>(selector: (state: ImportWizardState) => T): T {
  return useStore(getImportWizardStore(), selector);
}
