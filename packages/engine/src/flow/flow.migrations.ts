import type { Migration } from '../migrate/migration.js';

/** Version of the flow format that this engine writes. */
export const CURRENT_FLOW_VERSION = 1;

/**
 * Steps from every older flow version to the current one, in order. Version 1
 * is the first published version, so the list is empty. A version 2 adds a
 * step `{ from: 1, name, up }` here and a test that loads a version 1 file.
 */
export const FLOW_MIGRATIONS: readonly Migration[] = [];
