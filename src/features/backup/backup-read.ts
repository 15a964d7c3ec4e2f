import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  FOOTER,
  HEADER_PREFIX,
  HEADER_SUFFIX,
  isDeviceSetting,
  type BackupHeader,
  type BackupTable,
} from './backup-format';
import { checkBackupRecord, type RecordProblem } from './backup-records';
import type { BackupProgress } from './backup-export';
import { throwIfAborted, yieldToBrowser } from './yield-to-browser';

/** A backup file read into memory and checked, ready to restore. */
export interface ParsedBackup {
  header: BackupHeader;
  records: Record<BackupTable, unknown[]>;
}

/** Why a file cannot be restored; the restore screen words each code in the user's language. */
export type BackupReadError =
  | { code: 'notUtf8' }
  | { code: 'notJson'; line?: number }
  | { code: 'endsEarly'; line: number }
  | { code: 'textAfterEnd'; line: number }
  | { code: 'notABackup' }
  | { code: 'unsupportedVersion'; version: string }
  | { code: 'invalidRecord'; line: number; table: string; problem: RecordProblem };

export type BackupReadResult =
  { ok: true; backup: ParsedBackup } | { ok: false; error: BackupReadError };

export interface ReadOptions {
  onProgress?: (progress: BackupProgress) => void;
  signal?: AbortSignal;
}

const SLICE_BYTES = 1 << 20;
const TABLE_NAMES = new Set<string>(BACKUP_TABLES);

class BackupFileError extends Error {
  constructor(readonly error: BackupReadError) {
    super(error.code);
  }
}

function emptyRecords(): Record<BackupTable, unknown[]> {
  return Object.fromEntries(BACKUP_TABLES.map((name) => [name, []])) as unknown as Record<
    BackupTable,
    unknown[]
  >;
}

function checkHeader(header: unknown): BackupHeader {
  const candidate = header as Partial<BackupHeader> | null;
  if (!candidate || typeof candidate !== 'object' || candidate.format !== BACKUP_FORMAT) {
    throw new BackupFileError({ code: 'notABackup' });
  }
  if (candidate.version !== BACKUP_VERSION) {
    throw new BackupFileError({ code: 'unsupportedVersion', version: String(candidate.version) });
  }
  return candidate as BackupHeader;
}

function addRecord(records: Record<BackupTable, unknown[]>, entry: unknown, line: number): void {
  const { table, record } = (entry ?? {}) as { table?: unknown; record?: unknown };
  if (typeof table !== 'string' || !TABLE_NAMES.has(table)) {
    throw new BackupFileError({
      code: 'invalidRecord',
      line,
      table: String(table),
      problem: { code: 'unknownTable' },
    });
  }
  const problem = checkBackupRecord(table as BackupTable, record);
  if (problem) throw new BackupFileError({ code: 'invalidRecord', line, table, problem });

  // Settings of the browser that made the backup are not taken over.
  if (table === 'settings' && isDeviceSetting((record as { key: string }).key)) return;
  records[table as BackupTable].push(record);
}

function parseJson(text: string, line?: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse's message is English for developers; the line is what a user can act on.
    throw new BackupFileError(line === undefined ? { code: 'notJson' } : { code: 'notJson', line });
  }
}

/** Reads a file in the one-record-per-line layout; returns undefined when the file has another layout. */
async function readLineLayout(file: Blob, options: ReadOptions): Promise<ParsedBackup | undefined> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const records = emptyRecords();
  let header: BackupHeader | undefined;
  let pending = '';
  let lineNumber = 0;
  let finished = false;
  let total = 0;
  let done = 0;

  const handleLine = (raw: string) => {
    lineNumber += 1;
    const line = raw.replace(/\r$/, '');
    if (lineNumber === 1) {
      const text = line.replace(/^\uFEFF/, '');
      if (!text.startsWith(HEADER_PREFIX) || !text.endsWith(HEADER_SUFFIX)) return false;
      header = checkHeader(parseJson(text.slice(HEADER_PREFIX.length, -HEADER_SUFFIX.length), 1));
      total = Object.values(header.counts ?? {}).reduce(
        (sum, count) => sum + (Number(count) || 0),
        0,
      );
      return true;
    }
    if (finished) {
      if (line.trim() !== '') throw new BackupFileError({ code: 'textAfterEnd', line: lineNumber });
      return true;
    }
    if (line === FOOTER) {
      finished = true;
      return true;
    }
    const text = line.endsWith(',') ? line.slice(0, -1) : line;
    if (text.trim() === '') return true;
    addRecord(records, parseJson(text, lineNumber), lineNumber);
    done += 1;
    return true;
  };

  for (let offset = 0; offset < file.size; offset += SLICE_BYTES) {
    throwIfAborted(options.signal);
    const bytes = await file.slice(offset, offset + SLICE_BYTES).arrayBuffer();
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: offset + SLICE_BYTES < file.size });
    } catch {
      throw new BackupFileError({ code: 'notUtf8' });
    }
    const lines = (pending + text).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!handleLine(line)) return undefined;
    }
    options.onProgress?.({ done, total });
    await yieldToBrowser();
  }
  if (pending !== '' && !handleLine(pending)) return undefined;

  if (!header) return undefined;
  if (!finished) throw new BackupFileError({ code: 'endsEarly', line: lineNumber });
  return { header, records };
}

/** Reads a backup whose layout was changed (re-indented), parsing the whole text at once. */
async function readWholeFile(file: Blob): Promise<ParsedBackup> {
  const parsed = parseJson((await file.text()).replace(/^\uFEFF/, '')) as {
    header?: unknown;
    records?: unknown;
  };
  if (!parsed || typeof parsed !== 'object') throw new BackupFileError({ code: 'notABackup' });
  const header = checkHeader(parsed.header);
  if (!Array.isArray(parsed.records)) throw new BackupFileError({ code: 'notABackup' });

  const records = emptyRecords();
  parsed.records.forEach((entry, index) => addRecord(records, entry, index + 1));
  return { header, records };
}

/**
 * Reads and checks a backup file without changing anything stored. A file
 * that is not a backup, of another version, or with any invalid record is
 * rejected with the reason and, for a record, its line.
 */
export async function readBackupFile(
  file: Blob,
  options: ReadOptions = {},
): Promise<BackupReadResult> {
  try {
    const backup = (await readLineLayout(file, options)) ?? (await readWholeFile(file));
    return { ok: true, backup };
  } catch (error) {
    if (error instanceof BackupFileError) return { ok: false, error: error.error };
    throw error;
  }
}
