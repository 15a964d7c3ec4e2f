import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notifyFailure } from '../../app/notifications';
import { paths } from '../../app/paths';
import { getDatabase } from '../../storage/db';
import { useWorkspaceTimeZone } from '../settings/workspace-settings';
import { isCivilDate, parseCivilDate } from '../targets';
import { useDatasetLabels } from '../data/datasets/useDatasetLabels';
import { useDatasets } from '../targets/dataset-reader';
import { useReps, useTargetPlans } from '../targets/target-plan.repository';
import { saveDashboardSettings, useDashboardSettings } from './dashboard-settings';
import { selectTargets, sumMonthlyTargets } from './dashboard-targets';
import { FairnessPanel } from './FairnessPanel';
import { MetricsTable } from './MetricsTables';
import { teamRowsAsShown } from './total-row';
import { BehindPaceAlert, FormerNameOwners, SummaryCards, UnmatchedOwners } from './PacePanels';
import { RecordIssues } from './RecordIssues';
import { SourcesDialog } from './SourcesDialog';
import { useDashboardFigures } from './useDashboardFigures';
import { useDashboardView, type PeriodChoice } from './useDashboardQuery';
import { useDashboardFormat } from './useDashboardFormat';
import type { DashboardRequestInput } from './worker/dashboard.protocol';

const DashboardCharts = lazy(() => import('./DashboardCharts'));

