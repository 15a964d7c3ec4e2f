import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { findJsonSyntaxError, lineAndColumnAt } from '@sras/engine';

import type { CliIo } from './cli-io.js';
import type { CliLanguage } from './cli-language.js';
import { translate, type CliMessageKey, type MessageParams } from './cli-messages.js';
import { CliError } from './cli.error.js';

/** What every command gets: its streams, the language and file helpers. */
export interface CliContext {
  io: CliIo;
  language: CliLanguage;
  /** Words a message in the context's language. */
  t: (key: CliMessageKey, params?: MessageParams) => string;
  /** Resolves a path given on the command line against the working directory. */
  resolvePath: (path: string) => string;
  /** Reads a file, or throws a `CliError` naming it. */
  readBytes: (path: string) => Promise<Uint8Array>;
  /** Reads and parses a JSON file, or throws a `CliError` naming it. */
  readJson: (path: string) => Promise<unknown>;
}

export function createContext(io: CliIo, language: CliLanguage): CliContext {
  const t = (key: CliMessageKey, params?: MessageParams): string =>
    translate(language, key, params);
  const resolvePath = (path: string): string => resolve(io.cwd, path);

  const readBytes = async (path: string): Promise<Uint8Array> => {
    try {
      return new Uint8Array(await readFile(resolvePath(path)));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new CliError(t('error.fileNotFound', { file: path }));
      throw new CliError(
        t('error.fileUnreadable', { file: path, reason: (error as Error).message }),
      );
    }
  };

  const readJson = async (path: string): Promise<unknown> => {
    const bytes = await readBytes(path);
    const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      // JSON.parse's reason is English and on Node 20 sometimes names no position.
      const offset = findJsonSyntaxError(text);
      if (offset === null) {
        throw new CliError(
          t('error.jsonInvalid', { file: path, reason: (error as Error).message }),
        );
      }
      throw new CliError(
        t('error.jsonInvalidAt', { file: path, ...lineAndColumnAt(text, offset) }),
      );
    }
  };

  return { io, language, t, resolvePath, readBytes, readJson };
}
