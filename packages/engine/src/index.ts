export * from './flow/flow.types.js';
export * from './flow/flow.schema.js';
