import { memo } from 'react';
import { Group, ScrollArea, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEditorEnvironment } from '../environment/EditorEnvironment';
import { getNodeTypeSpec } from '../model/node-catalog';
import { useEditorActions, useFlowNodesIgnoringMoves } from '../store/editor-selectors';
import { ProblemItem } from './ProblemItem';

/**
 * Every validation problem of the flow; clicking one selects and centres its
 * node and focuses the field. Memoised: the editor around it re-renders on
 * every autosave status change, and the list can be long.
 */
export const ProblemsPanel = memo(function ProblemsPanel({
  onShowNode,
}: {
  onShowNode?: () => void;
}) {
  const { t } = useTranslation('editor');
  const { problems } = useEditorEnvironment();
  const nodes = useFlowNodesIgnoringMoves();
  const { requestFieldFocus } = useEditorActions();
  const nodesById = new Map(nodes.map((node) => [node.id, node]));
  const errors = problems.filter((problem) => problem.severity === 'error').length;

  if (problems.length === 0) {
    return (
      <Group gap="xs" p="md" data-testid="problems-panel">
        <IconCircleCheck size={18} color="var(--mantine-color-green-6)" aria-hidden />
        <Text size="sm">{t('problems.none')}</Text>
      </Group>
    );
  }

  return (
    <Stack gap={4} h="100%" data-testid="problems-panel">
      <Text size="xs" c="dimmed" px="sm" pt="xs">
        {t('problems.errors', { count: errors })} ·{' '}
        {t('problems.warnings', { count: problems.length - errors })}
      </Text>
      <ScrollArea style={{ flex: 1 }} px="xs">
        <Stack gap={0}>
          {problems.map((problem, index) => {
            const node = problem.nodeId ? nodesById.get(problem.nodeId) : undefined;
            const prefix = node
              ? getNodeTypeSpec(node.type)
                ? t(`nodeTypes.${node.type}.name`)
                : t('nodeTypes.unknown.name')
              : undefined;
            return (
              <ProblemItem
                key={`${problem.code}-${problem.nodeId ?? ''}-${problem.field ?? ''}-${index}`}
                problem={problem}
                node={node}
                prefix={prefix}
                onSelect={(selected) => {
                  if (!selected.nodeId) return;
                  requestFieldFocus(selected.nodeId, selected.field);
                  onShowNode?.();
                }}
              />
            );
          })}
        </Stack>
      </ScrollArea>
    </Stack>
  );
});
