/**
 * Target decomposition: yearly targets split into months, teams and reps,
 * with exact totals. Other features import from here only.
 */
export * from './actuals';
export * from './apportion';
export * from './cell-values';
export * from './civil-date';
export * from './employment';
export * from './grid-table';
export * from './plan-build';
export * from './plan-edit';
export * from './plan-grid';
export * from './plan-versions';
export * from './split-weights';
export * from './target-plan.types';
export * from './xlsx-file';
