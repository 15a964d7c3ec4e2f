import type { Command } from 'commander';

import type { CliContext } from '../cli-context.js';

/**
 * A subcommand of `sras`. Each lives in its own file and adds itself to the
 * program; its action sets `context.exitCode` or throws a `CliError`.
 */
export interface CommandModule {
  register: (program: Command, context: CommandContext) => void;
}

/** A `CliContext` plus the exit code the action reports. */
export interface CommandContext extends CliContext {
  exitCode: number;
}
