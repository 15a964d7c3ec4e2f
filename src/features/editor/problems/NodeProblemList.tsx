import { Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNodeProblems } from '../environment/EditorEnvironment';
import { handleLabel } from '../model/node-presentation';
import { useEditorActions, useFlowNode } from '../store/editor-selectors';
import { ProblemItem } from './ProblemItem';

/** Unconnected outputs beyond this many are listed on one line, so a region preset does not bury the form. */
const MAX_SEPARATE_UNCONNECTED = 2;

/** List the selected node's problems above its form; each one focuses its field. */
export function NodeProblemList({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation('editor');
  const problems = useNodeProblems(nodeId);
  const node = useFlowNode(nodeId);
  const { requestFieldFocus } = useEditorActions();
  if (problems.length === 0) return null;

  const unconnected = problems.filter((problem) => problem.code === 'handle-unconnected');
  const grouped = unconnected.length > MAX_SEPARATE_UNCONNECTED;
  const listed = grouped
    ? problems.filter((problem) => problem.code !== 'handle-unconnected')
    : problems;
  const unconnectedLabels = unconnected
    .map((problem) => String(problem.params.handle ?? ''))
    .map((handle) => (node ? handleLabel(node, handle, t) : handle));

  return (
    <Paper withBorder p={4} radius="sm" data-testid="node-problems">
      <Stack gap={0}>
        {listed.map((problem, index) => (
          <ProblemItem
            key={`${problem.code}-${problem.field ?? ''}-${index}`}
            problem={problem}
            node={node}
            onSelect={(selected) => requestFieldFocus(nodeId, selected.field)}
          />
        ))}
        {grouped && (
          <Group gap={6} wrap="nowrap" align="flex-start" px={6} py={4}>
            <ThemeIcon
              size="sm"
              variant="transparent"
              color="yellow.7"
              aria-label={t('problems.warning')}
            >
              <IconAlertTriangle size={16} />
            </ThemeIcon>
            <Text size="xs" style={{ flex: 1 }}>
              {t('problems.outputsUnconnected', {
                count: unconnected.length,
                handles: unconnectedLabels.join(t('summary.listSeparator')),
              })}
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
