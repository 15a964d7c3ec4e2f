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

interface SimulationCanvasProps {
  document: FlowDocument;
  summary: RunSummary;
  /** The selected lead's route as `nodeId:handle` steps, and the node it ended at. */
  route: readonly string[] | null;
  endNodeId: string | null;
  height: number | string;
}

/** The flow as it ran, with lead counts on every node and edge and the selected lead's route. */
export function SimulationCanvas({
  document,
  summary,
  route,
  endNodeId,
  height,
}: SimulationCanvasProps) {
  const format = useFormat();
  const overlay = useMemo<SimulationOverlay>(() => {
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
  }, [document.edges, endNodeId, format, route, summary]);

  return (
    <SimulationOverlayContext.Provider value={overlay}>
      <div data-testid="simulation-canvas" style={{ height }}>
        <FlowCanvasView document={document} height={height} />
      </div>
    </SimulationOverlayContext.Provider>
  );
}
