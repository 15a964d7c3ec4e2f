import { useMemo } from 'react';
import type { FlowDocument } from '@sras/engine';
import { FlowCanvasView } from '../../editor';
import { useFormat } from '../../../i18n/useFormat';
import {
  SimulationOverlayContext,
  routeEdgeIds,
  type SimulationOverlay,
} from '../overlay/simulation-overlay';
import type { RunSummary } from '@sras/engine';
import { useStagedReveal } from './useStagedReveal';

interface SimulationCanvasProps {
  document: FlowDocument;
  /** The run's counts; null before a run, to show the flow alone. */
  summary: RunSummary | null;
  /** The selected lead's route as `nodeId:handle` steps, and the node it ended at. */
  route: readonly string[] | null;
  endNodeId: string | null;
  height: number | string;
}

/**
 * Frames after a new result before its counts are drawn: the result cards
 * mount in the frames before, so that each frame's commit stays short.
 */
const COUNTS_STAGE = 5;

/** The flow as it ran, with lead counts on every node and edge and the selected lead's route. */
export function SimulationCanvas({
  document,
  summary,
  route,
  endNodeId,
  height,
}: SimulationCanvasProps) {
  const format = useFormat();
  const countsShown =
    useStagedReveal(summary, summary === null ? 1 : COUNTS_STAGE) === COUNTS_STAGE;
  const overlay = useMemo<SimulationOverlay | null>(() => {
    if (summary === null || !countsShown) return null;
    const nodes = new Set<string>();
    for (const step of route ?? []) nodes.add(step.slice(0, step.indexOf(':')));
    if (route && endNodeId) nodes.add(endNodeId);
    return {
      nodeCounts: summary.byNode,
      edgeCounts: summary.byEdge,
      routeNodeIds: nodes,
      routeEdgeIds: route ? routeEdgeIds(route, document.edges) : new Set<string>(),
      formatCount: (count) => format.number(count),
    };
  }, [countsShown, document.edges, endNodeId, format, route, summary]);

  // The element stays the same while the document does, so React skips the
  // canvas when only the overlay changes. The node cards read the overlay
  // from context and update alone.
  const view = useMemo(
    () => <FlowCanvasView document={document} height={height} />,
    [document, height],
  );

  return (
    <SimulationOverlayContext.Provider value={overlay}>
      <div data-testid="simulation-canvas" style={{ height }}>
        {view}
      </div>
    </SimulationOverlayContext.Provider>
  );
}
