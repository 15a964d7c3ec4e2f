/// <reference lib="webworker" />
/** Entry of the plan-edit worker: re-spreads edited totals off the main thread. */
import { handlePlanEditRequest } from './plan-edit.handler';
import type { PlanEditRequest } from './plan-edit.protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// Each edit is synchronous, so replies go out in the order the requests arrive.
scope.addEventListener('message', (event: MessageEvent<PlanEditRequest>) => {
  scope.postMessage(handlePlanEditRequest(event.data));
});
