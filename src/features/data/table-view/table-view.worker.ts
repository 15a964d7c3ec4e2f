/// <reference lib="webworker" />
/** Entry of the table-view worker: searches, sorts and pages a dataset off the main thread. */
import { getDatabase } from '../../../storage/db';
import { TableViewSession } from './table-view.session';
import type { TableViewRequest, TableViewResponse } from './table-view.protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new TableViewSession(
  (message: TableViewResponse) => scope.postMessage(message),
  getDatabase,
);

// Messages are handled one after another, so a page never comes from a half-applied query.
let queue = Promise.resolve();
scope.addEventListener('message', (event: MessageEvent<TableViewRequest>) => {
  queue = queue.then(() => session.handle(event.data));
});
