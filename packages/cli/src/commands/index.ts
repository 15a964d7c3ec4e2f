import { allocateCommand } from './allocate.command.js';
import type { CommandModule } from './command-module.js';
import { validateCommand } from './validate.command.js';
import { workspaceCommand } from './workspace.command.js';

/** Subcommands of `sras`, in the order help lists them. Add a module here to add a command. */
export const COMMANDS: readonly CommandModule[] = [
  validateCommand,
  allocateCommand,
  workspaceCommand,
];

export type { CommandContext, CommandModule } from './command-module.js';
