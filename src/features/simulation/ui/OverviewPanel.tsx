import {
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowDocument, FlowProblem } from '@sras/engine';
import { useFormat } from '../../../i18n/useFormat';
import type { CapacityUse, RunOverview, UnassignedGroup } from '../engine/run-overview';
import type { ResultQuery } from '../engine/result-query';
import { isMissingColumn } from '../engine/missing-columns';
import type { DatasetColumn } from '../../../storage/records';
import { CapNoteList } from './CapNoteList';
import { fieldLabelFromColumns } from './column-headers';
import { MissingColumnList } from './MissingColumnList';
import { RepShareBars } from './RepShareBars';
import { useNodeName } from './useNodeName';
import { useStagedReveal } from './useStagedReveal';

interface OverviewPanelProps {
  overview: RunOverview;
  document: FlowDocument;
  flowId: string;
  /** The run's flow warnings; those about columns the dataset lacks are listed here. */
  warnings: readonly FlowProblem[];
  /** The dataset's columns, whose headers name the fields in the notes. */
  columns: readonly DatasetColumn[];
  onShowLeads: (query: ResultQuery) => void;
}

function StatCard({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  detail?: string;
  testId: string;
}) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}

/**
 * The result cards: totals, leads per rep against their weights, capacity
 * use and unassigned reasons. The totals mount first, the rest in the next
 * frames, so that no single commit blocks the page.
 */
