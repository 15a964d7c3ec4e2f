/** Messages between the Team screen and the rep-file worker, which reads and writes rep tables. */
import type { RepTableLanguage, RepTableResult, RepTableWriteEntry } from '@sras/import';

export type RepFileFormat = 'csv' | 'xlsx';

export type RepFileRequest =
  | { type: 'read'; requestId: number; file: File }
  | {
      type: 'write';
      requestId: number;
      reps: RepTableWriteEntry[];
      format: RepFileFormat;
      language: RepTableLanguage;
    };

export type RepFileResponse =
  | { type: 'read'; requestId: number; result: RepTableResult }
  | { type: 'written'; requestId: number; bytes: Uint8Array }
  | { type: 'failed'; requestId: number; message: string };
