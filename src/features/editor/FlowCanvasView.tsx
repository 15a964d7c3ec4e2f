import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { Background, BackgroundVariant, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useComputedColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NODE_TYPES, type FlowDocument, type Rep } from '@sras/engine';
import { useSimulationOverlay, withEdgeOverlay } from '../simulation';
import { FlowNodeCard } from './canvas/FlowNodeCard';
import { useFlowAriaLabels } from './canvas/useFlowAriaLabels';
import { EditorEnvironmentProvider, type DatasetColumn } from './environment/EditorEnvironment';
import { repairDanglingEdges, toCanvas } from './model/flow-canvas.mapping';
import { useStoredDatasetColumns, useStoredReps } from './environment/useStoredEnvironment';
import { useFlowProblems } from './problems/useFlowProblems';
import type { NodeTypes } from '@xyflow/react';

export interface FlowCanvasViewProps {
  document: FlowDocument;
  /** Always read-only today; kept so that callers state it. */
  readOnly?: true;
  /** Height of the view; the width follows the container. */
  height?: number | string;
  /** Columns whose headers name the fields on the node cards; default: the stored lead datasets'. */
  datasetColumns?: readonly DatasetColumn[];
  /** The reps the flow is checked against; default: the stored team. */
  reps?: readonly Rep[];
}

const NODE_TYPE_MAP: NodeTypes = Object.fromEntries(NODE_TYPES.map((type) => [type, FlowNodeCard]));

function ReadOnlyCanvas({
  document,
  height,
  datasetColumns,
  reps: givenReps,
}: Required<Pick<FlowCanvasViewProps, 'document' | 'height'>> &
  Pick<FlowCanvasViewProps, 'datasetColumns' | 'reps'>) {
  const { t } = useTranslation('editor');
  const colorScheme = useComputedColorScheme('light');
  const canvas = useMemo(() => toCanvas(repairDanglingEdges(document).document), [document]);
  const simulation = useSimulationOverlay();
  const edges = useMemo(
    () => withEdgeOverlay(canvas.edges, simulation),
    [canvas.edges, simulation],
  );
  const storedReps = useStoredReps();
  const reps = givenReps ?? storedReps;
  const problems = useFlowProblems(document, reps);
  const storedColumns = useStoredDatasetColumns();
  const ariaLabelConfig = useFlowAriaLabels();

  return (
    <EditorEnvironmentProvider
      reps={reps}
      datasetColumns={datasetColumns ?? storedColumns}
      problems={problems}
    >
      <div style={{ width: '100%', height }} data-testid="flow-canvas-view">
        <ReactFlow
          nodes={canvas.nodes}
          edges={edges}
          nodeTypes={NODE_TYPE_MAP}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          deleteKeyCode={null}
          colorMode={colorScheme}
          fitView
          fitViewOptions={{ padding: 0.1 }}
          minZoom={0.05}
          aria-label={t('view.ariaLabel')}
          ariaLabelConfig={ariaLabelConfig}
        >
          <Background variant={BackgroundVariant.Dots} gap={16} />
        </ReactFlow>
      </div>
    </EditorEnvironmentProvider>
  );
}

/**
 * A read-only picture of a flow document, fitted to view: for version
 * viewing and template previews. Node cards look as in the editor.
 */
export function FlowCanvasView({
  document,
  height = 360,
  datasetColumns,
  reps,
}: FlowCanvasViewProps) {
  return (
    <ReactFlowProvider>
      <ReadOnlyCanvas
        document={document}
        height={height}
        datasetColumns={datasetColumns}
        reps={reps}
      />
    </ReactFlowProvider>
  );
}
