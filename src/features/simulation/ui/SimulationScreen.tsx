import { useDeferredValue, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Grid,
  Group,
  List,
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
import { formatProblem } from '@sras/engine';
import { paths } from '../../../app/paths';
import { getDatabase } from '../../../storage/db';
import type { FlowRecord } from '../../../storage/records';
import { useStoredFlow } from '../../flows/flow-repository';
import { useVersions } from '../../versions/version-repository';
import type { ResultQuery } from '../engine/result-query';
import { BacktestPanel } from './BacktestPanel';
import { LeadExplanationPanel } from './LeadExplanationPanel';
import { OverviewPanel } from './OverviewPanel';
import { ResultActions } from './ResultActions';
import { ResultsTable } from './ResultsTable';
import { SavedRunsPanel } from './SavedRunsPanel';
import { SimulationCanvas } from './SimulationCanvas';
import { SimulationProgressPanel } from './SimulationProgressPanel';
import { SimulationSettingsPanel, type SettingsChoice } from './SimulationSettingsPanel';
import { useSimulationStore } from './simulation.store';
import { useTeam } from './useSimulationInputs';
import { useSimulationRunner } from './useSimulationRunner';

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
  const { t, i18n } = useTranslation('simulation');
  const versions = useVersions(flow.id) ?? [];
  const reps = useTeam();
  const runner = useSimulationRunner(flow.id);
  // Progress is read by SimulationProgressPanel alone: re-rendering the
  // whole screen on every progress message kept the main thread busy.
  const running = useSimulationStore((state) => state.progress !== null);
  const failure = useSimulationStore((state) => state.failure);
  const selected = useSimulationStore((state) => state.selected);
  const generation = useSimulationStore((state) => state.generation);
  const openRunId = useSimulationStore((state) => state.runId);
  const currentReady = useSimulationStore((state) =>
    state.flowId === flow.id ? state.ready : null,
  );
  // The first render of the results (canvas, cards, charts) takes several
  // frames; a deferred value lets React render it in slices between frames.
  const ready = useDeferredValue(currentReady);
  const [choice, setChoice] = useState<SettingsChoice | null>(null);
  const [tab, setTab] = useState<string | null>('overview');
  const [query, setQuery] = useState<ResultQuery>({});
  const dataset = useLiveQuery(
    async () => (ready ? await getDatabase().datasets.get(ready.settings.datasetId) : undefined),
    [ready?.settings.datasetId],
  );

  const run = (next: SettingsChoice) => {
    setChoice(next);
    setQuery({});
    void runner.run(next.settings);
  };
  const showLeads = (next: ResultQuery) => {
    setQuery(next);
    setTab('leads');
  };
  const runReps = ready?.settings.reps ?? reps ?? [];
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
          running={running}
          hasResult={ready !== null}
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
              <List size="sm">
                {(failure.problems ?? []).slice(0, 10).map((problem, index) => (
                  <List.Item key={index}>
                    {formatProblem(problem, i18n.language === 'zh-CN' ? 'zh-CN' : 'en')}
                  </List.Item>
                ))}
              </List>
              <Anchor component={Link} to={paths.flowEditor(flow.id)} size="sm">
                {t('backToEditor')}
              </Anchor>
            </>
          ) : (
            t(`errors.${failure.code}`, failure.params)
          )}
        </Alert>
      )}

      {ready && (
        <>
          {ready.warnings.length > 0 && (
            <Text size="sm" c="yellow.8">
              {t('warnings', { count: ready.warnings.length })}
            </Text>
          )}
          <Group justify="flex-end">
            <ResultActions
              flow={flow}
              versionId={choice?.versionId ?? null}
              startRunId={choice?.startRunId ?? null}
              onProgress={(actionProgress) => useSimulationStore.setState({ actionProgress })}
            />
          </Group>
          <Grid gap="md">
            <Grid.Col span={12}>
              <Paper withBorder aria-label={t('canvas.label')}>
                <SimulationCanvas
                  document={ready.settings.flow}
                  summary={ready.overview.summary}
                  route={selected?.route ?? null}
                  endNodeId={selected ? (selected.endNodeId ?? null) : null}
                  height={380}
                />
              </Paper>
            </Grid.Col>
            <Grid.Col span={12}>
              <Tabs value={tab} onChange={setTab} keepMounted={false}>
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
                    onOpen={(runId) => void runner.open(runId)}
                  />
                </Tabs.Panel>
              </Tabs>
            </Grid.Col>
          </Grid>
        </>
      )}
      {!ready && (
        <Paper withBorder p="sm">
          <SavedRunsPanel
            flowId={flow.id}
            versions={versions}
            openRunId={null}
            onOpen={(runId) => void runner.open(runId)}
          />
        </Paper>
      )}
    </Stack>
  );
}
