/**
 * Failure of a command, already worded for the user. `exitCode` is 1 for
 * invalid input and 2 for invalid usage (unknown option, missing argument).
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
