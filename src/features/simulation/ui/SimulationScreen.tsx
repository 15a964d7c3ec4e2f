import { startTransition, useCallback, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../../app/paths';
import type { FlowRecord, FlowVersionRecord } from '../../../storage/records';
import { useDatasetLabels } from '../../data/datasets/useDatasetLabels';
import { useStoredFlow } from '../../flows/flow-repository';
import { useVersions } from '../../versions/version-repository';
import { isMissingColumn } from '../engine/missing-columns';
import type { ResultQuery } from '../engine/result-query';
import { BacktestPanel } from './BacktestPanel';
import { FlowProblemList } from './FlowProblemList';
import { LeadExplanationPanel } from './LeadExplanationPanel';
import { OverviewPanel } from './OverviewPanel';
import { ResultActions } from './ResultActions';
import { ResultsTable } from './ResultsTable';
import { SavedRunsPanel } from './SavedRunsPanel';
import { SimulationCanvas } from './SimulationCanvas';
import { SimulationProgressPanel } from './SimulationProgressPanel';
import {
  DRAFT,
  SimulationSettingsPanel,
  documentOfVersion,
  type SettingsChoice,
} from './SimulationSettingsPanel';
import { useSimulationStore } from './simulation.store';
import { useDatasetsOfKind, useTeam } from './useSimulationInputs';
import { useStagedReveal } from './useStagedReveal';
import { useSimulationRunner } from './useSimulationRunner';

const NO_VERSIONS: FlowVersionRecord[] = [];

/** The simulation screen at `/flows/:flowId/simulate`. */
export function SimulationScreen() {
  const { t } = useTranslation('simulation');
  const { flowId = '' } = useParams();
  const stored = useStoredFlow(flowId);

  if (stored.status === 'loading') {
    return (
      <Center h={300}>
        <Loader />
      </Center>
    );
  }
  if (stored.status === 'missing') {
    return (
      <Alert color="red" m="md" title={t('errors.title')}>
        <Anchor component={Link} to={paths.flows()}>
          {t('backToEditor')}
        </Anchor>
      </Alert>
    );
  }
  return <SimulationWorkspace flow={stored.flow} />;
}

function SimulationWorkspace({ flow }: { flow: FlowRecord }) {
  const { t } = useTranslation('simulation');
  const versions = useVersions(flow.id) ?? NO_VERSIONS;
  const reps = useTeam();
  const runner = useSimulationRunner(flow.id);
  // Progress is read by SimulationProgressPanel and whether a run is in
  // flight by the Run button alone: re-rendering the whole screen on every
  // progress message, or as a run starts and ends, kept the main thread busy.
  const failure = useSimulationStore((state) => state.failure);
  const selected = useSimulationStore((state) => state.selected);
  const generation = useSimulationStore((state) => state.generation);
  const openRunId = useSimulationStore((state) => state.runId);
  const ready = useSimulationStore((state) => (state.flowId === flow.id ? state.ready : null));
  const [versionId, setVersionId] = useState<string>(DRAFT);
  const [choice, setChoice] = useState<SettingsChoice | null>(null);
  const [tab, setTab] = useState<string | null>('overview');
  const [query, setQuery] = useState<ResultQuery>({});
  const datasets = useDatasetsOfKind('leads');
  const datasetLabels = useDatasetLabels(datasets);
  const dataset = ready
    ? datasets.find((candidate) => candidate.id === ready.settings.datasetId)
    : undefined;

  const run = useCallback(
    (next: SettingsChoice) => {
      setChoice(next);
      setQuery({});
      void runner.run(next.settings);
    },
    [runner],
  );
  const open = (runId: string) => void runner.open(runId);
  // The result block mounts one frame after the run ends, apart from the
  // form's and the progress bar's changes. Its cards, the rest of the
  // overview and the canvas counts then follow one frame each.
  const resultShown = useStagedReveal(ready, 2) === 2;
  // A tab's first render (the results table with its filters) is sliced
  // between frames rather than done in the click's task.
  const changeTab = (next: string | null) => startTransition(() => setTab(next));
  const showLeads = (next: ResultQuery) => {
    setQuery(next);
    setTab('leads');
  };
  const runReps = ready?.settings.reps ?? reps ?? [];
  // Columns the dataset lacks are listed in the overview, with what to do.
  const otherWarnings = ready?.warnings.filter((problem) => !isMissingColumn(problem)) ?? [];
  const columns = dataset?.columns ?? [];

  return (
    <Stack p="md" gap="md" data-testid="simulation-screen">
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={2}>
            {t('title')} · {flow.name}
          </Title>
          <Text size="sm" c="dimmed">
            {t('openHint')}
          </Text>
          {ready && (
            <Text size="sm" data-testid="simulation-result-dataset">
              {datasetLabels.has(ready.settings.datasetId)
                ? t('resultDataset', { dataset: datasetLabels.get(ready.settings.datasetId) })
                : t('resultDatasetDeleted')}
            </Text>
          )}
        </Stack>
        <Button
          component={Link}
          to={paths.flowEditor(flow.id)}
          variant="subtle"
          leftSection={<IconArrowLeft size={16} />}
        >
          {t('backToEditor')}
        </Button>
      </Group>

      {reps !== undefined && (
        <SimulationSettingsPanel
          flow={flow}
          versions={versions}
          reps={reps}
          versionId={versionId}
          onVersionChange={setVersionId}
          onRun={run}
        />
      )}

      <SimulationProgressPanel />

      {failure && (
        <Alert color="red" title={t('errors.title')} data-testid="simulation-error">
          {failure.code === 'flowInvalid' ? (
            <>
              <Text size="sm">
                {t('errors.flowInvalid', { count: failure.problems?.length ?? 0 })}
              </Text>
              <FlowProblemList problems={failure.problems ?? []} document={flow.document} />
              <Anchor component={Link} to={paths.flowEditor(flow.id)} size="sm">
                {t('backToEditor')}
              </Anchor>
            </>
          ) : (
            t(`errors.${failure.code}`, failure.params)
          )}
        </Alert>
      )}

      {ready && resultShown && (
        <>
          {otherWarnings.length > 0 && (
            <Alert color="yellow" title={t('warnings', { count: otherWarnings.length })}>
              <FlowProblemList problems={otherWarnings} document={ready.settings.flow} />
            </Alert>
          )}
          <Group justify="flex-end">
            <ResultActions
              flow={flow}
              versionId={choice?.versionId ?? null}
              onProgress={(actionProgress) => useSimulationStore.setState({ actionProgress })}
            />
          </Group>
        </>
      )}

      {/* Mounted before the run, at the same place in the tree, so that a
          finished run only adds counts to it. */}
      <Paper withBorder aria-label={t('canvas.label')}>
        <SimulationCanvas
          document={ready?.settings.flow ?? documentOfVersion(flow, versions, versionId)}
          summary={ready?.overview.summary ?? null}
          route={selected?.route ?? null}
          endNodeId={selected ? (selected.endNodeId ?? null) : null}
          height={380}
        />
      </Paper>

      {ready && resultShown && (
        <Tabs value={tab} onChange={changeTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="overview">{t('tabs.overview')}</Tabs.Tab>
            <Tabs.Tab value="leads" data-testid="tab-leads">
              {t('tabs.leads')}
            </Tabs.Tab>
            <Tabs.Tab value="backtest" data-testid="tab-backtest">
              {t('tabs.backtest')}
            </Tabs.Tab>
            <Tabs.Tab value="runs" data-testid="tab-runs">
              {t('tabs.runs')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview" pt="sm">
            <OverviewPanel
              overview={ready.overview}
              document={ready.settings.flow}
              flowId={flow.id}
              warnings={ready.warnings}
              columns={columns}
              onShowLeads={showLeads}
            />
          </Tabs.Panel>
          <Tabs.Panel value="leads" pt="sm">
            <Stack gap="sm">
              <div style={{ height: 420, display: 'flex', flexDirection: 'column' }}>
                <ResultsTable
                  slot="current"
                  generation={generation}
                  document={ready.settings.flow}
                  reps={runReps}
                  columns={columns}
                  query={query}
                  onQueryChange={setQuery}
                  selectedPosition={selected?.position ?? null}
                  onSelect={(row) =>
                    useSimulationStore.setState({
                      selected: {
                        position: row.position,
                        route: row.result.route,
                        endNodeId: row.result.nodeId,
                      },
                    })
                  }
                />
              </div>
              {selected ? (
                <LeadExplanationPanel
                  slot="current"
                  position={selected.position}
                  document={ready.settings.flow}
                  reps={runReps}
                  columns={columns}
                  onClose={() => useSimulationStore.setState({ selected: null })}
                />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('explanation.hint')}
                </Text>
              )}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="backtest" pt="sm">
            <BacktestPanel
              flow={flow}
              versions={versions}
              settings={ready.settings}
              reps={runReps}
              columns={columns}
            />
          </Tabs.Panel>
          <Tabs.Panel value="runs" pt="sm">
            <SavedRunsPanel
              flowId={flow.id}
              versions={versions}
              openRunId={openRunId}
              onOpen={open}
            />
          </Tabs.Panel>
        </Tabs>
      )}
      {!ready && (
        <Paper withBorder p="sm">
          <SavedRunsPanel flowId={flow.id} versions={versions} openRunId={null} onOpen={open} />
        </Paper>
      )}
    </Stack>
  );
}
