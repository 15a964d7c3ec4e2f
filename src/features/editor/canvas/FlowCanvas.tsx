import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  useReactFlow,
  useStore,
  type ReactFlowState,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { Stack, Text, useComputedColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { NODE_TYPES } from '@sras/engine';
import { checkConnection } from '../model/connection-rules';
import type { CanvasNode } from '../model/flow-canvas.mapping';
import { getNodeTypeSpec } from '../model/node-catalog';
import { useDeferredMount } from '../../../app/useDeferredMount';
import { useCanvasEdges, useCanvasNodes, useFieldFocus } from '../store/editor-selectors';
import { useEditorStoreApi } from '../store/EditorStoreContext';
import { applyCanvasEdgeChanges, applyCanvasNodeChanges } from './canvas-changes';
import { CanvasMinimap, isMinimapShown, MinimapToggle } from './CanvasMinimap';
import { ConnectionHint } from './ConnectionHint';
import { FlowNodeCard } from './FlowNodeCard';
import { nodeTypeFromDrag, PALETTE_DRAG_TYPE } from './palette-drag';
import { useFlowAriaLabels } from './useFlowAriaLabels';

/** Grid used when snapping is on, in flow units. */
export const SNAP_GRID: [number, number] = [16, 16];

/**
 * Above this many nodes, only the nodes and edges inside the view are
 * mounted: fewer cards to paint on each frame of a pan. Smaller flows keep
 * every card mounted, which keeps them all reachable by keyboard.
 */
export const RENDER_VISIBLE_ONLY_ABOVE = 100;

/** Below this zoom, cards are drawn without their text (see FlowNodeCard.module.css). */
export const ZOOMED_OUT_BELOW = 0.3;

const isZoomedOut = (state: ReactFlowState) => state.transform[2] < ZOOMED_OUT_BELOW;

/** Node types registered with React Flow: every known type, plus any unknown type the flow holds. */
function useNodeTypes(nodes: readonly CanvasNode[]): NodeTypes {
  const unknownKey = nodes
    .map((node) => node.type ?? '')
    .filter((type) => !getNodeTypeSpec(type))
    .sort()
    .join('\u0000');

  return useMemo(() => {
    const types: NodeTypes = {};
    for (const type of NODE_TYPES) types[type] = FlowNodeCard;
    for (const type of unknownKey.split('\u0000')) if (type !== '') types[type] = FlowNodeCard;
    return types;
  }, [unknownKey]);
}

export interface FlowCanvasProps {
  snapToGrid: boolean;
}

/** Render the editable canvas of the open flow. */
export function FlowCanvas({ snapToGrid }: FlowCanvasProps) {
  const { t } = useTranslation('editor');
  const store = useEditorStoreApi();
  const nodes = useCanvasNodes();
  const edges = useCanvasEdges();
  const nodeTypes = useNodeTypes(nodes);
  const colorScheme = useComputedColorScheme('light');
  const { screenToFlowPosition, setCenter, getZoom } = useReactFlow();
  const fieldFocus = useFieldFocus();
  const ariaLabelConfig = useFlowAriaLabels();
  const zoomedOut = useStore(isZoomedOut);
  const [minimapChoice, setMinimapChoice] = useState<boolean | null>(null);
  const minimapShown = isMinimapShown(minimapChoice, nodes.length);
  // The minimap draws every node a second time, so it waits for the cards.
  const minimapMounted = useDeferredMount();

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => applyCanvasNodeChanges(store.getState(), changes),
    [store],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => applyCanvasEdgeChanges(store.getState(), changes),
    [store],
  );

  const isValidConnection = useCallback<IsValidConnection>(
    (connection) => checkConnection(store.getState().document, connection).ok,
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => store.getState().connect(connection),
    [store],
  );

  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.toNode || !state.fromNode) return;
      const check = checkConnection(store.getState().document, {
        source: state.fromNode.id,
        sourceHandle: state.fromHandle?.id,
        target: state.toNode.id,
      });
      if (check.ok) return;
      notifications.show({
        title: t('connection.refusedTitle'),
        message: t(`engine:connection.${check.reason}`),
        color: 'red',
        autoClose: 4000,
      });
    },
    [store, t],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = nodeTypeFromDrag(event.dataTransfer);
      if (!type) return;
      event.preventDefault();

      // screenToFlowPosition works from raw client coordinates: subtracting the
      // pane's offset first would apply it twice.
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      store.getState().addNode(type, position);
    },
    [screenToFlowPosition, store],
  );

  useEffect(() => {
    if (!fieldFocus) return;
    const state = store.getState();
    const node = state.document.nodes.find((candidate) => candidate.id === fieldFocus.nodeId);
    if (!node) return;
    const size = state.measured[node.id] ?? { width: 220, height: 100 };
    void setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, {
      zoom: Math.max(getZoom(), 0.8),
      duration: 300,
    });
  }, [fieldFocus, store, setCenter, getZoom]);

  return (
    <div
      style={{ position: 'relative', width: '100%', height: '100%' }}
      data-testid="flow-canvas"
      data-zoomed-out={zoomedOut || undefined}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onDragOver={onDragOver}
        onDrop={onDrop}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        snapToGrid={snapToGrid}
        snapGrid={SNAP_GRID}
        colorMode={colorScheme}
        minZoom={0.1}
        maxZoom={2}
        onlyRenderVisibleElements={nodes.length > RENDER_VISIBLE_ONLY_ABOVE}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
        defaultEdgeOptions={{ interactionWidth: 16 }}
        aria-label={t('canvas.ariaLabel')}
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background variant={BackgroundVariant.Dots} gap={SNAP_GRID[0]} />
        {minimapShown && minimapMounted && <CanvasMinimap />}
        <Controls showInteractive={false}>
          <MinimapToggle shown={minimapShown} onChange={setMinimapChoice} />
        </Controls>
        <ConnectionHint />
      </ReactFlow>
      {nodes.length === 0 && (
        <Stack
          gap={4}
          align="center"
          style={{
            position: 'absolute',
            inset: 0,
            justifyContent: 'center',
            pointerEvents: 'none',
          }}
        >
          <Text fw={600}>{t('canvas.emptyTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('canvas.emptyBody')}
          </Text>
        </Stack>
      )}
    </div>
  );
}
