/**
 * Checks of the records in a backup file, so that a restore never writes a
 * record the app cannot read. Each check returns a coded problem, which the
 * restore screen words in the user's language, or undefined for a valid
 * record.
 */
import { parseFlow, repSchema, type FlowProblem } from '@sras/engine';
import type { BackupTable } from './backup-format';

/** Why a record cannot be restored; `field` is the record's field name, such as `year`. */
export type RecordProblem =
  | { code: 'unknownTable' }
  | { code: 'notObject' }
  | { code: 'textRequired'; field: string }
  | { code: 'numberRequired'; field: string }
  | { code: 'wholeNumberRequired'; field: string }
  | { code: 'listRequired'; field: string }
  | { code: 'objectRequired'; field: string }
  | { code: 'kindInvalid'; field: string }
  | { code: 'flowInvalid'; problem: FlowProblem }
  | { code: 'documentIdMismatch' }
  | { code: 'tooSmall'; field: string; minimum: number }
  | { code: 'tooBig'; field: string; maximum: number }
  | { code: 'fieldInvalid'; field: string };

type RecordCheck = (record: Record<string, unknown>) => RecordProblem | undefined;

function requireText(
  record: Record<string, unknown>,
  ...fields: string[]
): RecordProblem | undefined {
  const missing = fields.find((field) => typeof record[field] !== 'string' || record[field] === '');
  return missing === undefined ? undefined : { code: 'textRequired', field: missing };
}

function requireNumber(
  record: Record<string, unknown>,
  ...fields: string[]
): RecordProblem | undefined {
  const missing = fields.find(
    (field) => typeof record[field] !== 'number' || !Number.isFinite(record[field]),
  );
  return missing === undefined ? undefined : { code: 'numberRequired', field: missing };
}

function requireChunk(
  record: Record<string, unknown>,
  listField: string,
): RecordProblem | undefined {
  if (!Number.isInteger(record.chunk) || (record.chunk as number) < 0) {
    return { code: 'wholeNumberRequired', field: 'chunk' };
  }
  return Array.isArray(record[listField]) ? undefined : { code: 'listRequired', field: listField };
}

function checkFlowDocument(document: unknown): RecordProblem | undefined {
  const parsed = parseFlow(document);
  if (parsed.ok) return undefined;

  const [first] = parsed.problems;
  return first === undefined
    ? { code: 'objectRequired', field: 'document' }
    : { code: 'flowInvalid', problem: first };
}

// zod's issue text is English for developers, so only the issue's kind, the
// field and the limit are kept.
function checkRep(record: Record<string, unknown>): RecordProblem | undefined {
  const parsed = repSchema.safeParse(record);
  if (parsed.success) {
    return typeof record.team === 'string' ? undefined : { code: 'textRequired', field: 'team' };
  }

  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  if (issue?.code === 'too_small' && typeof issue.minimum === 'number') {
    return { code: 'tooSmall', field, minimum: issue.minimum };
  }
  if (issue?.code === 'too_big' && typeof issue.maximum === 'number') {
    return { code: 'tooBig', field, maximum: issue.maximum };
  }
  if (issue?.code === 'invalid_type' && issue.expected === 'string') {
    return { code: 'textRequired', field };
  }
  if (issue?.code === 'invalid_type' && issue.expected === 'number') {
    return { code: 'numberRequired', field };
  }
  return { code: 'fieldInvalid', field };
}

const CHECKS: Record<BackupTable, RecordCheck> = {
  flows: (record) =>
    requireText(record, 'id', 'name') ??
    requireNumber(record, 'revision', 'createdAt', 'updatedAt') ??
    checkFlowDocument(record.document) ??
    ((record.document as { id?: unknown }).id === record.id
      ? undefined
      : { code: 'documentIdMismatch' }),
  flowVersions: (record) =>
    requireText(record, 'id', 'flowId', 'name') ??
    requireNumber(record, 'createdAt') ??
    checkFlowDocument(record.document),
  reps: checkRep,
  teams: (record) => requireText(record, 'id', 'name'),
  datasets: (record) =>
    requireText(record, 'id', 'name') ??
    requireNumber(record, 'importedAt', 'rowCount', 'chunkSize') ??
    (['leads', 'owners', 'deals'].includes(record.kind as string)
      ? undefined
      : { code: 'kindInvalid', field: 'kind' }),
  datasetRows: (record) => requireText(record, 'datasetId') ?? requireChunk(record, 'rows'),
  runs: (record) =>
    requireText(record, 'id', 'flowId', 'datasetId') ?? requireNumber(record, 'createdAt'),
  runResults: (record) => requireText(record, 'runId') ?? requireChunk(record, 'results'),
  runStates: (record) =>
    requireText(record, 'runId') ??
    (record.state !== null && typeof record.state === 'object'
      ? undefined
      : { code: 'objectRequired', field: 'state' }),
  allocationStates: (record) => requireText(record, 'flowId'),
  targetPlans: (record) => requireText(record, 'id') ?? requireNumber(record, 'year'),
  columnMappings: (record) => requireText(record, 'headerKey', 'field'),
  settings: (record) => requireText(record, 'key'),
};

/** Returns why `record` cannot be restored into `table`, or undefined when it can. */
export function checkBackupRecord(table: BackupTable, record: unknown): RecordProblem | undefined {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return { code: 'notObject' };
  }
  return CHECKS[table](record as Record<string, unknown>);
}
