import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import { getDatabase } from '../../../storage/db';
import type { DatasetRecord } from '../../../storage/records';
import { ImportSession } from '../import/import-session';
import type {
  ImportWorkerRequest,
  ImportWorkerResponse,
  ParseSettings,
} from '../import/import-worker.protocol';
import type { WorkerPort } from '../import/import-worker.client';

/** A real file of the import package's fixtures (public exports, kept byte for byte). */
export function realFile(name: string): File {
  const path = resolve(process.cwd(), 'packages/import/test/fixtures', name);
  return new File([readFileSync(path)], name);
}

/** A UTF-8 text file. */
export function textFile(name: string, text: string): File {
  return new File([new TextEncoder().encode(text)], name);
}

export const DEFAULT_SETTINGS: ParseSettings = {
  headerRow: 'auto',
  mapping: {},
  columnTypes: {},
  keptPlaceholders: [],
  kind: 'leads',
};

/**
 * Runs an `ImportSession` in the test's own thread on the test database and
 * records what it posts. `send` resolves with the final answer to a request.
 */
export function createSessionHarness() {
  const messages: ImportWorkerResponse[] = [];
  const listeners: ((message: ImportWorkerResponse) => void)[] = [];
  const session = new ImportSession((message) => {
    messages.push(message);
    for (const listener of listeners) listener(message);
  }, getDatabase);
  let nextId = 1;

  const send = async (request: ImportWorkerRequest): Promise<ImportWorkerResponse> => {
    await session.handle(request);
    const answer = [...messages]
      .reverse()
      .find((message) => message.requestId === request.requestId && message.type !== 'progress');
    if (!answer) throw new Error(`No answer to request ${request.requestId}`);
    return answer;
  };

  return {
    session,
    messages,
    onMessage: (listener: (message: ImportWorkerResponse) => void) => listeners.push(listener),
    nextId: () => nextId++,
    send,
    async open(file: File) {
      return send({ type: 'open', requestId: nextId++, file });
    },
    async parse(settings: Partial<ParseSettings> = {}) {
      const answer = await send({
        type: 'parse',
        requestId: nextId++,
        settings: { ...DEFAULT_SETTINGS, ...settings },
      });
      if (answer.type !== 'parsed') throw new Error(`Parse answered ${JSON.stringify(answer)}`);
      return answer.analysis;
    },
  };
}

/** A worker port that runs the import session in this thread, for rendering the wizard in jsdom. */
export function createInProcessPort(): WorkerPort {
  const listeners: ((event: MessageEvent<ImportWorkerResponse>) => void)[] = [];
  const session = new ImportSession((message) => {
    // Deliver asynchronously, as a worker would.
    setTimeout(() => {
      for (const listener of listeners)
        listener({ data: message } as MessageEvent<ImportWorkerResponse>);
    }, 0);
  }, getDatabase);

  return {
    postMessage: (message) => void session.handle(message),
    addEventListener: (_type, listener) => listeners.push(listener),
    terminate: () => undefined,
  };
}

/**
 * Imports one file through the import session once per entry of
 * `importTimes` (epoch milliseconds), the way a manager imports a new copy
 * of the same spreadsheet, and returns the stored datasets in that order.
 * They share the file's name.
 */
export async function importSameFileAt(
  file: File,
  importTimes: readonly number[],
  settings: Partial<ParseSettings> = {},
): Promise<DatasetRecord[]> {
  const stored: DatasetRecord[] = [];
  for (const importTime of importTimes) {
    const harness = createSessionHarness();
    await harness.open(file);
    await harness.parse(settings);

    const now = vi.spyOn(Date, 'now').mockReturnValue(importTime);
    try {
      const answer = await harness.send({
        type: 'store',
        requestId: harness.nextId(),
        name: file.name,
      });
      if (answer.type !== 'stored')
        throw new Error(`Expected a stored dataset, got ${JSON.stringify(answer)}`);
      stored.push(answer.dataset);
    } finally {
      now.mockRestore();
    }
  }
  return stored;
}
