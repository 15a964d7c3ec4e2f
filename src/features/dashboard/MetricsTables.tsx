import { Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TargetUnit } from '../targets';
import type { Metrics, RepMetrics, TeamMetrics } from './dashboard-metrics';
import type { PaceStatus } from './pace';
import { TableExportMenu } from './TableExportMenu';
import { displayedTotal } from './total-row';
import { useDashboardFormat } from './useDashboardFormat';

const STATUS_COLORS: Record<PaceStatus, string> = {
  'no-target': 'gray',
  'not-started': 'gray',
  ahead: 'teal',
  'on-pace': 'blue',
  behind: 'red',
  ended: 'teal',
};

/** Widest a name column grows, in pixels, before the name is cut with an ellipsis. */
const NAME_COLUMN_MAX_WIDTH = 180;
/** Width of the reps table's team column, which only repeats the team names. */
const TEAM_COLUMN_MAX_WIDTH = 120;

export function PaceBadge({ status }: { status: PaceStatus }) {
  const { t } = useTranslation('dashboard');
  return (
    // The badge keeps its whole label: an auto-sized table column would otherwise squeeze it to "B".
    <Badge color={STATUS_COLORS[status]} variant="light" miw="max-content">
      {t(`pace.${status}`)}
    </Badge>
  );
}

const COLUMNS = [
  'assigned',
  'won',
  'revenue',
  'conversion',
  'daysToClose',
  'target',
  'attainment',
  'expected',
  'status',
  'gap',
  'dailyNeeded',
] as const;

function metricCells(
  metrics: Metrics,
  unit: TargetUnit,
  format: ReturnType<typeof useDashboardFormat>,
) {
  const { pace } = metrics;
  return {
    assigned: format.number(metrics.assigned),
    won: format.number(metrics.won),
    revenue: format.yuan(metrics.revenue),
    conversion: format.percent(metrics.conversionRate),
    daysToClose:
      metrics.averageDaysToClose === null ? '—' : format.number(metrics.averageDaysToClose, 1),
    target: format.amount(metrics.target, unit),
    attainment: format.percent(pace.attainment),
    expected: format.percent(pace.expectedAttainment),
    gap: pace.gap > 0 ? format.amount(pace.gap, unit) : '—',
    dailyNeeded: pace.dailyNeeded === null ? '—' : format.amount(pace.dailyNeeded, unit),
  };
}

function exportValues(metrics: Metrics): (string | number | null)[] {
  const { pace } = metrics;
  const round = (value: number | null, digits = 0) =>
    value === null ? null : Number(value.toFixed(digits));
  return [
    metrics.assigned,
    metrics.won,
    round(metrics.revenue),
    round(metrics.conversionRate === null ? null : metrics.conversionRate * 100, 1),
    round(metrics.averageDaysToClose, 1),
    round(metrics.target),
    round(pace.attainment === null ? null : pace.attainment * 100, 1),
    round(pace.expectedAttainment === null ? null : pace.expectedAttainment * 100, 1),
    pace.status,
    round(pace.gap),
    round(pace.dailyNeeded),
  ];
}

interface MetricsTableProps {
  kind: 'reps' | 'teams';
  rows: (RepMetrics | TeamMetrics)[];
  total: Metrics;
  unit: TargetUnit;
  fileName: string;
}

/** Per-rep or per-team figures with a company total row, exportable. */
export function MetricsTable({
  kind,
  rows,
  total: selectionTotal,
  unit,
  fileName,
}: MetricsTableProps) {
  const { t } = useTranslation('dashboard');
  // The total row adds up the rows as shown, so it never drifts from their sum by rounding.
  const total = displayedTotal(rows, selectionTotal);
  const format = useDashboardFormat();
  const nameOf = (row: RepMetrics | TeamMetrics) =>
    'repId' in row ? row.name : row.team === '' ? t('noTeam') : row.team;
  const title = t(kind === 'reps' ? 'tables.reps' : 'tables.teams');
  const headers = [
    t(kind === 'reps' ? 'columns.rep' : 'columns.team'),
    ...(kind === 'reps' ? [t('columns.team')] : []),
    ...COLUMNS.map((column) => t(`columns.${column}`)),
  ];

  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        <TableExportMenu
          label={title}
          fileName={fileName}
          rows={() => [
            headers,
            ...rows.map((row) => [
              nameOf(row),
              ...('repId' in row ? [row.team] : []),
              ...exportValues(row),
            ]),
            [t('total'), ...(kind === 'reps' ? [''] : []), ...exportValues(total)],
          ]}
        />
      </Group>
      <Table.ScrollContainer minWidth={1100}>
        <Table
          striped
          highlightOnHover
          withTableBorder
          verticalSpacing={6}
          data-testid={`${kind}-table`}
          style={{ fontVariantNumeric: 'tabular-nums' }}
        >
          <Table.Thead>
            <Table.Tr>
              {headers.map((header, index) => (
                // Headers may wrap, so that long English ones fit the table into a 1440 px window.
                <Table.Th key={header} ta={index < (kind === 'reps' ? 2 : 1) ? 'left' : 'right'}>
                  {header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const cells = metricCells(row, unit, format);
              const key = 'repId' in row ? row.repId : `team:${row.team}`;
              return (
                <Table.Tr key={key} data-testid={`${kind}-row`} data-row={key}>
                  <Table.Td>
                    <NameText name={nameOf(row)} />
                  </Table.Td>
                  {'repId' in row && (
                    <Table.Td c="dimmed">
                      <NameText name={row.team || t('noTeam')} maxWidth={TEAM_COLUMN_MAX_WIDTH} />
                    </Table.Td>
                  )}
                  {COLUMNS.map((column) => (
                    <Table.Td
                      key={column}
                      ta="right"
                      data-column={column}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {column === 'status' ? <PaceBadge status={row.pace.status} /> : cells[column]}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Td>{t('total')}</Table.Td>
              {kind === 'reps' && <Table.Td />}
              {COLUMNS.map((column) => (
                <Table.Td key={column} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {column === 'status' ? (
                    <PaceBadge status={total.pace.status} />
                  ) : (
                    metricCells(total, unit, format)[column]
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="md">
          {t('tables.empty')}
        </Text>
      )}
      <Text c="dimmed" size="xs" mt="xs" data-testid={`${kind}-total-note`}>
        {t('tables.totalNote')}
      </Text>
      <Text c="dimmed" size="xs" data-testid={`${kind}-daily-needed-note`}>
        {t('tables.dailyNeededNote')}
      </Text>
      <Text c="dimmed" size="xs" data-testid={`${kind}-conversion-note`}>
        {t('tables.conversionNote')}
      </Text>
    </Paper>
  );
}

/** A rep or team name on one line, cut with an ellipsis past the column width; the full name is its title. */
function NameText({ name, maxWidth = NAME_COLUMN_MAX_WIDTH }: { name: string; maxWidth?: number }) {
  return (
    <Text span display="block" size="sm" maw={maxWidth} truncate="end" title={name}>
      {name}
    </Text>
  );
}
