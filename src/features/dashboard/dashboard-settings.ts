/**
 * The dashboard's saved choices (sources, column mappings, thresholds), kept
 * in the `settings` table under one key so they survive a reload.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from '../../storage/db';
import { writeTransaction } from '../../storage/storage-full';
import { DEFAULT_FAIRNESS_OPTIONS } from './fairness';
import { readOutcomeMapping, suggestOutcomeMapping, type OutcomeMapping } from './outcome-fields';

export const DASHBOARD_SETTINGS_KEY = 'dashboard.settings';

/** How one dataset's columns feed the dashboard. */
export interface DatasetSourceSettings {
  mapping: OutcomeMapping;
  /** Status or stage values that mean won; the defaults when absent. */
  wonValues?: string[];
  everyRowWon?: boolean;
}

export interface DashboardSettings {
  datasetIds: string[];
  /** Applied runs counted as assignments. */
  runIds: string[];
  sources: Record<string, DatasetSourceSettings>;
  /** Share of the expected amount a rep may fall short before a warning (0.1 = 10 %). */
  behindMargin: number;
  /** Deviation of a round-robin share, as a fraction, before a fairness alert. */
  fairnessThreshold: number;
  fairnessMinLeads: number;
}

export const DEFAULT_DASHBOARD_SETTINGS: DashboardSettings = {
  datasetIds: [],
  runIds: [],
  sources: {},
  behindMargin: 0.1,
  fairnessThreshold: DEFAULT_FAIRNESS_OPTIONS.threshold,
  fairnessMinLeads: DEFAULT_FAIRNESS_OPTIONS.minLeads,
};

/**
 * Reads stored settings over the defaults. Mappings saved before the outcome
 * fields took the import's names are renamed (see `readOutcomeMapping`).
 */
export function readDashboardSettings(stored: unknown): DashboardSettings {
  const value = (stored && typeof stored === 'object' ? stored : {}) as Partial<DashboardSettings>;
  const sources = Object.fromEntries(
    Object.entries(value.sources ?? {}).map(([datasetId, source]) => [
      datasetId,
      { ...source, mapping: readOutcomeMapping(source.mapping) },
    ]),
  );
  return { ...DEFAULT_DASHBOARD_SETTINGS, ...value, sources };
}

/**
 * How a dataset feeds the dashboard: its saved choices, else the mapping
 * suggested from its columns (the import wizard's fields, then header names).
 */
export function datasetSourceOf(
  settings: Pick<DashboardSettings, 'sources'>,
  dataset: { id: string; columns: readonly { key: string; header: string; field?: string }[] },
): DatasetSourceSettings {
  return settings.sources[dataset.id] ?? { mapping: suggestOutcomeMapping(dataset.columns) };
}

/** The saved settings merged over the defaults; undefined while loading. */
export function useDashboardSettings(): DashboardSettings | undefined {
  return useLiveQuery(async () => {
    const stored = await getDatabase().settings.get(DASHBOARD_SETTINGS_KEY);
    return readDashboardSettings(stored?.value);
  }, []);
}

export async function saveDashboardSettings(settings: DashboardSettings): Promise<void> {
  await writeTransaction(
    (db) => [db.settings],
    async (db) => {
      await db.settings.put({ key: DASHBOARD_SETTINGS_KEY, value: settings });
    },
  );
}
