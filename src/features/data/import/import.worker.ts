/// <reference lib="webworker" />
/**
 * Entry of the import worker: parses files and stores datasets off the main
 * thread. Started by import-worker.client.ts.
 */
import { getDatabase } from '../../../storage/db';
import { ImportSession } from './import-session';
import type { ImportWorkerRequest, ImportWorkerResponse } from './import-worker.protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new ImportSession(
  (message: ImportWorkerResponse) => scope.postMessage(message),
  getDatabase,
);

scope.addEventListener('message', (event: MessageEvent<ImportWorkerRequest>) => {
  void session.handle(event.data);
});
