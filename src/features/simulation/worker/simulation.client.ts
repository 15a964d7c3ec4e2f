/**
 * The screen's side of the simulation worker: one promise per request,
 * progress through a callback, and cancel. One worker serves the whole app,
 * started on first use, so results survive leaving and reopening the screen.
 */
import type { MessageLanguage } from '@sras/engine';
import type { ResultQuery } from '../engine/result-query';
import type {
  LeadTraceAnswer,
  PageRow,
  RunReady,
  RunSettings,
  SaveRunDetails,
  SimulationAnswer,
  SimulationFailure,
  SimulationRequest,
  SimulationResponse,
  Slot,
} from './simulation.protocol';
import type { BacktestSummary } from '../engine/backtest';

/** What the client needs of a Web Worker; tests pass an in-process one. */
export interface SimulationPort {
  postMessage(message: SimulationRequest): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<SimulationResponse>) => void,
  ): void;
}

export interface SimulationProgress {
  phase: 'load' | 'run' | 'write' | 'search';
  done: number;
  total: number;
}

/** A request that ended without a result: cancelled, or failed with a reason. */
export class SimulationRequestError extends Error {
  constructor(
    readonly failure: SimulationFailure | null,
    readonly cancelled: boolean,
  ) {
    super(
      cancelled ? 'The request was cancelled.' : `The simulation failed: ${failure?.code ?? ''}`,
    );
    this.name = cancelled ? 'AbortError' : 'SimulationRequestError';
  }
}

interface Pending {
  resolve: (answer: SimulationAnswer) => void;
  reject: (error: SimulationRequestError) => void;
  onProgress?: (progress: SimulationProgress) => void;
}

/** A request in flight: its answer, and a way to cancel it. */
export interface RunningRequest<T> {
  requestId: number;
  result: Promise<T>;
  cancel: () => void;
}

type RequestWithoutId = SimulationRequest extends infer R
  ? R extends { requestId: number }
    ? Omit<R, 'requestId'>
    : never
  : never;

export class SimulationClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly port: SimulationPort) {
    port.addEventListener('message', (event) => this.receive(event.data));
  }

  run(
    slot: Slot,
    settings: RunSettings,
    onProgress?: (progress: SimulationProgress) => void,
  ): RunningRequest<RunReady> {
    // The worker does not send the settings back: keeping this object
    // spares a copy and keeps the flow document the same object, so the
    // canvas showing it does not lay itself out again.
    return this.start({ type: 'run', slot, settings }, onProgress, (answer) => ({
      ...expect(answer, 'run').ready,
      settings,
    }));
  }

  load(
    slot: Slot,
    runId: string,
    onProgress?: (progress: SimulationProgress) => void,
  ): RunningRequest<RunReady> {
    return this.start({ type: 'load', slot, runId }, onProgress, (answer) => {
      const loaded = expect(answer, 'run');
      if (loaded.settings === null)
        throw new Error(`The worker returned saved run ${runId} without its settings.`);
      return { ...loaded.ready, settings: loaded.settings };
    });
  }

  query(
    slot: Slot,
    query: ResultQuery,
    onProgress?: (progress: SimulationProgress) => void,
  ): RunningRequest<number> {
    return this.start(
      { type: 'query', slot, query },
      onProgress,
      (answer) => expect(answer, 'query').total,
    );
  }

  page(slot: Slot, start: number, count: number): Promise<PageRow[]> {
    return this.start(
      { type: 'page', slot, start, count },
      undefined,
      (answer) => expect(answer, 'page').rows,
    ).result;
  }

  explain(slot: Slot, position: number): Promise<LeadTraceAnswer> {
    return this.start(
      { type: 'explain', slot, position },
      undefined,
      (answer) => expect(answer, 'explain').trace,
    ).result;
  }

  export(
    slot: Slot,
    format: 'csv' | 'xlsx',
    language: MessageLanguage,
    onProgress?: (progress: SimulationProgress) => void,
  ): RunningRequest<{ file: Blob; fileName: string }> {
    return this.start({ type: 'export', slot, format, language }, onProgress, (answer) => {
      const file = expect(answer, 'export');
      return { file: file.file, fileName: file.fileName };
    });
  }

  save(
    slot: Slot,
    details: SaveRunDetails,
    onProgress?: (progress: SimulationProgress) => void,
  ): RunningRequest<string> {
    return this.start(
      { type: 'save', slot, details },
      onProgress,
      (answer) => expect(answer, 'save').runId,
    );
  }

  compare(): Promise<BacktestSummary> {
    return this.start(
      { type: 'compare' },
      undefined,
      (answer) => expect(answer, 'compare').backtest,
    ).result;
  }

  release(slot: Slot): Promise<void> {
    return this.start({ type: 'release', slot }, undefined, () => undefined).result;
  }

  private start<T>(
    request: RequestWithoutId,
    onProgress: ((progress: SimulationProgress) => void) | undefined,
    pick: (answer: SimulationAnswer) => T,
  ): RunningRequest<T> {
    const requestId = this.nextId++;
    const result = new Promise<SimulationAnswer>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
    }).then(pick);
    this.port.postMessage({ ...request, requestId } as SimulationRequest);
    return {
      requestId,
      result,
      cancel: () =>
        this.port.postMessage({ type: 'cancel', requestId: this.nextId++, target: requestId }),
    };
  }

  private receive(message: SimulationResponse): void {
    const pending = this.pending.get(message.requestId);
    if (!pending) return;
    switch (message.type) {
      case 'progress':
        pending.onProgress?.({ phase: message.phase, done: message.done, total: message.total });
        return;
      case 'done':
        this.pending.delete(message.requestId);
        pending.resolve(message.answer);
        return;
      case 'failed':
        this.pending.delete(message.requestId);
        pending.reject(new SimulationRequestError(message.failure, false));
        return;
      case 'cancelled':
        this.pending.delete(message.requestId);
        pending.reject(new SimulationRequestError(null, true));
        return;
    }
  }
}

function expect<T extends SimulationAnswer['type']>(
  answer: SimulationAnswer,
  type: T,
): Extract<SimulationAnswer, { type: T }> {
  if (answer.type !== type) throw new Error(`Expected a ${type} answer, got ${answer.type}.`);
  return answer as Extract<SimulationAnswer, { type: T }>;
}

let shared: SimulationClient | undefined;

/** The app's simulation worker client, started on first use. */
export function getSimulationClient(): SimulationClient {
  shared ??= new SimulationClient(
    new Worker(new URL('./simulation.worker.ts', import.meta.url), {
      type: 'module',
      name: 'simulation',
    }) as unknown as SimulationPort,
  );
  return shared;
}

/** Replaces the shared client, for tests that run the worker's session in-process. */
export function setSimulationClientForTesting(client: SimulationClient | undefined): void {
  shared = client;
}
