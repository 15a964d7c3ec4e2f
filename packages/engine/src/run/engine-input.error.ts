import type { ProblemParams } from '../validation/problem.types.js';

/** One bad part of a run's input, by path (`reps[2].capacity.day`). */
export interface InputIssue {
  path: string;
  /** The reason in English. */
  message: string;
  /**
   * The reason as data, for hosts that word it in another language with
   * `formatInputIssue`: a schema issue's code and details (see
   * `describeSchemaIssue`), or `issue` set to one of the input codes
   * (`duplicate-rep-id`, `state-not-object`, `state-format`,
   * `state-version-newer`, `state-version-invalid`).
   */
  params?: ProblemParams;
}

/**
 * Thrown when a host passes input that the engine cannot run: a pipeline,
 * team, state or time that does not match its schema. Flow problems never
 * throw; they come back as data from `compileFlow`.
 */
export class EngineInputError extends Error {
  readonly issues: InputIssue[];

  constructor(message: string, issues: InputIssue[]) {
    super(message);
    this.name = 'EngineInputError';
    this.issues = issues;
  }
}