/** The performance dashboard: attainment, pace, fairness and charts for a period. */
export function DashboardScreen() {
  const { t } = useTranslation('dashboard');
  const format = useDashboardFormat();
  const timeZone = useWorkspaceTimeZone();
  const [view, updateView] = useDashboardView(timeZone);
  const settings = useDashboardSettings();
  const reps = useReps();
  const plans = useTargetPlans();
  const datasets = useDatasets();
  const datasetLabels = useDatasetLabels(datasets);
  const runs = useLiveQuery(() => getDatabase().runs.toArray(), []);
  const flows = useLiveQuery(() => getDatabase().flows.toArray(), []);
  const [editingSources, setEditingSources] = useState(false);

  const repNames = useMemo(() => new Map((reps ?? []).map((rep) => [rep.id, rep.name])), [reps]);
  const repName = (id: string) => repNames.get(id) ?? id;
  const startYear = parseCivilDate(view.period.start)?.year ?? 0;
  const endYear = parseCivilDate(view.period.end)?.year ?? startYear;
  const targets = useMemo(
    () =>
      selectTargets(
        plans ?? [],
        Array.from({ length: endYear - startYear + 1 }, (_, index) => startYear + index),
      ),
    [plans, startYear, endYear],
  );
  const teams = useMemo(
    () =>
      [...new Set((reps ?? []).map((rep) => rep.team ?? ''))].sort((a, b) =>
        a.localeCompare(b, 'zh-CN'),
      ),
    [reps],
  );
  const hasSources = settings
    ? settings.datasetIds.length > 0 || settings.runIds.length > 0
    : false;

  // Reading the sources and every figure run in the dashboard worker, because they take about
  // 0.2 s for 100,000 records (docs/benchmarks.md). The main thread only sends the view.
  const input = useMemo((): DashboardRequestInput | null => {
    if (!settings || !reps || !timeZone || !hasSources) return null;
    const selectedRowKeys = [
      ...reps
        .filter((rep) => view.team === null || rep.team === view.team)
        .map((rep) => `rep:${rep.id}`),
      ...(view.team ? [`team:${view.team}`] : teams.filter(Boolean).map((team) => `team:${team}`)),
    ];
    return {
      settings: {
        datasetIds: settings.datasetIds,
        runIds: settings.runIds,
        sources: settings.sources,
      },
      reps,
      timeZone,
      query: {
        reps: reps.map((rep) => ({
          id: rep.id,
          name: rep.name,
          team: rep.team ?? '',
          ...(rep.formerNames ? { formerNames: rep.formerNames } : {}),
        })),
        targets: targets.byYear,
        targetUnit: targets.unit,
        monthlyTargets: sumMonthlyTargets(targets, selectedRowKeys),
        trendPeriod: { start: `${startYear}-01-01`, end: `${startYear}-12-31` },
        period: view.period,
        asOf: view.asOf,
        behindMargin: settings.behindMargin,
        fairness: { threshold: settings.fairnessThreshold, minLeads: settings.fairnessMinLeads },
        ...(view.team !== null ? { team: view.team } : {}),
        ...(view.leadSources.length > 0 ? { leadSources: view.leadSources } : {}),
      },
    };
  }, [settings, reps, timeZone, hasSources, targets, teams, view, startYear]);
  const { figures, busy, rowsRead, error } = useDashboardFigures(input);

  if (!settings || !reps || !plans || !datasets || !runs || !flows || !timeZone) {
    return (
      <Center h={200}>
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  }

  const appliedRuns = runs.filter((run) => typeof run.appliedAt === 'number');
  const draftYears = [...targets.plans.values()].filter((plan) => plan.status !== 'approved');
  const missingPlanYears = Array.from(
    { length: endYear - startYear + 1 },
    (_, index) => startYear + index,
  ).filter((year) => !targets.plans.has(year));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('title')}</Title>
        <Button
          variant="default"
          leftSection={<IconDatabase size={16} />}
          onClick={() => setEditingSources(true)}
        >
          {t('sources.button', { count: settings.datasetIds.length + settings.runIds.length })}
        </Button>
      </Group>

      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('filters.period')}
            </Text>
            <SegmentedControl
              value={view.periodChoice}
              onChange={(choice) =>
                updateView(
                  choice === 'custom'
                    ? { period: choice, from: view.period.start, to: view.period.end }
                    : { period: choice as PeriodChoice, from: null, to: null },
                )
              }
              data={(['month', 'quarter', 'year', 'custom'] as const).map((choice) => ({
                value: choice,
                label: t(`filters.${choice}`),
              }))}
            />
          </Stack>
          {view.periodChoice === 'custom' && (
            <>
              <TextInput
                type="date"
                label={t('filters.from')}
                value={view.customInput?.from ?? view.period.start}
                onChange={(event) =>
                  isCivilDate(event.currentTarget.value) &&
                  updateView({ from: event.currentTarget.value })
                }
              />
              <TextInput
                type="date"
                label={t('filters.to')}
                value={view.customInput?.to ?? view.period.end}
                error={
                  view.endBeforeStart
                    ? t('filters.endBeforeStart', {
                        start: view.period.start,
                        end: view.period.end,
                      })
                    : undefined
                }
                onChange={(event) =>
                  isCivilDate(event.currentTarget.value) &&
                  updateView({ to: event.currentTarget.value })
                }
              />
            </>
          )}
          <TextInput
            type="date"
            label={t('filters.asOf')}
            description={t('filters.asOfHelp')}
            value={view.asOf}
            onChange={(event) =>
              isCivilDate(event.currentTarget.value) &&
              updateView({ asOf: event.currentTarget.value })
            }
          />
          <Select
            label={t('filters.team')}
            data={[
              { value: '*', label: t('filters.allTeams') },
              ...teams.map((team) => ({ value: team || '-', label: team || t('noTeam') })),
            ]}
            value={view.team === null ? '*' : view.team || '-'}
            onChange={(value) =>
              updateView({
                team: value === '*' || value === null ? null : value === '-' ? '' : value,
              })
            }
            allowDeselect={false}
            w={180}
          />
          <MultiSelect
            label={t('filters.sources')}
            placeholder={view.leadSources.length === 0 ? t('filters.allSources') : undefined}
            data={[...new Set([...(figures?.leadSources ?? []), ...view.leadSources])].map(
              (source) => ({
                value: source,
                label: source || t('charts.noSource'),
              }),
            )}
            value={view.leadSources}
            onChange={(value) => updateView({ source: value })}
            clearable
            w={240}
          />
        </Group>
        <Text size="xs" c="dimmed" mt="xs" data-testid="period-line">
          {t('filters.periodLine', {
            start: view.period.start,
            end: view.period.end,
            asOf: view.asOf,
            zone: timeZone,
          })}{' '}
          <Anchor
            component={Link}
            to={paths.settings()}
            size="xs"
            data-testid="dashboard-time-zone"
          >
            {t('filters.timeZone', { zone: timeZone })}
          </Anchor>
        </Text>
      </Paper>

      {!hasSources && (
        <Paper withBorder p="xl">
          <Stack align="center" gap="xs">
            <Text fw={600}>{t('empty.title')}</Text>
            <Text c="dimmed" size="sm" ta="center" maw={560}>
              {datasets.length === 0 ? t('empty.noDatasets') : t('empty.body')}
            </Text>
            <Button onClick={() => setEditingSources(true)}>{t('empty.choose')}</Button>
          </Stack>
        </Paper>
      )}

      {hasSources && missingPlanYears.length > 0 && (
        <Alert color="yellow" data-testid="no-plan">
          {t('notices.noPlan', { years: missingPlanYears.join(t('listSeparator')) })}{' '}
          <Anchor component={Link} to={paths.targets()}>
            {t('notices.toTargets')}
          </Anchor>
        </Alert>
      )}
      {hasSources && draftYears.length > 0 && (
        <Alert color="blue" variant="light">
          {t('notices.draftPlan', {
            plans: draftYears
              .map((plan) => `${plan.name} v${plan.version}`)
              .join(t('listSeparator')),
          })}
        </Alert>
      )}

      {hasSources && !figures && !error && (
        <Center h={160}>
          <Stack align="center" gap="xs">
            <Loader />
            <Text size="sm" c="dimmed" data-testid="dashboard-loading">
              {rowsRead > 0 ? t('loading', { rows: format.number(rowsRead) }) : t('computing')}
            </Text>
          </Stack>
        </Center>
      )}
      {hasSources && error && (
        <Alert color="red" title={t('errors.loadFailed')}>
          {error}
        </Alert>
      )}

      {hasSources && figures && (
        <Stack gap="md" aria-busy={busy} data-testid="dashboard-figures">
          {busy && (
            <Group gap="xs" data-testid="dashboard-updating">
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                {t('updating')}
              </Text>
            </Group>
          )}
          <SummaryCards
            total={figures.total}
            behindCount={figures.reps.filter((rep) => rep.pace.status === 'behind').length}
            unit={targets.unit}
          />
          <BehindPaceAlert reps={figures.reps} unit={targets.unit} margin={settings.behindMargin} />
          <MetricsTable
            kind="reps"
            rows={figures.reps}
            total={figures.total}
            unit={targets.unit}
            fileName={`${t('tables.reps')}-${view.period.start}`}
          />
          <MetricsTable
            kind="teams"
            rows={teamRowsAsShown(figures.teams, figures.reps)}
            total={figures.total}
            unit={targets.unit}
            fileName={`${t('tables.teams')}-${view.period.start}`}
          />
          <Suspense
            fallback={
              <Center h={120}>
                <Loader size="sm" />
              </Center>
            }
          >
            <DashboardCharts
              unit={targets.unit}
              attainment={figures.attainment}
              trend={figures.trend}
              funnel={figures.funnel}
              sources={figures.sources}
            />
          </Suspense>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <FairnessPanel
              pools={figures.fairness}
              repName={repName}
              threshold={settings.fairnessThreshold}
              hasRuns={settings.runIds.length > 0}
            />
            <Stack>
              <UnmatchedOwners owners={figures.unmatched} repName={repName} />
              <FormerNameOwners owners={figures.formerNames} repName={repName} />
              {Object.entries(figures.issues)
                .filter(([, issues]) => issues.count > 0)
                .map(([datasetId, issues]) => (
                  <RecordIssues
                    key={datasetId}
                    name={datasetLabels.get(datasetId) ?? datasetId}
                    issues={issues.issues}
                    count={issues.count}
                  />
                ))}
            </Stack>
          </SimpleGrid>
        </Stack>
      )}

      <SourcesDialog
        opened={editingSources}
        settings={settings}
        datasets={datasets}
        runs={appliedRuns}
        flowName={(flowId) => flows.find((flow) => flow.id === flowId)?.name ?? flowId}
        onClose={() => setEditingSources(false)}
        onSave={(next) => {
          saveDashboardSettings(next)
            .then(() => setEditingSources(false))
            .catch((error: unknown) => notifyFailure(t, 'dashboard:errors.saveFailed', error));
        }}
      />
    </Stack>
  );
}
