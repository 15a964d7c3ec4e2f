export { loadConfig, isPostgresUrl, ConfigError, type ServerConfig } from './config.js';
export {
  openDatabase,
  migrateToLatest,
  inWorkspaceTransaction,
  inGroupedWorkspaceTransaction,
  type DatabaseHandle,
  type OpenDatabaseOptions,
} from './db/database.js';
export type { Role } from './db/schema.js';
export { buildServer, type BuildServerOptions } from './server.js';
export {
  createWorkspace,
  hasWorkspace,
  MAX_WORKSPACE_NAME_LENGTH,
  type CreatedWorkspace,
} from './workspaces.js';
export { insertToken, hashToken, generateToken, ROLES } from './auth/tokens.js';
export { openApiDocument } from './openapi/openapi.document.js';
