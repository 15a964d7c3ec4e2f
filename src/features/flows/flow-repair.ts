/**
 * Repairs of a structurally valid flow document whose parts refer to each
 * other wrongly, for the flow file import. The engine's `repairFlow` does
 * the work; this module keeps the import's list of repairs.
 */
import { repairFlow, type FlowDocument } from '@sras/engine';

export type FlowRepair =
  | { kind: 'duplicateNode'; nodeId: string }
  | { kind: 'duplicateEdge'; edgeId: string }
  | { kind: 'edgeToMissingNode'; edgeId: string; missingNodeId: string };

export interface RepairedFlow {
  document: FlowDocument;
  /** What was dropped, in document order; empty when nothing needed repair. */
  repairs: FlowRepair[];
}

/**
 * Drops the parts of `document` that cannot be kept: a node whose id an
 * earlier node has, an edge whose id an earlier edge has, and an edge from or
 * to a node that does not exist. Everything else is kept unchanged,
 * unknown fields included. Edges from an unknown handle are kept: the
 * editor shows the validator's warning for them.
 */
export function repairFlowDocument(document: FlowDocument): RepairedFlow {
  const { flow, repairs } = repairFlow(document, { handles: false });

  return {
    document: flow,
    repairs: repairs.flatMap((repair): FlowRepair[] => {
      switch (repair.kind) {
        case 'node-id-duplicate':
          return [{ kind: 'duplicateNode', nodeId: repair.nodeId }];
        case 'edge-id-duplicate':
          return [{ kind: 'duplicateEdge', edgeId: repair.edgeId }];
        case 'edge-node-missing':
          return [
            {
              kind: 'edgeToMissingNode',
              edgeId: repair.edgeId,
              missingNodeId: repair.missingNodeIds[0] ?? '',
            },
          ];
        default:
          return [];
      }
    }),
  };
}
