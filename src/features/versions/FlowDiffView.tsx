import type { FlowEdge, FlowNode } from '@sras/engine';
import { Alert, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  isEmptyDiff,
  isMoveOnly,
  type ChangedItem,
  type FieldChange,
  type FlowDiff,
} from './flow-diff';
import { formatValue } from './format-value';

/** Column titles of the two sides; the versions panel's "Before" and "After" by default. */
export interface DiffSideLabels {
  before: string;
  after: string;
}

function ChangeTable({ changes, labels }: { changes: FieldChange[]; labels?: DiffSideLabels }) {
  const { t } = useTranslation('versions');
  return (
    <Table fz="sm" verticalSpacing={4} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">{t('compare.field')}</Table.Th>
          <Table.Th>{labels?.before ?? t('compare.before')}</Table.Th>
          <Table.Th>{labels?.after ?? t('compare.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((change) => (
          <Table.Tr key={change.path} data-testid="field-change">
            <Table.Td style={{ wordBreak: 'break-word' }}>{change.path}</Table.Td>
            <Table.Td c="red.8" style={{ wordBreak: 'break-word' }}>
              {'before' in change ? formatValue(change.before) : t('compare.absent')}
            </Table.Td>
            <Table.Td c="green.8" style={{ wordBreak: 'break-word' }}>
              {'after' in change ? formatValue(change.after) : t('compare.absent')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type Status = 'added' | 'removed' | 'changed' | 'moved';
const STATUS_COLORS: Record<Status, string> = {
  added: 'green',
  removed: 'red',
  changed: 'yellow',
  moved: 'gray',
};

function ItemCard({
  title,
  status,
  changes,
  labels,
}: {
  title: string;
  status: Status;
  changes?: FieldChange[];
  labels?: DiffSideLabels;
}) {
  const { t } = useTranslation('versions');
  return (
    <Card withBorder padding="sm" data-testid={`diff-${status}`}>
      <Group justify="space-between" mb={changes ? 'xs' : 0}>
        <Text fw={500}>{title}</Text>
        <Badge color={STATUS_COLORS[status]} variant="light">
          {t(`compare.status.${status}`)}
        </Badge>
      </Group>
      {changes && <ChangeTable changes={changes} labels={labels} />}
    </Card>
  );
}

function nodeTitle(
  t: (key: string, options?: Record<string, unknown>) => string,
  node: FlowNode,
): string {
  return `${t(`nodeTypes.${node.type}`, { defaultValue: node.type })} (${node.id})`;
}

function edgeTitle(edge: FlowEdge): string {
  return `${edge.source}${edge.sourceHandle ? `:${edge.sourceHandle}` : ''} → ${edge.target} (${edge.id})`;
}

function changedNodeStatus(item: ChangedItem<FlowNode>): Status {
  return isMoveOnly(item) ? 'moved' : 'changed';
}

/**
 * Shows a FlowDiff: document fields, then nodes and connections added,
 * removed and changed. `labels` names the two sides where "Before" and
 * "After" would mislead, as in a sync conflict.
 */
export function FlowDiffView({ diff, labels }: { diff: FlowDiff; labels?: DiffSideLabels }) {
  const { t } = useTranslation('versions');

  if (isEmptyDiff(diff)) return <Alert color="gray">{t('compare.identical')}</Alert>;

  const { nodes, edges } = diff;
  const nodeCount = nodes.added.length + nodes.removed.length + nodes.changed.length;
  const edgeCount = edges.added.length + edges.removed.length + edges.changed.length;

  return (
    <Stack>
      <Text data-testid="diff-summary">
        {t('compare.summary', {
          nodesAdded: nodes.added.length,
          nodesRemoved: nodes.removed.length,
          nodesChanged: nodes.changed.length,
          edgesAdded: edges.added.length,
          edgesRemoved: edges.removed.length,
          edgesChanged: edges.changed.length,
        })}
      </Text>
      {diff.document.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('compare.documentTitle')}
          </Title>
          <ChangeTable changes={diff.document} labels={labels} />
        </Stack>
      )}
      {nodeCount > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('compare.nodesTitle')}
          </Title>
          {nodes.added.map((node) => (
            <ItemCard key={node.id} title={nodeTitle(t, node)} status="added" />
          ))}
          {nodes.removed.map((node) => (
            <ItemCard key={node.id} title={nodeTitle(t, node)} status="removed" />
          ))}
          {nodes.changed.map((item) => (
            <ItemCard
              key={item.id}
              title={nodeTitle(t, item.after)}
              status={changedNodeStatus(item)}
              changes={item.changes}
              labels={labels}
            />
          ))}
        </Stack>
      )}
      {edgeCount > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('compare.edgesTitle')}
          </Title>
          {edges.added.map((edge) => (
            <ItemCard key={edge.id} title={edgeTitle(edge)} status="added" />
          ))}
          {edges.removed.map((edge) => (
            <ItemCard key={edge.id} title={edgeTitle(edge)} status="removed" />
          ))}
          {edges.changed.map((item) => (
            <ItemCard
              key={item.id}
              title={edgeTitle(item.after)}
              status="changed"
              changes={item.changes}
              labels={labels}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
