import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { Badge, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { hasInput, type FlowNode } from '@sras/engine';
import { useNodeSimulationOverlay } from '../../simulation';
import { useNodeProblems } from '../environment/EditorEnvironment';
import { usePresentationContext } from '../environment/usePresentationContext';
import { getNodeTypeSpec } from '../model/node-catalog';
import { describeNode, labelledHandles } from '../model/node-presentation';
import type { CanvasNode } from '../model/flow-canvas.mapping';
import { nodeIcon } from './node-icons';
import classes from './FlowNodeCard.module.css';

/**
 * React Flow passes a node's position and drag state too; the card shows
 * none of them, so it re-renders only when what it shows changes, and not on
 * every frame of its own drag.
 */
function sameCard(previous: NodeProps<CanvasNode>, next: NodeProps<CanvasNode>): boolean {
  return (
    previous.id === next.id &&
    previous.type === next.type &&
    previous.data === next.data &&
    previous.selected === next.selected
  );
}

/** The card of one node on the canvas: type, essentials, labelled outputs and a problem badge. */
export const FlowNodeCard = memo(function FlowNodeCard({
  id,
  type,
  data,
  selected,
}: NodeProps<CanvasNode>) {
  const { t } = useTranslation('editor');
  const context = usePresentationContext();
  const problems = useNodeProblems(id);
  const simulation = useNodeSimulationOverlay(id);

  const node: FlowNode = { id, type, position: { x: 0, y: 0 }, data };
  const spec = getNodeTypeSpec(type);
  const Icon = nodeIcon(type);
  const typeName = spec ? t(`nodeTypes.${type}.name`) : t('nodeTypes.unknown.name');
  const summary = describeNode(node, context);
  const handles = labelledHandles(node, t);
  const errors = problems.filter((problem) => problem.severity === 'error').length;

  return (
    <div
      className={classes.card}
      data-selected={selected || undefined}
      data-on-route={simulation?.onRoute || undefined}
      data-dimmed={simulation?.dimmed || undefined}
      data-testid={`flow-node-${id}`}
      data-node-type={type}
      style={{ ['--node-accent' as string]: `var(--mantine-color-${spec?.color ?? 'gray'}-6)` }}
    >
      {hasInput(type) && (
        <Handle
          type="target"
          position={Position.Left}
          className={classes.targetHandle}
          aria-label={t('handles.in')}
          data-testid={`handle-${id}-in`}
        />
      )}
      <div className={classes.header}>
        <ThemeIcon
          size="sm"
          variant="light"
          color={spec?.color ?? 'gray'}
          className={classes.icon}
          aria-hidden
        >
          <Icon size={14} />
        </ThemeIcon>
        <Text size="sm" fw={600} className={classes.title}>
          {typeName}
        </Text>
        {simulation && (
          <Badge size="sm" variant="light" color="orange" data-testid={`simulation-count-${id}`}>
            {simulation.count}
          </Badge>
        )}
        {problems.length > 0 && (
          <Tooltip label={t('problems.badge', { count: problems.length })} withArrow>
            <Badge
              size="sm"
              variant="filled"
              color={errors > 0 ? 'red' : 'yellow'}
              leftSection={<IconAlertTriangle size={10} aria-hidden />}
              data-testid={`problem-badge-${id}`}
              aria-label={t('problems.badge', { count: problems.length })}
            >
              {problems.length}
            </Badge>
          </Tooltip>
        )}
      </div>
      <Text size="xs" c="dimmed" className={classes.summary} title={summary}>
        {summary}
      </Text>
      {handles.length > 0 && (
        <div className={classes.outputs}>
          {handles.map((handle) => (
            <div key={handle.id} className={classes.output}>
              <Text size="xs" className={classes.outputLabel}>
                {handle.label}
              </Text>
              <Handle
                type="source"
                id={handle.id}
                position={Position.Right}
                className={classes.sourceHandle}
                aria-label={handle.label}
                data-testid={`handle-${id}-${handle.id}`}
              />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}, sameCard);
