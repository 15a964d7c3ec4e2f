/** Workspace settings kept on this computer. Other features import from here only. */
export * from './time-zones';
export * from './workspace-settings';
