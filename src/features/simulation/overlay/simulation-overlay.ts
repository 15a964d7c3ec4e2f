/**
 * The simulation's layer over a flow canvas: how many leads entered each
 * node and went along each edge, and the route of the selected lead. The
 * simulation screen provides it; the editor's node cards and the read-only
 * canvas read it through the hooks in useSimulationOverlay.ts, and show
 * nothing where no overlay is provided.
 */
import { createContext } from 'react';
import type { Edge } from '@xyflow/react';

export interface SimulationOverlay {
  nodeCounts: Readonly<Record<string, number>>;
  edgeCounts: Readonly<Record<string, number>>;
  /** Nodes and edges of the selected lead's route; empty when none is selected. */
  routeNodeIds: ReadonlySet<string>;
  routeEdgeIds: ReadonlySet<string>;
  /** Formats a count for the current language. */
  formatCount: (count: number) => string;
}

export const SimulationOverlayContext = createContext<SimulationOverlay | null>(null);

/** The edges of a route given as `nodeId:handle` steps. */
export function routeEdgeIds(
  route: readonly string[],
  edges: readonly { id: string; source: string; sourceHandle?: string | null }[],
): Set<string> {
  const ids = new Set<string>();
  for (const step of route) {
    const separator = step.indexOf(':');
    const nodeId = step.slice(0, separator);
    const handle = step.slice(separator + 1);
    const edge = edges.find(
      (candidate) => candidate.source === nodeId && candidate.sourceHandle === handle,
    );
    if (edge) ids.add(edge.id);
  }
  return ids;
}

/** Edges labelled with their counts, the selected route's edges drawn thick and animated. */
export function withEdgeOverlay<E extends Edge>(
  edges: E[],
  overlay: SimulationOverlay | null,
): E[] {
  if (overlay === null) return edges;
  const routeShown = overlay.routeEdgeIds.size > 0;
  return edges.map((edge) => {
    const onRoute = overlay.routeEdgeIds.has(edge.id);
    const count = overlay.edgeCounts[edge.id] ?? 0;
    return {
      ...edge,
      label: overlay.formatCount(count),
      labelShowBg: true,
      labelBgPadding: [6, 2] as [number, number],
      labelBgBorderRadius: 4,
      labelStyle: { fontWeight: 600, fontSize: 12 },
      animated: onRoute,
      style: {
        ...edge.style,
        strokeWidth: onRoute ? 3 : 1.5,
        stroke: onRoute ? 'var(--mantine-color-orange-6)' : undefined,
        opacity: routeShown && !onRoute ? 0.35 : 1,
      },
      data: { ...edge.data, simulationCount: count },
    };
  });
}
