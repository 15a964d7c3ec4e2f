import { readFileSync } from 'node:fs';

import { Command, CommanderError } from 'commander';

import { createContext } from './cli-context.js';
import { processIo, type CliIo } from './cli-io.js';
import {
  findLanguageArgument,
  isSupportedLanguage,
  resolveLanguage,
  type CliLanguage,
} from './cli-language.js';
import { isMessageKey, translate } from './cli-messages.js';
import { CliError } from './cli.error.js';
import { COMMANDS, type CommandContext } from './commands/index.js';

/** Exit code of invalid usage: an unknown option, a missing argument. */
const USAGE_EXIT_CODE = 2;

/**
 * Runs `sras` with the arguments after the program name and returns the
 * exit code: 0 on success, 1 for invalid input or a flow with errors, 2 for
 * invalid usage. Help and every message are in Chinese with `--lang zh-CN`
 * or a `LANG` starting with `zh`, else in English.
 */
export async function runCli(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const languageOption = findLanguageArgument(args);
  // An unsupported --lang is reported in the language of the environment.
  const unsupported =
    languageOption !== undefined &&
    !languageOption.startsWith('-') &&
    !isSupportedLanguage(languageOption);
  const language = resolveLanguage(unsupported ? undefined : languageOption, io.env);
  const context: CommandContext = { ...createContext(io, language), exitCode: 0 };
  if (unsupported) {
    const message = context.t('error.langUnsupported', { value: languageOption });
    io.stderr(`${context.t('error.prefix')}${message}\n`);
    return USAGE_EXIT_CODE;
  }
  const program = buildProgram(context, args);

  try {
    await program.parseAsync([...args], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
        ? 0
        : error.exitCode === 0
          ? 0
          : USAGE_EXIT_CODE;
    }
    if (error instanceof CliError) {
      io.stderr(`${context.t('error.prefix')}${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

function buildProgram(context: CommandContext, args: readonly string[]): Command {
  const { t, io, language } = context;
  const program = new Command('sras')
    .description(t('help.program'))
    .version(readVersion(), '-V, --version', t('help.version'))
    .option('--lang <language>', t('help.lang'))
    .helpOption('-h, --help', t('help.help'))
    .helpCommand('help [command]', t('help.helpCommand'))
    .configureHelp({ styleTitle: (title) => translateTitle(language, title) })
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) =>
        write(`${translateUsageError(context, text, subcommandOf(program, args))}\n`),
    })
    .exitOverride();

  for (const module of COMMANDS) module.register(program, context);
  for (const command of program.commands) {
    command
      .helpOption('-h, --help', t('help.help'))
      .configureHelp({ styleTitle: (title) => translateTitle(language, title) })
      .exitOverride();
  }
  return program;
}

function translateTitle(language: CliLanguage, title: string): string {
  const key = `help.title.${title}`;
  return isMessageKey(key) ? translate(language, key) : title;
}

function subcommandOf(program: Command, args: readonly string[]): string {
  const names = new Set(program.commands.map((command) => command.name()));
  return args.find((arg) => names.has(arg)) ?? '';
}

/** Rewords commander's English parse errors in the context's language, with a pointer to help. */
function translateUsageError(context: CommandContext, text: string, command: string): string {
  const message = text.trim().replace(/^error:\s*/, '');
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const optionName = quoted.split(' ')[0] ?? quoted;
  let reworded: string;
  if (message.startsWith('unknown option'))
    reworded = context.t('error.unknownOption', { option: optionName });
  else if (message.startsWith('missing required argument'))
    reworded = context.t('error.missingArgument', { argument: quoted });
  else if (message.startsWith('required option'))
    reworded = context.t('error.missingOption', { option: optionName });
  else if (/^option .* argument missing/.test(message))
    reworded = context.t('error.optionArgumentMissing', { option: optionName });
  else if (message.startsWith('unknown command'))
    reworded = context.t('error.unknownCommand', { command: quoted });
  else if (message.startsWith('too many arguments')) reworded = context.t('error.tooManyArguments');
  else reworded = message;
  // A Chinese full stop needs no space before the next sentence.
  const separator = context.language === 'zh-CN' ? '' : ' ';
  const usage = context.t('error.usage', {
    message: `${reworded}${separator}`,
    command: command === '' ? '' : `${command} `,
  });
  return `${context.t('error.prefix')}${usage}`;
}

function readVersion(): string {
  const packageJson = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return packageJson.version;
}
