import { Alert, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TargetUnit } from '../targets';
import type { FormerNameOwner, Metrics, RepMetrics, UnmatchedOwner } from './dashboard-metrics';
import { useDashboardFormat } from './useDashboardFormat';

/** Headline figures for the selection: target, revenue, attainment against pace, reps behind. */
export function SummaryCards({
  total,
  behindCount,
  unit,
}: {
  total: Metrics;
  behindCount: number;
  unit: TargetUnit;
}) {
  const { t } = useTranslation('dashboard');
  const format = useDashboardFormat();
  const cards = [
    {
      key: 'target',
      label: t('cards.target'),
      value: unit === 'yuan' ? format.yuanCompact(total.target) : format.number(total.target),
    },
    {
      key: 'revenue',
      label: t('cards.revenue'),
      value: format.yuanCompact(total.revenue),
      hint: t('cards.wonDeals', { count: total.won }),
    },
    {
      key: 'attainment',
      label: t('cards.attainment'),
      value: format.percent(total.pace.attainment),
      hint: t('cards.expected', { percent: format.percent(total.pace.expectedAttainment) }),
    },
    {
      key: 'assigned',
      label: t('cards.assigned'),
      value: format.number(total.assigned),
      hint: t('cards.conversion', { percent: format.percent(total.conversionRate) }),
    },
    { key: 'behind', label: t('cards.behind'), value: format.number(behindCount) },
  ];

  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
      {cards.map((card) => (
        <Paper key={card.key} withBorder p="sm" data-testid={`card-${card.key}`}>
          <Text size="xs" c="dimmed">
            {card.label}
          </Text>
          <Text size="xl" fw={700}>
            {card.value}
          </Text>
          {card.hint && (
            <Text size="xs" c="dimmed">
              {card.hint}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** A warning per rep behind pace: the gap and the amount per day needed for the rest of the period. */
export function BehindPaceAlert({
  reps,
  unit,
  margin,
}: {
  reps: RepMetrics[];
  unit: TargetUnit;
  margin: number;
}) {
  const { t } = useTranslation('dashboard');
  const format = useDashboardFormat();
  const behind = reps
    .filter((rep) => rep.pace.status === 'behind')
    .sort((a, b) => b.pace.gap - a.pace.gap);
  if (behind.length === 0) return null;

  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle />}
      title={t('behind.title', { count: behind.length, margin: format.percent(margin) })}
      data-testid="behind-pace"
    >
      <List size="sm" spacing={4}>
        {behind.map((rep) => (
          <List.Item key={rep.repId} data-testid="behind-rep" data-rep={rep.repId}>
            {rep.pace.dailyNeeded === null
              ? t('behind.ended', {
                  name: rep.name,
                  gap: format.amount(rep.pace.gap, unit),
                  attainment: format.percent(rep.pace.attainment),
                })
              : t('behind.line', {
                  name: rep.name,
                  gap: format.amount(rep.pace.gap, unit),
                  attainment: format.percent(rep.pace.attainment),
                  expected: format.percent(rep.pace.expectedAttainment),
                  daily: format.amount(rep.pace.dailyNeeded, unit),
                  days: rep.pace.remainingTargetDays,
                })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** Owners in the data that match no rep, or more than one. */
export function UnmatchedOwners({
  owners,
  repName,
}: {
  owners: UnmatchedOwner[];
  repName: (id: string) => string;
}) {
  const { t } = useTranslation('dashboard');
  const format = useDashboardFormat();
  if (owners.length === 0) return null;

  return (
    <Paper withBorder p="sm" data-testid="unmatched-owners">
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t('unmatched.title', { count: owners.length })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('unmatched.help')}
        </Text>
        {owners.some((owner) => owner.kind === 'ambiguous') && (
          <Text size="xs" c="dimmed" data-testid="unmatched-ambiguous-help">
            {t('unmatched.ambiguousHelp')}
          </Text>
        )}
        <List size="sm">
          {owners.slice(0, 30).map((owner) => (
            <List.Item key={`${owner.kind}:${owner.owner}`}>
              <Group gap={6}>
                <Text span fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {owner.owner || t('unmatched.empty')}
                </Text>
                <Text span size="sm" c="dimmed">
                  {t(`unmatched.${owner.kind}`, {
                    count: owner.records,
                    revenue: format.yuan(owner.revenue),
                    reps: owner.repIds
                      .map((id) => t('unmatched.repWithId', { name: repName(id), id }))
                      .join(t('listSeparator')),
                  })}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}

/** Owners in the data that name a rep by a name the rep had before a rename; their records count. */
export function FormerNameOwners({
  owners,
  repName,
}: {
  owners: FormerNameOwner[];
  repName: (id: string) => string;
}) {
  const { t } = useTranslation('dashboard');
  if (owners.length === 0) return null;

  return (
    <Paper withBorder p="sm" data-testid="former-name-owners">
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t('formerNames.title', { count: owners.length })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('formerNames.help')}
        </Text>
        <List size="sm">
          {owners.map((owner) => (
            <List.Item key={owner.owner}>
              {t('formerNames.line', {
                owner: owner.owner,
                rep: repName(owner.repId),
                id: owner.repId,
                count: owner.records,
              })}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
