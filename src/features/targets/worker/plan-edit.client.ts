/**
 * The screen's side of the plan-edit worker: one promise per edit. One
 * worker serves the app, started on first use.
 */
import type {
  CellRef,
  PeopleSplit,
  TargetPlan,
  TargetResult,
  TimeSplit,
} from '../target-plan.types';
import type { NewTargetPlan } from '../plan-build';
import { createInProcessPort, type WorkerPort } from './in-process-port';
import { handlePlanEditRequest } from './plan-edit.handler';
import type { PlanEditRequest, PlanEditResponse } from './plan-edit.protocol';

export type PlanEditPort = WorkerPort<PlanEditRequest, PlanEditResponse>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Pending {
  resolve: (result: TargetResult<TargetPlan>) => void;
  reject: (error: Error) => void;
}

export class PlanEditClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly port: PlanEditPort) {
    port.addEventListener('message', (event) => this.receive(event.data));
  }

  /**
   * Sets a cell's value (see `setCellValue`): resolves with the new plan or
   * the problems that stopped the edit, rejects when the worker failed.
   */
  setCellValue(
    plan: TargetPlan,
    cell: CellRef,
    value: number,
    now: number,
  ): Promise<TargetResult<TargetPlan>> {
    return this.request({ type: 'setCellValue', plan, cell, value, now });
  }

  /** Creates a plan (see `createTargetPlan`). */
  createPlan(input: NewTargetPlan): Promise<TargetResult<TargetPlan>> {
    return this.request({ type: 'createPlan', input });
  }

  /** Splits a draft plan again with new methods (see `resplitTargetPlan`). */
  resplit(
    plan: TargetPlan,
    splits: { timeSplit: TimeSplit; peopleSplit: PeopleSplit },
    now: number,
  ): Promise<TargetResult<TargetPlan>> {
    return this.request({ type: 'resplit', plan, splits, now });
  }

  private request(message: DistributiveOmit<PlanEditRequest, 'requestId'>) {
    const requestId = this.nextId++;
    const result = new Promise<TargetResult<TargetPlan>>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
    });
    this.port.postMessage({ ...message, requestId } as PlanEditRequest);
    return result;
  }

  private receive(message: PlanEditResponse): void {
    const pending = this.pending.get(message.requestId);
    if (!pending) return;
    this.pending.delete(message.requestId);
    if (message.type === 'failed') pending.reject(new Error(message.message));
    else pending.resolve(message.result);
  }
}

let shared: PlanEditClient | undefined;

/**
 * The app's plan-edit client, started on first use: a module worker bundled
 * by Vite, or the same handler in this thread where `Worker` is missing.
 */
export function getPlanEditClient(): PlanEditClient {
  shared ??= new PlanEditClient(
    typeof Worker === 'function'
      ? (new Worker(new URL('./plan-edit.worker.ts', import.meta.url), {
          type: 'module',
          name: 'plan-edit',
        }) as unknown as PlanEditPort)
      : createInProcessPort<PlanEditRequest, PlanEditResponse>(
          (post) => (message) => post(handlePlanEditRequest(message)),
        ),
  );
  return shared;
}

/** Replaces the shared client, for tests that drive the screen with a port they control. */
export function setPlanEditClientForTesting(client: PlanEditClient | undefined): void {
  shared = client;
}
