/// <reference lib="webworker" />
/** Entry of the worker that upgrades the app's database; see storage-upgrade.ts. */
import { runStorageUpgrade } from './storage-upgrade';

const scope = self as unknown as DedicatedWorkerGlobalScope;
void runStorageUpgrade().then((result) => scope.postMessage(result));
