import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach } from 'vitest';

import { importFile, type ImportResult } from '@sras/import';

const SRAS = fileURLToPath(new URL('../bin/sras.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const IMPORT_FIXTURES = fileURLToPath(new URL('../../import/test/fixtures/', import.meta.url));

export interface SrasRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `sras` launcher in a directory, with English messages unless `env` says otherwise. */
export function runSras(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<SrasRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SRAS, ...args],
      {
        cwd,
        env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A fresh working directory holding copies of the named fixtures; `cleanup` removes it. */
export function workDirectory(fixtures: readonly string[] = []): {
  dir: string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'sras-cli-'));
  for (const name of fixtures) {
    const source = name.startsWith('xeducation_')
      ? join(IMPORT_FIXTURES, name)
      : join(FIXTURES, name);
    copyFileSync(source, join(dir, name));
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Returns a function that makes a work directory with the named fixtures,
 * removed again after each test of the calling file.
 */
export function useWorkDirectories(): (fixtures: string[]) => string {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  return (fixtures) => {
    const work = workDirectory(fixtures);
    cleanups.push(work.cleanup);
    return work.dir;
  };
}

/** Names of the files in a directory, sorted. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** Reads a result file back with the import package, header on row 1. */
export async function readResult(path: string): Promise<ImportResult> {
  return importFile(new Uint8Array(readFileSync(path)), { fileName: path, headerRow: 1 });
}

/** Values of one column of a result, in row order. */
export function columnValues(result: ImportResult, column: string): string[] {
  return result.rows.map((row) => String(row.values[column] ?? ''));
}
