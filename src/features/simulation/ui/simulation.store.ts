/**
 * The simulation shown on screen: the finished run's overview (the per-lead
 * results stay in the worker), the selected lead, and the request in
 * flight. Module-level, so that the result is still there after a visit to
 * the editor, as it is in the worker.
 */
import { create } from 'zustand';
import type { SimulationFailure } from '../worker/simulation.protocol';
import type { RunReady } from '../worker/simulation.protocol';
import type { SimulationProgress } from '../worker/simulation.client';

export interface SelectedLead {
  position: number;
  route: readonly string[];
  /** The node the lead ended at. */
  endNodeId: string;
}

export interface SimulationState {
  /** Flow whose result the worker's `current` slot holds. */
  flowId: string | null;
  ready: RunReady | null;
  /** Saved run shown, when the result was opened from the list. */
  runId: string | null;
  selected: SelectedLead | null;
  progress: SimulationProgress | null;
  /** Progress of an export or a save of the shown result. */
  actionProgress: SimulationProgress | null;
  cancel: (() => void) | null;
  failure: SimulationFailure | null;
  /** Bumped after every run, so that tables ask the worker again. */
  generation: number;
}

export const useSimulationStore = create<SimulationState>(() => ({
  flowId: null,
  ready: null,
  runId: null,
  selected: null,
  progress: null,
  actionProgress: null,
  cancel: null,
  failure: null,
  generation: 0,
}));
