import { readJsonInput, runMigrations, type Migration } from '../migrate/migration.js';
import { formatFieldPath } from '../validation/field-path.js';
import {
  allocationStateSchema,
  CURRENT_STATE_VERSION,
  type AllocationState,
} from './state.schema.js';

/**
 * Steps from every older state version to the current one. Version 1 is the
 * first, so the list is empty; a version 2 adds its step here.
 */
export const STATE_MIGRATIONS: readonly Migration[] = [];

/** A field of a state document that failed to load, and why. */
export interface StateIssue {
  path: string;
  message: string;
}

export type MigrateStateResult =
  { ok: true; state: AllocationState; migrations: string[] } | { ok: false; issues: StateIssue[] };

/**
 * Loads a state document: parses JSON text (or takes a parsed value), runs the
 * migration chain up to the current version, and validates it. Sections that
 * are absent load as empty, so a host may pass only the parts it stores.
 */
export function migrateState(
  input: unknown,
  migrations: readonly Migration[] = STATE_MIGRATIONS,
): MigrateStateResult {
  const read = readJsonInput(input);
  if (!read.ok)
    return { ok: false, issues: [{ path: '', message: `invalid JSON: ${read.message}` }] };
  const raw = read.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: '', message: 'expected a state object' }] };
  }

  const record = raw as Record<string, unknown>;
  if (record.format !== 'sras.state') {
    return {
      ok: false,
      issues: [
        { path: 'format', message: 'expected "sras.state"; this is not an allocation state' },
      ],
    };
  }

  const migrated = runMigrations(record, migrations, CURRENT_STATE_VERSION);
  if (!migrated.ok) {
    const message =
      migrated.reason === 'version-unsupported'
        ? `version ${migrated.version} is newer than this engine reads (${migrated.supported})`
        : migrated.reason === 'step-missing'
          ? `no migration from version ${migrated.version}`
          : 'expected a whole number of 1 or more';
    return { ok: false, issues: [{ path: 'version', message }] };
  }

  const parsed = allocationStateSchema.safeParse(migrated.document);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: formatFieldPath(issue.path),
        message: issue.message,
      })),
    };
  }

  return { ok: true, state: parsed.data, migrations: migrated.applied };
}