export function OverviewPanel({
  overview,
  document,
  flowId,
  warnings,
  columns,
  onShowLeads,
}: OverviewPanelProps) {
  const { t } = useTranslation('simulation');
  const format = useFormat();
  const nodeName = useNodeName(document);
  const stage = useStagedReveal(overview, 3);
  const { summary } = overview;
  const percent = (count: number) =>
    summary.total === 0
      ? ''
      : format.number(count / summary.total, { style: 'percent', maximumFractionDigits: 1 });

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <StatCard
          label={t('cards.total')}
          value={format.number(summary.total)}
          testId="card-total"
        />
        <StatCard
          label={t('cards.assigned')}
          value={format.number(summary.assigned)}
          detail={percent(summary.assigned)}
          testId="card-assigned"
        />
        <StatCard
          label={t('cards.unassigned')}
          value={format.number(summary.unassigned)}
          detail={percent(summary.unassigned)}
          testId="card-unassigned"
        />
        <StatCard
          label={t('cards.duplicates')}
          value={format.number(summary.duplicates.keptWithExistingOwner)}
          detail={t('cards.duplicatesFound', { count: summary.duplicates.found })}
          testId="card-duplicates"
        />
      </SimpleGrid>

      <MissingColumnList
        problems={warnings.filter(isMissingColumn)}
        document={document}
        flowId={flowId}
        reached={summary.byNode}
      />

      {stage >= 2 && (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('reps.title')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('reps.help')}
            </Text>
            {overview.reps.length === 0 ? (
              <Text size="sm">{t('reps.empty')}</Text>
            ) : (
              <>
                <RepShareBars reps={overview.reps} />
                <Table striped data-testid="simulation-rep-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('reps.rep')}</Table.Th>
                      <Table.Th ta="right">{t('reps.assigned')}</Table.Th>
                      <Table.Th ta="right">{t('reps.promised')}</Table.Th>
                      <Table.Th ta="right">{t('reps.deviation')}</Table.Th>
                      <Table.Th ta="right">{t('reps.existingOwner')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {overview.reps.map((rep) => (
                      <Table.Tr key={rep.repId} data-testid={`rep-row-${rep.repId}`}>
                        <Table.Td>
                          <Button
                            variant="subtle"
                            size="compact-sm"
                            onClick={() => onShowLeads({ ownerId: rep.repId })}
                          >
                            {rep.name}
                          </Button>
                          {!rep.active && (
                            <Badge size="xs" color="gray" ml={4}>
                              {t('reps.inactive')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td ta="right" data-testid={`rep-assigned-${rep.repId}`}>
                          {format.number(rep.assigned)}
                        </Table.Td>
                        <Table.Td ta="right">
                          {format.number(rep.promised, { maximumFractionDigits: 1 })}
                        </Table.Td>
                        <Table.Td
                          ta="right"
                          c={
                            Math.abs(rep.deviation) >= 1
                              ? rep.deviation > 0
                                ? 'orange'
                                : 'blue'
                              : undefined
                          }
                        >
                          {format.number(rep.deviation, {
                            maximumFractionDigits: 1,
                            signDisplay: 'exceptZero',
                          })}
                        </Table.Td>
                        <Table.Td ta="right">{format.number(rep.existingOwner)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )}
          </Stack>
        </Paper>
      )}

      {stage >= 3 && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('unassigned.title')}
              </Title>
              <CapNoteList
                notes={overview.capNotes ?? []}
                nodeName={nodeName}
                fieldLabel={fieldLabelFromColumns(columns)}
              />
              {overview.unassigned.length === 0 ? (
                <Text size="sm">{t('unassigned.none')}</Text>
              ) : (
                overview.unassigned.map((group) => (
                  <UnassignedRow
                    key={`${group.reason}-${group.nodeId}-${group.handle ?? ''}`}
                    group={group}
                    nodeName={nodeName}
                    onShowLeads={onShowLeads}
                  />
                ))
              )}
            </Stack>
          </Paper>
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('capacity.title')}
              </Title>
              <Text size="xs" c="dimmed">
                {t('capacity.help')}
              </Text>
              <Table data-testid="simulation-capacity-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reps.rep')}</Table.Th>
                    <Table.Th>{t('capacity.day')}</Table.Th>
                    <Table.Th>{t('capacity.week')}</Table.Th>
                    <Table.Th>{t('capacity.month')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {overview.capacity
                    .filter(
                      (rep) =>
                        rep.month.used > 0 ||
                        rep.day.limit !== null ||
                        rep.week.limit !== null ||
                        rep.month.limit !== null,
                    )
                    .map((rep) => (
                      <Table.Tr key={rep.repId}>
                        <Table.Td>{rep.name}</Table.Td>
                        <CapacityCell use={rep.day} />
                        <CapacityCell use={rep.week} />
                        <CapacityCell use={rep.month} />
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Stack>
          </Paper>
        </SimpleGrid>
      )}
    </Stack>
  );
}

function CapacityCell({ use }: { use: CapacityUse }) {
  const { t } = useTranslation('simulation');
  const format = useFormat();
  const text =
    use.limit === null
      ? t('capacity.noLimit', { used: format.number(use.used) })
      : t('capacity.use', { used: format.number(use.used), limit: format.number(use.limit) });
  const full = use.limit !== null && use.used >= use.limit;
  return (
    <Table.Td>
      <Tooltip label={use.period ?? '-'} disabled={use.period === null}>
        <Text size="sm" c={full ? 'red' : undefined} fw={full ? 600 : undefined}>
          {text}
        </Text>
      </Tooltip>
    </Table.Td>
  );
}

function UnassignedRow({
  group,
  nodeName,
  onShowLeads,
}: {
  group: UnassignedGroup;
  nodeName: (nodeId: string) => string;
  onShowLeads: (query: ResultQuery) => void;
}) {
  const { t } = useTranslation('simulation');
  const format = useFormat();
  const node = nodeName(group.nodeId);
  const label =
    group.reason === 'no-route'
      ? t('unassigned.noRoute', { node, handle: group.handle ?? '' })
      : group.poolReason
        ? t('unassigned.poolReason', { node, reason: group.poolReason })
        : t('unassigned.pool', { node });
  return (
    <Group justify="space-between" wrap="nowrap" data-testid="unassigned-group">
      <Text size="sm">{label}</Text>
      <Group gap="xs" wrap="nowrap">
        <Text fw={600}>{format.number(group.count)}</Text>
        <Button
          variant="subtle"
          size="compact-xs"
          onClick={() => onShowLeads({ reason: group.reason, nodeId: group.nodeId })}
        >
          {t('unassigned.show')}
        </Button>
      </Group>
    </Group>
  );
}
