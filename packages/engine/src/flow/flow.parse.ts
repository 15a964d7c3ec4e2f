import { readJsonInput, runMigrations, type Migration } from '../migrate/migration.js';
import { createProblem, type FlowProblem } from '../validation/problem.types.js';
import { CURRENT_FLOW_VERSION, FLOW_MIGRATIONS } from './flow.migrations.js';
import { flowDocumentSchema } from './flow.schema.js';
import type { FlowDocument } from './flow.types.js';
import { schemaIssueProblem } from './schema-issue.js';

export type ParseFlowResult =
  { ok: true; flow: FlowDocument; migrations: string[] } | { ok: false; problems: FlowProblem[] };

export interface ParseFlowOptions {
  /** Migration steps to apply; the engine's own chain by default. */
  migrations?: readonly Migration[];
}

/**
 * Loads a flow document: parses JSON text (or takes an already parsed value),
 * migrates it from any older version to the current one, and checks its
 * structure. Returns the document, with unknown fields kept, or problems that
 * name the path of each bad field. Run {@link validateFlow} on the result for
 * the rules of each node type and of the graph.
 */
export function parseFlow(input: unknown, options: ParseFlowOptions = {}): ParseFlowResult {
  const migrations = options.migrations ?? FLOW_MIGRATIONS;

  const read = readJsonInput(input);
  if (!read.ok) {
    return {
      ok: false,
      problems: [createProblem('flow-json-invalid', {}, { message: read.message })],
    };
  }
  const raw = read.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      problems: [createProblem('flow-format-invalid', {}, { format: describeValue(raw) })],
    };
  }

  const record = raw as Record<string, unknown>;
  if (record.format !== 'sras.flow') {
    return {
      ok: false,
      problems: [
        createProblem(
          'flow-format-invalid',
          { field: 'format' },
          { format: describeValue(record.format) },
        ),
      ],
    };
  }

  const migrated = runMigrations(record, migrations, CURRENT_FLOW_VERSION);
  if (!migrated.ok) {
    switch (migrated.reason) {
      case 'version-invalid':
        return {
          ok: false,
          problems: [
            createProblem(
              'flow-version-invalid',
              { field: 'version' },
              { version: describeValue(migrated.version) },
            ),
          ],
        };
      case 'version-unsupported':
        return {
          ok: false,
          problems: [
            createProblem(
              'flow-version-unsupported',
              { field: 'version' },
              { version: migrated.version, supported: migrated.supported },
            ),
          ],
        };
      case 'step-missing':
        return {
          ok: false,
          problems: [
            createProblem(
              'flow-migration-missing',
              { field: 'version' },
              { version: migrated.version },
            ),
          ],
        };
    }
  }

  const parsed = flowDocumentSchema.safeParse(migrated.document);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => schemaIssueProblem(migrated.document, issue)),
    };
  }

  return { ok: true, flow: parsed.data as FlowDocument, migrations: migrated.applied };
}

/** Writes a flow document as JSON text, two-space indented, unknown fields kept. */
export function serializeFlow(flow: FlowDocument): string {
  return `${JSON.stringify(flow, null, 2)}\n`;
}

/** Short text for a value in a message: the value itself when small, else its type. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length > 40 ? `${value.slice(0, 40)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'array' : typeof value;
}
