/// <reference lib="webworker" />
/** Entry of the backup worker; see backup.session.ts. */
import { getDatabase } from '../../../storage/db';
import { BackupSession } from './backup.session';
import type { BackupRequest, BackupResponse } from './backup.protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new BackupSession(
  (message: BackupResponse) => scope.postMessage(message),
  getDatabase,
);

scope.addEventListener('message', (event: MessageEvent<BackupRequest>) => {
  void session.handle(event.data);
});
