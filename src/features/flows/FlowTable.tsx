import { Anchor, Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { hasScreenFor } from '../../app/routes';
import { useFormat } from '../../i18n/useFormat';
import type { FlowRecord } from '../../storage/records';
import { flowDisplayName } from './flow-display-name';
import { FlowRowMenu, type FlowRowHandlers } from './FlowRowMenu';
import classes from './FlowTable.module.css';

interface FlowTableProps extends FlowRowHandlers {
  flows: FlowRecord[];
}

function flowLinks(flow: FlowRecord): { labelKey: string; to: string }[] {
  const candidates = [
    { labelKey: 'row.open', to: paths.flowEditor(flow.id) },
    { labelKey: 'row.versions', to: paths.versions(flow.id) },
  ];
  return candidates.filter((link) => hasScreenFor(link.to));
}

/** The stored flows with their name, size, state and last edit. */
export function FlowTable({ flows, ...handlers }: FlowTableProps) {
  const { t } = useTranslation('flows');
  const format = useFormat();

  return (
    <Table highlightOnHover verticalSpacing="sm" layout="fixed" data-testid="flow-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('columns.name')}</Table.Th>
          <Table.Th w={120}>{t('columns.nodes')}</Table.Th>
          <Table.Th w={120}>{t('columns.status')}</Table.Th>
          <Table.Th w={200}>{t('columns.updatedAt')}</Table.Th>
          <Table.Th w={60}>
            <VisuallyHidden>{t('columns.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {flows.map((flow) => {
          const links = flowLinks(flow);
          const [openLink] = links;
          const name = flowDisplayName(flow.name, t);
          const untitled = flow.name.trim() === '';
          return (
            <Table.Tr key={flow.id} data-testid="flow-row" data-flow-id={flow.id}>
              <Table.Td>
                {openLink ? (
                  <Anchor
                    component={Link}
                    to={openLink.to}
                    fw={500}
                    fs={untitled ? 'italic' : undefined}
                    title={name}
                    className={classes.name}
                    data-testid="flow-name"
                  >
                    {name}
                  </Anchor>
                ) : (
                  <Text
                    fw={500}
                    fs={untitled ? 'italic' : undefined}
                    title={name}
                    className={classes.name}
                    data-testid="flow-name"
                  >
                    {name}
                  </Text>
                )}
                {flow.document.description && (
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {flow.document.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {t('nodeCount', {
                  count: flow.document.nodes.length,
                  formatted: format.number(flow.document.nodes.length),
                })}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {flow.publishedVersionId ? (
                    <Badge color="green" variant="light">
                      {t('status.published')}
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="light">
                      {t('status.draft')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{format.dateTime(flow.updatedAt)}</Table.Td>
              <Table.Td>
                <FlowRowMenu flow={flow} links={links} {...handlers} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
