import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { DEFAULT_NODE_SIZE } from '../model/auto-layout';
import { useEditorStoreApi } from '../store/EditorStoreContext';
import { findFreePosition } from './node-placement';

/** Add a node of a type in the middle of the visible canvas, clear of other nodes; returns its id. */
export function useAddNodeInView(): (type: string) => string {
  const store = useEditorStoreApi();
  const flowStore = useStoreApi();
  const { screenToFlowPosition } = useReactFlow();

  return useCallback(
    (type: string) => {
      const pane = flowStore.getState().domNode?.getBoundingClientRect();
      const center = pane
        ? screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
        : { x: 0, y: 0 };

      const { document, measured } = store.getState();
      const occupied = document.nodes.map((node) => ({
        ...node.position,
        ...(measured[node.id] ?? DEFAULT_NODE_SIZE),
      }));
      return store.getState().addNode(type, findFreePosition(center, occupied));
    },
    [flowStore, screenToFlowPosition, store],
  );
}
