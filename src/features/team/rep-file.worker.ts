/// <reference lib="webworker" />
/** Entry of the rep-file worker: reads and writes rep tables off the main thread. */
import type { RepFileRequest } from './rep-file.protocol';
import { handleRepFileRequest } from './rep-file.session';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('message', (event: MessageEvent<RepFileRequest>) => {
  void handleRepFileRequest(event.data).then((response) => scope.postMessage(response));
});
