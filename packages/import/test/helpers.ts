import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { importFile, type ImportOptions, type ImportResult } from '@sras/import';

/** Bytes of a file in test/fixtures. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(
    readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))),
  );
}

/** UTF-8 bytes of a text. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Bytes from a hex string. */
export function hex(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'hex'));
}

/** Imports a text given as a string (UTF-8). */
export function importText(text: string, options: ImportOptions = {}): Promise<ImportResult> {
  return importFile(utf8(text), options);
}

/** Column keys of a result, in order. */
export function columnKeys(result: ImportResult): string[] {
  return result.columns.map((column) => column.key);
}

/** Issues of one code. */
export function issuesOf(result: ImportResult, code: string): ImportResult['report']['issues'] {
  return result.report.issues.filter((issue) => issue.code === code);
}
