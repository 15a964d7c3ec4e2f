import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PoolFairness } from './fairness';
import { TableExportMenu } from './TableExportMenu';
import { useDashboardFormat } from './useDashboardFormat';

/** Each round-robin pool's actual shares against the shares its weights promise. */
export function FairnessPanel({
  pools,
  repName,
  threshold,
  hasRuns,
}: {
  pools: PoolFairness[];
  repName: (id: string) => string;
  threshold: number;
  hasRuns: boolean;
}) {
  const { t } = useTranslation('dashboard');
  const format = useDashboardFormat();

  return (
    <Paper withBorder p="sm" data-testid="fairness-panel">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('fairness.title')}
        </Title>
        {pools.length === 0 && (
          <Text size="sm" c="dimmed">
            {hasRuns ? t('fairness.noPools') : t('fairness.noRuns')}
          </Text>
        )}
        {pools.map((pool) => (
          <Stack key={pool.nodeId} gap={4}>
            <Group justify="space-between">
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {pool.label ?? pool.nodeId}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('fairness.leads', { count: pool.total })}
                </Text>
                {pool.alert && (
                  <Badge color="red">
                    {t('fairness.alert', { threshold: format.percent(threshold) })}
                  </Badge>
                )}
                {pool.tooFewLeads && (
                  <Badge color="gray" variant="light">
                    {t('fairness.tooFew')}
                  </Badge>
                )}
              </Group>
              <TableExportMenu
                label={pool.label ?? pool.nodeId}
                fileName={`${t('fairness.file')}-${pool.label ?? pool.nodeId}`}
                rows={() => [
                  [
                    t('columns.rep'),
                    t('fairness.weight'),
                    t('fairness.count'),
                    t('fairness.expectedShare'),
                    t('fairness.actualShare'),
                    t('fairness.deviation'),
                  ],
                  ...pool.rows.map((row) => [
                    repName(row.repId),
                    row.weight,
                    row.count,
                    Number((row.expectedShare * 100).toFixed(1)),
                    Number((row.actualShare * 100).toFixed(1)),
                    Number((row.deviation * 100).toFixed(1)),
                  ]),
                ]}
              />
            </Group>
            <Table
              withTableBorder
              verticalSpacing={4}
              style={{ fontVariantNumeric: 'tabular-nums' }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.rep')}</Table.Th>
                  <Table.Th ta="right">{t('fairness.weight')}</Table.Th>
                  <Table.Th ta="right">{t('fairness.count')}</Table.Th>
                  <Table.Th ta="right">{t('fairness.expectedShare')}</Table.Th>
                  <Table.Th ta="right">{t('fairness.actualShare')}</Table.Th>
                  <Table.Th ta="right">{t('fairness.deviation')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pool.rows.map((row) => (
                  <Table.Tr key={row.repId} c={row.alert ? 'red' : undefined}>
                    <Table.Td>{repName(row.repId)}</Table.Td>
                    <Table.Td ta="right">{format.number(row.weight, 2)}</Table.Td>
                    <Table.Td ta="right">{format.number(row.count)}</Table.Td>
                    <Table.Td ta="right">{format.percent(row.expectedShare)}</Table.Td>
                    <Table.Td ta="right">{format.percent(row.actualShare)}</Table.Td>
                    <Table.Td ta="right">
                      {row.deviation > 0 ? '+' : ''}
                      {format.percent(row.deviation)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
