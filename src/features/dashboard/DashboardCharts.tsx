/**
 * The dashboard's charts, in a chunk of their own (loaded with React.lazy):
 * attainment per rep, the monthly trend against target, the funnel by stage
 * and leads per source. Each chart can also be shown as a table and
 * exported.
 */
import '@mantine/charts/styles.css';
import { BarChart, CompositeChart } from '@mantine/charts';
import {
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetUnit } from '../targets';
import type { AttainmentRow, FunnelRow, SourceRow, TrendRow } from './chart-data';
import { TableExportMenu } from './TableExportMenu';
import type { DownloadCell } from './table-download';
import { useDashboardFormat } from './useDashboardFormat';

interface ChartCardProps {
  id: string;
  title: string;
  chart: ReactNode;
  headers: string[];
  rows: DownloadCell[][];
  /** Rows formatted for the screen, same shape as `rows`. */
  displayRows: string[][];
  empty: boolean;
}

function ChartCard({ id, title, chart, headers, rows, displayRows, empty }: ChartCardProps) {
  const { t } = useTranslation('dashboard');
  const [view, setView] = useState<'chart' | 'table'>('chart');

  return (
    <Paper withBorder p="sm" data-testid={`chart-${id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            {title}
          </Title>
          <Group gap={4} wrap="nowrap">
            <SegmentedControl
              size="xs"
              value={view}
              onChange={(next) => setView(next as 'chart' | 'table')}
              data={[
                { value: 'chart', label: t('charts.showChart') },
                { value: 'table', label: t('charts.showTable') },
              ]}
              aria-label={t('charts.view', { chart: title })}
            />
            <TableExportMenu label={title} fileName={title} rows={() => [headers, ...rows]} />
          </Group>
        </Group>
        {empty ? (
          <Text size="sm" c="dimmed" ta="center" py="xl">
            {t('charts.empty')}
          </Text>
        ) : view === 'chart' ? (
          chart
        ) : (
          <Table.ScrollContainer minWidth={300} mah={260}>
            <Table
              withTableBorder
              verticalSpacing={4}
              style={{ fontVariantNumeric: 'tabular-nums' }}
            >
              <Table.Thead>
                <Table.Tr>
                  {headers.map((header, index) => (
                    <Table.Th key={header} ta={index === 0 ? 'left' : 'right'}>
                      {header}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {displayRows.map((row, rowIndex) => (
                  <Table.Tr key={rowIndex}>
                    {row.map((cell, index) => (
                      <Table.Td key={index} ta={index === 0 ? 'left' : 'right'}>
                        {cell}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

export interface DashboardChartsProps {
  attainment: AttainmentRow[];
  trend: TrendRow[];
  funnel: FunnelRow[];
  sources: SourceRow[];
  unit: TargetUnit;
}

export default function DashboardCharts({
  attainment,
  trend,
  funnel,
  sources,
  unit,
}: DashboardChartsProps) {
  const { t } = useTranslation('dashboard');
  const format = useDashboardFormat();
  const amount = (value: number | null) => (value === null ? '—' : format.amount(value, unit));
  const compact = (value: number) =>
    unit === 'yuan' ? format.yuanCompact(value) : format.number(value);
  const percent = (value: number | null) => (value === null ? '—' : `${format.number(value, 1)}%`);
  const round = (value: number | null, digits = 0) =>
    value === null ? null : Number(value.toFixed(digits));
  const sourceName = (source: string) => source || t('charts.noSource');

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <ChartCard
        id="attainment"
        title={t('charts.attainment')}
        empty={attainment.length === 0}
        headers={[
          t('columns.rep'),
          t('columns.attainment'),
          t('columns.expected'),
          t('charts.actual'),
          t('columns.target'),
        ]}
        rows={attainment.map((row) => [
          row.name,
          round(row.attainment, 1),
          round(row.expected, 1),
          round(row.actual, 2),
          round(row.target),
        ])}
        displayRows={attainment.map((row) => [
          row.name,
          percent(row.attainment),
          percent(row.expected),
          amount(row.actual),
          amount(row.target),
        ])}
        chart={
          <BarChart
            h={240}
            data={attainment.map((row) => ({
              name: row.name,
              attainment: round(row.attainment, 1) ?? 0,
              expected: round(row.expected, 1) ?? 0,
            }))}
            dataKey="name"
            series={[
              { name: 'attainment', label: t('columns.attainment'), color: 'blue.6' },
              { name: 'expected', label: t('columns.expected'), color: 'gray.5' },
            ]}
            valueFormatter={(value) => `${format.number(value, 1)}%`}
            withLegend
          />
        }
      />
      <ChartCard
        id="trend"
        title={t('charts.trend')}
        // Without any amount the chart would draw a meaningless ¥0–¥4 axis.
        empty={trend.every((row) => row.actual === 0 && row.target === 0)}
        headers={[
          t('charts.month'),
          t('charts.actual'),
          t('columns.target'),
          t('charts.cumulativeActual'),
          t('charts.cumulativeTarget'),
        ]}
        rows={trend.map((row) => [
          row.month,
          round(row.actual, 2),
          round(row.target),
          round(row.cumulativeActual, 2),
          round(row.cumulativeTarget),
        ])}
        displayRows={trend.map((row) => [
          row.month,
          amount(row.actual),
          amount(row.target),
          amount(row.cumulativeActual),
          amount(row.cumulativeTarget),
        ])}
        chart={
          <CompositeChart
            h={240}
            data={trend.map((row) => ({
              month: row.month,
              actual: row.actual,
              target: row.target,
            }))}
            dataKey="month"
            series={[
              { name: 'actual', label: t('charts.actual'), color: 'blue.6', type: 'bar' },
              { name: 'target', label: t('columns.target'), color: 'orange.6', type: 'line' },
            ]}
            // Straight segments: a smoothed curve swings above and below the monthly targets.
            curveType="linear"
            valueFormatter={compact}
            withLegend
          />
        }
      />
      <ChartCard
        id="funnel"
        title={t('charts.funnel')}
        empty={funnel.length === 0}
        headers={[t('charts.stage'), t('charts.atStage'), t('charts.reached')]}
        rows={funnel.map((row) => [row.stage, row.count, row.reached])}
        displayRows={funnel.map((row) => [
          row.stage,
          format.number(row.count),
          row.lost ? '—' : format.number(row.reached),
        ])}
        chart={
          <BarChart
            h={240}
            data={funnel.map((row) => ({
              stage: row.stage,
              reached: row.lost ? 0 : row.reached,
              count: row.count,
            }))}
            dataKey="stage"
            orientation="vertical"
            yAxisProps={{ width: 90 }}
            series={[
              { name: 'reached', label: t('charts.reached'), color: 'teal.6' },
              { name: 'count', label: t('charts.atStage'), color: 'gray.5' },
            ]}
            withLegend
          />
        }
      />
      <ChartCard
        id="sources"
        title={t('charts.sources')}
        empty={sources.length === 0}
        headers={[t('charts.source'), t('charts.leads'), t('columns.won'), t('columns.revenue')]}
        rows={sources.map((row) => [
          sourceName(row.source),
          row.leads,
          row.won,
          round(row.revenue, 2),
        ])}
        displayRows={sources.map((row) => [
          sourceName(row.source),
          format.number(row.leads),
          format.number(row.won),
          format.yuan(row.revenue),
        ])}
        chart={
          <BarChart
            h={240}
            data={sources.map((row) => ({
              source: sourceName(row.source),
              leads: row.leads,
              won: row.won,
            }))}
            dataKey="source"
            series={[
              { name: 'leads', label: t('charts.leads'), color: 'blue.6' },
              { name: 'won', label: t('columns.won'), color: 'teal.6' },
            ]}
            withLegend
          />
        }
      />
    </SimpleGrid>
  );
}
