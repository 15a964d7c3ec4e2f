export type {
  CompiledCondition,
  CompiledTest,
  CompileConditionResult,
  ConditionOptions,
  ConditionProblem,
  ConditionProblemCode,
  FieldType,
} from './condition.types.js';
export { MAX_CONDITION_DEPTH, MAX_CONDITION_NODES } from './condition.types.js';
export { compileCondition } from './condition.compile.js';
export {
  conditionFields,
  findTextColumnOrderings,
  findTextListTests,
} from './condition.inspect.js';
export type { TextListTest } from './condition.inspect.js';
export { isEmptyValue, isTruthy } from './condition.truthiness.js';
export { CONDITION_OPERATIONS } from './condition.grammar.js';
export { parseBooleanCell, parseNumberCell, parseNumericText } from './condition.values.js';
export { readField, UNSAFE_PATH_SEGMENTS } from './field-path.js';
