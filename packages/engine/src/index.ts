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
export * from './graph/graph.js';
export * from './graph/connection.js';
export * from './validation/problem.types.js';
export * from './conditions/index.js';
export * from './text/index.js';
export * from './regions/index.js';
