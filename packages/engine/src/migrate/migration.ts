/**
 * A versioned-document migration chain shared by the flow document and the
 * allocation state. Each step lifts a document from one version to the next;
 * the chain applies them in order until the current version is reached.
 */

/** One step that turns a document of version `from` into version `from + 1`. */
export interface Migration {
  /** Version this step reads. */
  from: number;
  /** Name of the change the step makes, for logs and tests (`addQuotaPeriod`, …). */
  name: string;
  up(document: Record<string, unknown>): Record<string, unknown>;
}

export type MigrationFailure =
  | { reason: 'version-invalid'; version: unknown }
  | { reason: 'version-unsupported'; version: number; supported: number }
  | { reason: 'step-missing'; version: number };

export type MigrationResult =
  | { ok: true; document: Record<string, unknown>; applied: string[] }
  | ({ ok: false } & MigrationFailure);

/**
 * Applies the steps of `migrations` to `document` until its `version` equals
 * `currentVersion`. Returns the failure as data when the version is missing,
 * newer than this engine, or has no step; never mutates the input.
 */
export function runMigrations(
  document: Record<string, unknown>,
  migrations: readonly Migration[],
  currentVersion: number,
): MigrationResult {
  const initial = document.version;
  if (typeof initial !== 'number' || !Number.isInteger(initial) || initial < 1) {
    return { ok: false, reason: 'version-invalid', version: initial };
  }
  if (initial > currentVersion) {
    return {
      ok: false,
      reason: 'version-unsupported',
      version: initial,
      supported: currentVersion,
    };
  }

  let current = document;
  let version = initial;
  const applied: string[] = [];
  while (version < currentVersion) {
    const step = migrations.find((migration) => migration.from === version);
    if (step === undefined) return { ok: false, reason: 'step-missing', version };

    current = { ...step.up(current), version: version + 1 };
    applied.push(step.name);
    version += 1;
  }

  return { ok: true, document: current, applied };
}

/**
 * Reads a document given as JSON text or as an already parsed value. Returns
 * the parsed value, or the JSON syntax error's message.
 */
export function readJsonInput(
  input: unknown,
): { ok: true; value: unknown } | { ok: false; message: string } {
  if (typeof input !== 'string') return { ok: true, value: input };
  try {
    return { ok: true, value: JSON.parse(input) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
