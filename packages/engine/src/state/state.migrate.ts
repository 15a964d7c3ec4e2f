import { readJsonInput, runMigrations, type Migration } from '../migrate/migration.js';
import { describeSchemaIssue } from '../flow/schema-issue.js';
import { formatFieldPath } from '../validation/field-path.js';
import type { ProblemParams } from '../validation/problem.types.js';
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
  /** The reason in English. */
  message: string;
  /** The reason as data, as in the engine's `InputIssue`. */
  params?: ProblemParams;
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
    return {
      ok: false,
      issues: [
        { path: '', message: 'expected a state object', params: { issue: 'state-not-object' } },
      ],
    };
  }

  const record = raw as Record<string, unknown>;
  if (record.format !== 'sras.state') {
    return {
      ok: false,
      issues: [
        {
          path: 'format',
          message: 'expected "sras.state"; this is not an allocation state',
          params: { issue: 'state-format' },
        },
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
    const params: ProblemParams =
      migrated.reason === 'version-unsupported'
        ? {
            issue: 'state-version-newer',
            version: String(migrated.version),
            supported: migrated.supported,
          }
        : { issue: 'state-version-invalid', version: String(record.version) };
    return { ok: false, issues: [{ path: 'version', message, params }] };
  }

  const parsed = allocationStateSchema.safeParse(migrated.document);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: formatFieldPath(issue.path),
        message: issue.message,
        params: describeSchemaIssue(migrated.document, issue),
      })),
    };
  }

  return { ok: true, state: parsed.data, migrations: migrated.applied };
}
