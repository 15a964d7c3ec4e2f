/**
 * The workspace's own settings, kept on this computer in the `settings`
 * table under one key: for now the time zone that decides which calendar
 * day an instant belongs to on the dashboard and in target splits. A flow's
 * own `timezone` field, which the engine uses, is separate.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase, type SrasDatabase } from '../../storage/db';
import { writeTransaction } from '../../storage/storage-full';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../targets/civil-date';

export const WORKSPACE_SETTINGS_KEY = 'workspace.settings';

export interface WorkspaceSettings {
  /** IANA zone name, such as `Asia/Shanghai`. */
  timeZone: string;
}

export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = { timeZone: DEFAULT_TIME_ZONE };

/**
 * Reads stored settings over the defaults. A zone this browser does not know
 * (stored by a newer browser, or edited by hand) falls back to the default.
 */
export function readWorkspaceSettings(stored: unknown): WorkspaceSettings {
  const value = (stored && typeof stored === 'object' ? stored : {}) as Partial<WorkspaceSettings>;
  const timeZone =
    typeof value.timeZone === 'string' && isValidTimeZone(value.timeZone)
      ? value.timeZone
      : DEFAULT_WORKSPACE_SETTINGS.timeZone;
  return { ...DEFAULT_WORKSPACE_SETTINGS, timeZone };
}

export async function loadWorkspaceSettings(
  database: SrasDatabase = getDatabase(),
): Promise<WorkspaceSettings> {
  const stored = await database.settings.get(WORKSPACE_SETTINGS_KEY);
  return readWorkspaceSettings(stored?.value);
}

/** Stores the workspace time zone; throws a RangeError for a name that is not an IANA zone. */
export async function saveWorkspaceTimeZone(timeZone: string): Promise<void> {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);

  await writeTransaction(
    (db) => [db.settings],
    async (db) => {
      const stored = await db.settings.get(WORKSPACE_SETTINGS_KEY);
      const next: WorkspaceSettings = { ...readWorkspaceSettings(stored?.value), timeZone };
      await db.settings.put({ key: WORKSPACE_SETTINGS_KEY, value: next });
    },
  );
}

/** Returns the workspace settings, kept current, or undefined while they load. */
export function useWorkspaceSettings(): WorkspaceSettings | undefined {
  return useLiveQuery(() => loadWorkspaceSettings(), []);
}

/** Returns the workspace time zone, kept current, or undefined while it loads. */
export function useWorkspaceTimeZone(): string | undefined {
  return useWorkspaceSettings()?.timeZone;
}
