import { memo } from 'react';
import { List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowProblem } from '@sras/engine';
import { problemMessage } from '../problems/problem-message';
import { useNodeLabels } from '../problems/useNodeLabels';
import { getNodeTypeSpec } from '../model/node-catalog';
import { useFlowNodesIgnoringMoves } from '../store/editor-selectors';

export interface PublishRefusalDialogProps {
  errors: readonly FlowProblem[];
  opened: boolean;
  onClose: () => void;
}

/** Why a flow cannot be published: every error the validator reports. */
export const PublishRefusalDialog = memo(function PublishRefusalDialog({
  errors,
  opened,
  onClose,
}: PublishRefusalDialogProps) {
  const { t } = useTranslation('editor');
  const nodes = new Map(useFlowNodesIgnoringMoves().map((node) => [node.id, node]));
  const labels = useNodeLabels();

  return (
    <Modal opened={opened} onClose={onClose} title={t('publish.refusedTitle')}>
      <Stack gap="xs">
        <Text size="sm">{t('publish.refusedBody', { count: errors.length })}</Text>
        <List size="sm" spacing={4} data-testid="publish-errors">
          {errors.map((problem, index) => {
            const node = problem.nodeId ? nodes.get(problem.nodeId) : undefined;
            const name =
              node && getNodeTypeSpec(node.type) ? `${t(`nodeTypes.${node.type}.name`)} · ` : '';
            return (
              <List.Item key={index}>{name + problemMessage(problem, node, t, labels)}</List.Item>
            );
          })}
        </List>
      </Stack>
    </Modal>
  );
});
