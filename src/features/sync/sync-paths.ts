/** URLs of the sync feature's screens. */
export const SYNC_SETTINGS_PATH = '/settings/sync';
export const AUDIT_PATH = '/audit';
