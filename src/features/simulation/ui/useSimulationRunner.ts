import { useCallback, useMemo } from 'react';
import { getSimulationClient, SimulationRequestError } from '../worker/simulation.client';
import type { RunReady, RunSettings } from '../worker/simulation.protocol';
import { useSimulationStore } from './simulation.store';

/** Starts a simulation (or opens a saved run) in the worker and tracks it in the store. */
export function useSimulationRunner(flowId: string) {
  const track = useCallback(
    async (
      start: () => { result: Promise<RunReady>; cancel: () => void },
      runId: string | null,
    ) => {
      const request = start();
      useSimulationStore.setState({
        progress: { phase: 'load', done: 0, total: 0 },
        cancel: request.cancel,
        failure: null,
      });
      try {
        const ready = await request.result;
        useSimulationStore.setState((state) => ({
          flowId,
          ready,
          runId,
          selected: null,
          progress: null,
          cancel: null,
          generation: state.generation + 1,
        }));
      } catch (error) {
        const failure =
          error instanceof SimulationRequestError
            ? error.cancelled
              ? null
              : error.failure
            : { code: 'unexpected', params: { message: String(error) } };
        useSimulationStore.setState({ progress: null, cancel: null, failure });
      }
    },
    [flowId],
  );

  // One object per flow, so that components given `run` or `open` need not re-render.
  return useMemo(() => {
    const onProgress = (progress: {
      phase: 'load' | 'run' | 'write' | 'search';
      done: number;
      total: number;
    }) => useSimulationStore.setState({ progress });
    return {
      run: (settings: RunSettings) =>
        track(() => getSimulationClient().run('current', settings, onProgress), null),
      open: (runId: string) =>
        track(() => getSimulationClient().load('current', runId, onProgress), runId),
    };
  }, [track]);
}
