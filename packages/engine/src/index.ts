/**
 * The sras allocation engine: flow format, validation, compiler, runtime and
 * state. Pure TypeScript with no UI, storage or Node-only dependency; hosts
 * (the app, the CLI, the server) inject the clock (`now`) and the state.
 */

// Flow document
export * from './flow/flow.types.js';
export * from './flow/flow.schema.js';
export { CURRENT_FLOW_VERSION, FLOW_MIGRATIONS } from './flow/flow.migrations.js';
export {
  parseFlow,
  serializeFlow,
  type ParseFlowOptions,
  type ParseFlowResult,
} from './flow/flow.parse.js';
export {
  repairFlow,
  type FlowRepair,
  type RepairFlowOptions,
  type RepairFlowResult,
} from './flow/flow.repair.js';
export {
  ELSE_HANDLE,
  FIXED_OUTPUT_HANDLES,
  getOutputHandles,
  hasInput,
  isNodeType,
  resolveSourceHandle,
} from './flow/node-handles.js';
export {
  runMigrations,
  type Migration,
  type MigrationFailure,
  type MigrationResult,
} from './migrate/migration.js';

// Graph
export * from './graph/graph.js';
export * from './graph/connection.js';

// Validation and messages
export * from './validation/problem.types.js';
export {
  inspectFlow,
  validateFlow,
  type FlowInspection,
  type UsableEdge,
  type ValidateFlowOptions,
} from './validation/flow.validator.js';
export { DEDUP_KEYS, QUOTA_PERIODS } from './validation/node-data.validator.js';
export {
  findFieldsNotInDataset,
  listNodeFieldReads,
  type NodeFieldRead,
} from './validation/dataset-fields.js';
export {
  ENGINE_MESSAGES,
  formatInputIssue,
  formatProblem,
  interpolate,
  type MessageLanguage,
} from './messages/format-message.js';
export type { EngineMessages } from './messages/messages.en.js';
export { describeSchemaIssue, schemaIssueProblem } from './flow/schema-issue.js';
export { formatFieldPath } from './validation/field-path.js';
export type { AuditEntry } from './audit/audit-entry.types.js';
export { labelledProblemParams, nodeLabels } from './messages/node-labels.js';
export { formatCapNote, type CapNoteFormat } from './messages/cap-note-message.js';

// Compiling and running
export { compileFlow, type CompileFlowResult } from './compile/flow.compiler.js';
export type * from './compile/pipeline.types.js';
export { parsePipeline, pipelineSchema } from './compile/pipeline.schema.js';
export { createRunner, type Runner } from './run/runner.js';
export type * from './run/run.types.js';
export { REASON_CODES } from './run/run.types.js';
export { leadResultAt, leadResultsOf } from './run/lead-columns.js';
export { EngineInputError, type InputIssue } from './run/engine-input.error.js';
export {
  buildCapNotes,
  capacityUse,
  unassignedEndsOf,
  type CapacityCapNote,
  type CapacityUse,
  type CapNote,
  type QuotaCapNote,
  type RepCapacityUse,
  type UnassignedEnd,
} from './run/cap-notes.js';

// Time
export {
  createZonedCalendar,
  isValidTimeZone,
  type PeriodContext,
  type ZonedCalendar,
} from './time/zoned-calendar.js';

// State
export {
  allocationStateSchema,
  createEmptyState,
  CURRENT_STATE_VERSION,
  type AllocationState,
  type StateDelta,
} from './state/state.schema.js';
export {
  migrateState,
  STATE_MIGRATIONS,
  type MigrateStateResult,
  type StateIssue,
} from './state/state.migrate.js';
export { COUNTER_RETENTION_DAYS, isPeriodExpired } from './state/period-retention.js';
export { applyStateDelta } from './state/state-delta.js';

// Dedup
export {
  dedupKeyOf,
  normaliseCompany,
  normaliseEmail,
  normalisePhone,
} from './dedup/dedup-keys.js';
export { listDedupKeys } from './dedup/list-dedup-keys.js';

// Conditions and shared text folding
export * from './conditions/index.js';
export * from './text/index.js';
export * from './regions/index.js';
