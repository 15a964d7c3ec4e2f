import type { FlowDocument, FlowNode } from '@sras/engine';
import { Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { diffFields } from './flow-diff';
import { formatValue } from './format-value';

function NodeCard({ node }: { node: FlowNode }) {
  const { t } = useTranslation('versions');
  const fields = diffFields({}, node.data);

  return (
    <Card withBorder padding="sm" data-testid="structure-node">
      <Group justify="space-between" mb={fields.length > 0 ? 'xs' : 0}>
        <Text fw={500}>{t(`nodeTypes.${node.type}`, { defaultValue: node.type })}</Text>
        <Badge variant="light" color="gray" tt="none">
          {node.id}
        </Badge>
      </Group>
      {fields.length > 0 && (
        <Table withRowBorders={false} verticalSpacing={2} fz="sm">
          <Table.Tbody>
            {fields.map((field) => (
              <Table.Tr key={field.path}>
                <Table.Td c="dimmed" w="40%">
                  {field.path}
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{formatValue(field.after)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** A read-only listing of a flow's nodes and connections, field by field. */
export function FlowStructureList({ document }: { document: FlowDocument }) {
  const { t } = useTranslation('versions');
  const nodeTypes = new Map(document.nodes.map((node) => [node.id, node.type]));
  const label = (nodeId: string) => {
    const type = nodeTypes.get(nodeId);
    return type ? `${t(`nodeTypes.${type}`, { defaultValue: type })} (${nodeId})` : nodeId;
  };

  return (
    <Stack>
      <Title order={3} size="h4">
        {t('structure.nodes', { count: document.nodes.length })}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
        {document.nodes.map((node) => (
          <NodeCard key={node.id} node={node} />
        ))}
      </SimpleGrid>
      <Title order={3} size="h4">
        {t('structure.edges', { count: document.edges.length })}
      </Title>
      {document.edges.length === 0 ? (
        <Text c="dimmed">{t('structure.noEdges')}</Text>
      ) : (
        <List size="sm" data-testid="structure-edges">
          {document.edges.map((edge) => (
            <List.Item key={edge.id}>
              {t('structure.edge', {
                source: label(edge.source),
                handle: edge.sourceHandle ?? t('structure.defaultHandle'),
                target: label(edge.target),
              })}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
