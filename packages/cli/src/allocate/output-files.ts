import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file to write: its absolute path, the name to show, and its content. */
export interface OutputFile {
  path: string;
  displayName: string;
  data: Uint8Array | string;
}

/**
 * Writes all files or none: each goes to a temporary file beside its target,
 * and only when every one is written are they renamed into place (a rename
 * within a directory is atomic). On failure the temporary files are removed
 * and the error names the file that failed.
 */
// NOTE: a rename that fails after earlier ones succeeded (a full disk cannot
// cause it, a permission change during the run can) leaves those files replaced.
export async function writeFilesAtomically(files: readonly OutputFile[]): Promise<void> {
  const suffix = `.sras-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const staged: { temporary: string; target: OutputFile }[] = [];
  try {
    for (const file of files) {
      const temporary = join(dirname(file.path), `.${basename(file.path)}${suffix}`);
      staged.push({ temporary, target: file });
      await writeFile(temporary, file.data);
    }
    for (const { temporary, target } of staged) {
      await rename(temporary, target.path);
    }
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    const failed = staged.at(-1)?.target.displayName ?? '';
    throw new OutputWriteError(failed, error instanceof Error ? error.message : String(error));
  }
}

/** A result, summary or state file could not be written. */
export class OutputWriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`Could not write ${file}: ${reason}`);
    this.name = 'OutputWriteError';
  }
}
