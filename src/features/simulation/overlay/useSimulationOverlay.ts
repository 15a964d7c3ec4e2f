import { useContext } from 'react';
import { SimulationOverlayContext, type SimulationOverlay } from './simulation-overlay';

/** The simulation overlay of the canvas being drawn, or null outside a simulation. */
export function useSimulationOverlay(): SimulationOverlay | null {
  return useContext(SimulationOverlayContext);
}

/** One node's part of the overlay: leads that entered it, and whether it is on the selected route. */
export function useNodeSimulationOverlay(
  nodeId: string,
): { count: string; onRoute: boolean; dimmed: boolean } | null {
  const overlay = useContext(SimulationOverlayContext);
  if (overlay === null) return null;
  const onRoute = overlay.routeNodeIds.has(nodeId);
  return {
    count: overlay.formatCount(overlay.nodeCounts[nodeId] ?? 0),
    onRoute,
    dimmed: overlay.routeNodeIds.size > 0 && !onRoute,
  };
}
