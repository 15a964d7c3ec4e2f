/**
 * Performance dashboard: attainment, pace, fairness and chart data from
 * imported outcome datasets and applied runs. Other features import from here only.
 */
export * from './chart-data';
export * from './csv-export';
export * from './dashboard-metrics';
export * from './fairness';
export * from './number-format';
export * from './outcome-fields';
export * from './outcome-records';
export * from './owner-match';
export * from './pace';
export * from './period';
