import { Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FlowNode, FlowProblem } from '@sras/engine';
import { problemMessage } from './problem-message';
import { useNodeLabels } from './useNodeLabels';
import classes from './ProblemItem.module.css';

export interface ProblemItemProps {
  problem: FlowProblem;
  node: FlowNode | undefined;
  /** Shown before the message, such as the node's type name. */
  prefix?: string;
  onSelect?: (problem: FlowProblem) => void;
}

/** One problem: severity icon and message; a button that shows the node when it names one. */
export function ProblemItem({ problem, node, prefix, onSelect }: ProblemItemProps) {
  const { t } = useTranslation('editor');
  const labels = useNodeLabels();
  const isError = problem.severity === 'error';
  const message = problemMessage(problem, node, t, labels);
  const content = (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <ThemeIcon
        size="sm"
        variant="transparent"
        color={isError ? 'red' : 'yellow.7'}
        aria-label={t(isError ? 'problems.error' : 'problems.warning')}
      >
        {isError ? <IconAlertCircle size={16} /> : <IconAlertTriangle size={16} />}
      </ThemeIcon>
      <Text size="xs" style={{ flex: 1 }}>
        {prefix && (
          <Text span size="xs" fw={600}>
            {prefix}
            {' · '}
          </Text>
        )}
        {message}
      </Text>
    </Group>
  );

  if (!onSelect || !problem.nodeId) return <div className={classes.item}>{content}</div>;
  return (
    <UnstyledButton
      className={classes.item}
      onClick={() => onSelect(problem)}
      data-testid="problem-item"
      data-problem-code={problem.code}
    >
      {content}
    </UnstyledButton>
  );
}
