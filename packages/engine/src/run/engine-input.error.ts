/** One bad part of a run's input, by path (`reps[2].capacity.day`). */
export interface InputIssue {
  path: string;
  message: string;
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
