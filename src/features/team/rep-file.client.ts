/** The Team screen's side of the rep-file worker. */
import type { RepTableLanguage, RepTableResult, RepTableWriteEntry } from '@sras/import';
import type { RepFileFormat, RepFileRequest, RepFileResponse } from './rep-file.protocol';
import { handleRepFileRequest } from './rep-file.session';

type Send = (request: RepFileRequest) => Promise<RepFileResponse>;

let send: Send | null = null;

function getSend(): Send {
  if (send) return send;
  // Without Web Workers (jsdom tests) the requests run in this thread.
  if (typeof Worker === 'undefined') {
    send = handleRepFileRequest;
    return send;
  }

  const worker = new Worker(new URL('./rep-file.worker.ts', import.meta.url), {
    type: 'module',
    name: 'rep-file',
  });
  const pending = new Map<number, (response: RepFileResponse) => void>();
  worker.addEventListener('message', (event: MessageEvent<RepFileResponse>) => {
    pending.get(event.data.requestId)?.(event.data);
    pending.delete(event.data.requestId);
  });
  send = (request) =>
    new Promise((resolve) => {
      pending.set(request.requestId, resolve);
      worker.postMessage(request);
    });
  return send;
}

let nextId = 1;

/** Reads a rep table (CSV, TSV, TXT, XLSX or XLS); problems are in the result, never thrown. */
export async function readRepFile(file: File): Promise<RepTableResult> {
  const response = await getSend()({ type: 'read', requestId: nextId++, file });
  if (response.type === 'failed') throw new Error(response.message);
  if (response.type !== 'read') throw new Error('The rep-file worker sent no table.');
  return response.result;
}

/** Writes reps as a CSV or XLSX file in the headers of `language`. */
export async function writeRepFile(
  reps: RepTableWriteEntry[],
  format: RepFileFormat,
  language: RepTableLanguage,
): Promise<Uint8Array> {
  const response = await getSend()({ type: 'write', requestId: nextId++, reps, format, language });
  if (response.type === 'failed') throw new Error(response.message);
  if (response.type !== 'written') throw new Error('The rep-file worker sent no file.');
  return response.bytes;
}
