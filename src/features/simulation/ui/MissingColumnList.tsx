import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatProblem, type FlowDocument, type FlowProblem } from '@sras/engine';
import { paths } from '../../../app/paths';
import { useFormat } from '../../../i18n/useFormat';
import { useNodeName } from './useNodeName';

interface MissingColumnListProps {
  /** `field-not-in-dataset` problems of the flow against the chosen dataset. */
  problems: readonly FlowProblem[];
  document: FlowDocument;
  flowId: string;
  /** After a run: leads that entered each node, by node id. */
  reached?: Readonly<Record<string, number>>;
}

/**
 * Names each column that a node reads but the dataset lacks, with the node
 * and what to do: map a column when importing, or change the node. After a
 * run it also states how many leads reached the node with the column empty.
 * Renders nothing when no column is missing.
 */
export function MissingColumnList({ problems, document, flowId, reached }: MissingColumnListProps) {
  const { t, i18n } = useTranslation('simulation');
  const format = useFormat();
  const nodeName = useNodeName(document);
  if (problems.length === 0) return null;

  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  return (
    <Alert
      color="yellow"
      title={t('missingColumns.title', { count: problems.length })}
      data-testid="missing-columns"
    >
      <Stack gap={4}>
        {problems.map((problem, index) => {
          const nodeId = problem.nodeId ?? '';
          const count = reached?.[nodeId];
          return (
            <Text size="sm" key={`${nodeId}-${index}`} data-testid="missing-column">
              {t('problemAtNode', {
                node: nodeName(nodeId),
                message: formatProblem(problem, language),
              })}
              {count !== undefined &&
                ` ${t('missingColumns.reached', { count, formatted: format.number(count) })}`}
            </Text>
          );
        })}
        <Group gap="md">
          <Anchor component={Link} to={paths.data()} size="sm">
            {t('missingColumns.importAgain')}
          </Anchor>
          <Anchor component={Link} to={paths.flowEditor(flowId)} size="sm">
            {t('missingColumns.editFlow')}
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}
