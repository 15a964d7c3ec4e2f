/**
 * The dashboard's saved choices (sources, column mappings, thresholds), kept
 * in the `settings` table under one key so they survive a reload.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from '../../storage/db';
import { writeTransaction } from '../../storage/storage-full';
import { DEFAULT_FAIRNESS_OPTIONS } from './fairness';
import type { OutcomeMapping } from './outcome-fields';

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

/** The saved settings merged over the defaults; undefined while loading. */
export function useDashboardSettings(): DashboardSettings | undefined {
  return useLiveQuery(async () => {
    const stored = await getDatabase().settings.get(DASHBOARD_SETTINGS_KEY);
    const value = (stored?.value ?? {}) as Partial<DashboardSettings>;
    return { ...DEFAULT_DASHBOARD_SETTINGS, ...value };
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
