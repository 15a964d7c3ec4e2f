/**
 * Messages between the simulation screen and its worker. The worker keeps
 * the per-lead results of up to three runs (the slots) and answers with the
 * small parts the screen shows: the overview, pages of the table, one
 * lead's trace, a finished file.
 */
import type {
  FlowDocument,
  FlowProblem,
  Lead,
  LeadResult,
  MessageLanguage,
  Rep,
} from '@sras/engine';
import type { BacktestSummary } from '../engine/backtest';
import type { StoredLeadResult } from '../engine/result-columns';
import type { ResultQuery } from '../engine/result-query';
import type { RunOverview } from '../engine/run-overview';

/** `current` is the simulation shown; `before` and `after` are the two sides of a backtest. */
export type Slot = 'current' | 'before' | 'after';

export interface RunSettings {
  flow: FlowDocument;
  datasetId: string;
  ownersDatasetId: string | null;
  reps: Rep[];
  /**
   * The run whose end state this run starts from (the applied run behind the
   * flow's saved state), or null for a fresh start. The worker reads that
   * state from `runStates` itself, so the page never holds it.
   */
  startRunId: string | null;
  /** Allocation time, epoch milliseconds. */
  now: number;
  timeField: string | null;
}

/** What a saved run records besides what the worker holds. */
export interface SaveRunDetails {
  runId: string;
  flowId: string;
  versionId?: string;
  flowRevision: number;
  name?: string;
}

export type SimulationRequest =
  | { type: 'run'; requestId: number; slot: Slot; settings: RunSettings }
  | { type: 'load'; requestId: number; slot: Slot; runId: string }
  | { type: 'cancel'; requestId: number; target: number }
  | { type: 'query'; requestId: number; slot: Slot; query: ResultQuery }
  | { type: 'page'; requestId: number; slot: Slot; start: number; count: number }
  | { type: 'explain'; requestId: number; slot: Slot; position: number }
  | {
      type: 'export';
      requestId: number;
      slot: Slot;
      format: 'csv' | 'xlsx';
      language: MessageLanguage;
    }
  | { type: 'save'; requestId: number; slot: Slot; details: SaveRunDetails }
  | { type: 'compare'; requestId: number }
  | { type: 'release'; requestId: number; slot: Slot };

/** A finished run as the screen sees it. */
export interface RunReady {
  overview: RunOverview;
  warnings: FlowProblem[];
  /** The run's settings with the flow it ran, for saving and for the canvas. */
  settings: RunSettings;
  leadCount: number;
}

export interface PageRow {
  position: number;
  result: StoredLeadResult;
  lead: Lead;
  /** Owner in the compared run (backtest), when a comparison is active. */
  comparedOwnerId?: string | null;
}

export interface LeadTraceAnswer {
  position: number;
  result: LeadResult;
  lead: Lead;
}

/**
 * The result of a request. A run or a load returns the overview alone,
 * because the per-lead results stay in the worker. The settings come back
 * only for a loaded run: the screen keeps those it sent with a run.
 */
export type SimulationAnswer =
  | { type: 'run'; ready: Omit<RunReady, 'settings'>; settings: RunSettings | null }
  | { type: 'query'; total: number }
  | { type: 'page'; start: number; rows: PageRow[] }
  | { type: 'explain'; trace: LeadTraceAnswer }
  | { type: 'export'; file: Blob; fileName: string }
  | { type: 'save'; runId: string }
  | { type: 'compare'; backtest: BacktestSummary }
  | { type: 'release' };

/** Why a request failed: a code under `simulation:errors`, with parameters, or the flow's problems. */
export interface SimulationFailure {
  code: string;
  params: Record<string, string | number>;
  problems?: FlowProblem[];
}

export type SimulationResponse =
  | {
      type: 'progress';
      requestId: number;
      phase: 'load' | 'run' | 'write' | 'search';
      done: number;
      total: number;
    }
  | { type: 'done'; requestId: number; answer: SimulationAnswer }
  | { type: 'failed'; requestId: number; failure: SimulationFailure }
  | { type: 'cancelled'; requestId: number };
