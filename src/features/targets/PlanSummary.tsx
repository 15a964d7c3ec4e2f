import { Alert, Badge, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetRecord } from '../../storage/records';
import { formatYuanCompact } from '../dashboard/number-format';
import { useDatasetLabels } from '../data/datasets/useDatasetLabels';
import {
  listGridRows,
  MONTH_COLUMNS,
  monthsUnder,
  planTotal,
  QUARTER_COLUMNS,
  sumLeaves,
} from './plan-grid';
import { describeSplitNote } from './target-messages';
import type { ActualsSource, ColumnKey, TargetPlan } from './target-plan.types';
import { useAmountFormat } from './useAmountFormat';

interface SumCheckProps {
  label: string;
  value: number;
  total: number;
  testId: string;
  formatAmount: (value: number) => string;
}

function SumCheck({ label, value, total, testId, formatAmount }: SumCheckProps) {
  const { t } = useTranslation('targets');
  const exact = value === total;
  return (
    <Group gap={6} wrap="nowrap" data-testid={testId}>
      {exact ? (
        <IconCheck size={16} color="var(--mantine-color-teal-6)" />
      ) : (
        <IconX size={16} color="var(--mantine-color-red-6)" />
      )}
      <Text size="sm">
        {label}: <strong>{formatAmount(value)}</strong>
      </Text>
      <Text size="xs" c={exact ? 'teal' : 'red'}>
        {exact ? t('summary.exact') : t('summary.off', { difference: formatAmount(value - total) })}
      </Text>
    </Group>
  );
}

/**
 * Lists the datasets the plan's time split and people split read, each with
 * the label the dataset pickers show, or its stored name when it was deleted.
 */
function SplitSources({
  plan,
  datasets,
}: {
  plan: TargetPlan;
  datasets: readonly DatasetRecord[];
}) {
  const { t } = useTranslation('targets');
  const labels = useDatasetLabels(datasets);
  const timeSource = plan.timeSplit.method === 'lastYear' ? plan.timeSplit.source : undefined;
  const peopleSource =
    plan.peopleSplit.method === 'lastPeriod' ? plan.peopleSplit.source : undefined;
  if (!timeSource && !peopleSource) return null;

  const describe = (source: ActualsSource) => ({
    dataset:
      labels.get(source.datasetId) ??
      t('summary.sourceDeleted', { name: source.datasetName ?? source.datasetId }),
    from: source.from,
    to: source.to,
  });

  return (
    <Stack gap={2} mt="xs" data-testid="split-sources">
      {timeSource && (
        <Text size="sm" c="dimmed" data-testid="time-split-source">
          {t('summary.timeSource', describe(timeSource))}
        </Text>
      )}
      {peopleSource && (
        <Text size="sm" c="dimmed" data-testid="people-split-source">
          {t('summary.peopleSource', describe(peopleSource))}
        </Text>
      )}
    </Stack>
  );
}

const ALL_MONTHS = Array.from({ length: 12 }, (_, month) => month);

/**
 * Computes the plan's total and four independent sums of it: of the twelve
 * months, the four quarters, the teams and the leaf rows. It sums leaf cells
 * directly instead of building every grid cell, which for 500 reps took
 * 3 to 16 ms in Node and blocked the screen's first render for longer.
 */
function summarise(plan: TargetPlan) {
  const rows = listGridRows(plan);
  const allLeaves = rows[0]?.leaves ?? [];
  const sumOver = (leaves: readonly string[], months: readonly number[]) =>
    sumLeaves(plan.values, leaves, months);
  const sumOfColumns = (columns: readonly ColumnKey[]) =>
    columns.reduce((sum, column) => sum + sumOver(allLeaves, monthsUnder(column)), 0);

  let teamSum = 0;
  let leafSum = 0;
  for (const row of rows) {
    if (row.kind === 'team') teamSum += sumOver(row.leaves, ALL_MONTHS);
    if (row.leaves.length === 1 && row.leaves[0] === row.key)
      leafSum += sumOver(row.leaves, ALL_MONTHS);
  }
  return {
    total: planTotal(plan),
    monthSum: sumOfColumns(MONTH_COLUMNS),
    quarterSum: sumOfColumns(QUARTER_COLUMNS),
    teamSum,
    leafSum,
  };
}

/**
 * The plan's total and independent sums of its months, quarters, teams and
 * reps, each checked against the total, so that exactness is visible.
 */
export function PlanSummary({
  plan,
  datasets,
}: {
  plan: TargetPlan;
  /** Stored datasets, to label the datasets the splits read. */
  datasets: readonly DatasetRecord[];
}) {
  const { t, i18n } = useTranslation('targets');
  const formatAmount = useAmountFormat(plan.unit);
  // Recomputed only when the plan changes, not when the screen renders for a new selection.
  const { total, monthSum, quarterSum, teamSum, leafSum } = useMemo(() => summarise(plan), [plan]);

  return (
    <Paper withBorder p="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" tt="uppercase">
            {t('summary.total')}
          </Text>
          <Group gap="xs" align="baseline">
            <Text size="xl" fw={700} data-testid="plan-total">
              {formatAmount(total)}
            </Text>
            {plan.unit === 'yuan' && i18n.language === 'zh-CN' && total >= 10_000 && (
              <Text size="sm" c="dimmed">
                {formatYuanCompact(total, 'zh-CN')}
              </Text>
            )}
          </Group>
          <Group gap="xs">
            <Badge variant="light">{t(`units.${plan.unit}`)}</Badge>
            <Badge variant="outline">{t(`timeSplit.${plan.timeSplit.method}`)}</Badge>
            <Badge variant="outline">{t(`peopleSplit.${plan.peopleSplit.method}`)}</Badge>
            {plan.locks.length > 0 && (
              <Badge color="yellow" variant="light">
                {t('summary.locks', { count: plan.locks.length })}
              </Badge>
            )}
          </Group>
          <SplitSources plan={plan} datasets={datasets} />
        </Stack>
        <Stack gap={4}>
          <SumCheck
            formatAmount={formatAmount}
            testId="sum-months"
            label={t('summary.monthSum')}
            value={monthSum}
            total={total}
          />
          <SumCheck
            formatAmount={formatAmount}
            testId="sum-quarters"
            label={t('summary.quarterSum')}
            value={quarterSum}
            total={total}
          />
          <SumCheck
            formatAmount={formatAmount}
            testId="sum-teams"
            label={t('summary.teamSum')}
            value={teamSum}
            total={total}
          />
          <SumCheck
            formatAmount={formatAmount}
            testId="sum-reps"
            label={t('summary.repSum')}
            value={leafSum}
            total={total}
          />
        </Stack>
      </SimpleGrid>
      {plan.splitNotes && plan.splitNotes.length > 0 && (
        <Alert
          variant="light"
          color="yellow"
          title={t('summary.notesTitle')}
          mt="sm"
          data-testid="split-notes"
        >
          <List size="sm">
            {plan.splitNotes.map((note, index) => (
              <List.Item key={index}>{describeSplitNote(t, note, plan, formatAmount)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Paper>
  );
}
