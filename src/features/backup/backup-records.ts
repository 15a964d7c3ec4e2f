/**
 * Checks of the records in a backup file, so that a restore never writes a
 * record the app cannot read. Each check returns the reason a record is
 * invalid, or undefined for a valid one.
 */
import { parseFlow, repSchema } from '@sras/engine';
import type { BackupTable } from './backup-format';

type RecordCheck = (record: Record<string, unknown>) => string | undefined;

function requireText(record: Record<string, unknown>, ...fields: string[]): string | undefined {
  const missing = fields.find((field) => typeof record[field] !== 'string' || record[field] === '');
  return missing && `field "${missing}" must be non-empty text`;
}

function requireNumber(record: Record<string, unknown>, ...fields: string[]): string | undefined {
  const missing = fields.find(
    (field) => typeof record[field] !== 'number' || !Number.isFinite(record[field]),
  );
  return missing && `field "${missing}" must be a number`;
}

function requireChunk(record: Record<string, unknown>, listField: string): string | undefined {
  if (!Number.isInteger(record.chunk) || (record.chunk as number) < 0) {
    return 'field "chunk" must be a whole number of at least 0';
  }
  return Array.isArray(record[listField]) ? undefined : `field "${listField}" must be a list`;
}

function checkFlowDocument(document: unknown): string | undefined {
  const parsed = parseFlow(document);
  if (parsed.ok) return undefined;
  const [first] = parsed.problems;
  return `its flow document is invalid (${first?.code ?? 'unknown'}${first?.field ? ` at ${first.field}` : ''})`;
}

const CHECKS: Record<BackupTable, RecordCheck> = {
  flows: (record) =>
    requireText(record, 'id', 'name') ??
    requireNumber(record, 'revision', 'createdAt', 'updatedAt') ??
    checkFlowDocument(record.document) ??
    ((record.document as { id?: unknown }).id === record.id
      ? undefined
      : 'its document id differs from its id'),
  flowVersions: (record) =>
    requireText(record, 'id', 'flowId', 'name') ??
    requireNumber(record, 'createdAt') ??
    checkFlowDocument(record.document),
  reps: (record) => {
    const parsed = repSchema.safeParse(record);
    if (!parsed.success)
      return `it is not a valid rep (${parsed.error.issues[0]?.message ?? 'invalid'})`;
    return typeof record.team === 'string' ? undefined : 'field "team" must be text';
  },
  teams: (record) => requireText(record, 'id', 'name'),
  datasets: (record) =>
    requireText(record, 'id', 'name') ??
    requireNumber(record, 'importedAt', 'rowCount', 'chunkSize') ??
    (['leads', 'owners', 'deals'].includes(record.kind as string)
      ? undefined
      : 'field "kind" must be leads, owners or deals'),
  datasetRows: (record) => requireText(record, 'datasetId') ?? requireChunk(record, 'rows'),
  runs: (record) =>
    requireText(record, 'id', 'flowId', 'datasetId') ?? requireNumber(record, 'createdAt'),
  runResults: (record) => requireText(record, 'runId') ?? requireChunk(record, 'results'),
  runStates: (record) =>
    requireText(record, 'runId') ??
    (record.state !== null && typeof record.state === 'object'
      ? undefined
      : 'field "state" must be an object'),
  allocationStates: (record) => requireText(record, 'flowId'),
  targetPlans: (record) => requireText(record, 'id') ?? requireNumber(record, 'year'),
  columnMappings: (record) => requireText(record, 'headerKey', 'field'),
  settings: (record) => requireText(record, 'key'),
};

/** Returns why `record` cannot be restored into `table`, or undefined when it can. */
export function checkBackupRecord(table: BackupTable, record: unknown): string | undefined {
  if (record === null || typeof record !== 'object' || Array.isArray(record))
    return 'it is not an object';
  return CHECKS[table](record as Record<string, unknown>);
}
