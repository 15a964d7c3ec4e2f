import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Rep } from '@sras/engine';
import { useFormat } from '../../../i18n/useFormat';
import type { DatasetColumn, FlowRecord, FlowVersionRecord } from '../../../storage/records';
import type { BacktestSummary } from '../engine/backtest';
import type { ResultQuery } from '../engine/result-query';
import {
  getSimulationClient,
  SimulationRequestError,
  type SimulationProgress,
} from '../worker/simulation.client';
import type { RunSettings } from '../worker/simulation.protocol';
import { ResultsTable } from './ResultsTable';
import { DRAFT, documentOfVersion } from './SimulationSettingsPanel';

interface BacktestPanelProps {
  flow: FlowRecord;
  versions: FlowVersionRecord[];
  /** The settings of the simulation on screen; the backtest reuses all but the flow. */
  settings: RunSettings;
  reps: readonly Rep[];
  columns: readonly DatasetColumn[];
}

/** Runs two versions on the same leads and lists the leads whose rep changes. */
export function BacktestPanel({ flow, versions, settings, reps, columns }: BacktestPanelProps) {
  const { t } = useTranslation('simulation');
  const format = useFormat();
  const [before, setBefore] = useState<string | null>(versions[0]?.id ?? null);
  const [after, setAfter] = useState<string>(DRAFT);
  const [progress, setProgress] = useState<SimulationProgress | null>(null);
  const [result, setResult] = useState<BacktestSummary | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const [query, setQuery] = useState<ResultQuery>({ changedOnly: true });

  if (versions.length === 0) return <Alert color="blue">{t('backtest.needVersions')}</Alert>;

  const documentOf = (id: string) => documentOfVersion(flow, versions, id);
  const options = [
    { value: DRAFT, label: t('settings.versionDraft') },
    ...versions.map((version) => ({ value: version.id, label: version.name })),
  ];

  const compare = async () => {
    if (before === null || before === after) return;
    setFailure(null);
    setResult(null);
    try {
      const client = getSimulationClient();
      await client.run('before', { ...settings, flow: documentOf(before) }, setProgress).result;
      await client.run('after', { ...settings, flow: documentOf(after) }, setProgress).result;
      setResult(await client.compare());
      setGeneration((value) => value + 1);
      setQuery({ changedOnly: true });
    } catch (error) {
      if (!(error instanceof SimulationRequestError && error.cancelled))
        setFailure(
          error instanceof SimulationRequestError
            ? t(`errors.${error.failure?.code ?? 'unexpected'}`, error.failure?.params ?? {})
            : String(error),
        );
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack gap="sm" data-testid="backtest-panel">
      <Text size="sm">{t('backtest.intro')}</Text>
      <Group align="flex-end">
        <Select
          label={t('backtest.before')}
          data={options}
          value={before}
          onChange={setBefore}
          allowDeselect={false}
          data-testid="backtest-before"
        />
        <Select
          label={t('backtest.after')}
          data={options}
          value={after}
          onChange={(value) => setAfter(value ?? DRAFT)}
          allowDeselect={false}
          data-testid="backtest-after"
        />
        <Button
          onClick={() => void compare()}
          disabled={before === null || before === after}
          loading={progress !== null}
          data-testid="backtest-run"
        >
          {t('backtest.run')}
        </Button>
      </Group>
      {before === after && (
        <Text size="xs" c="red">
          {t('backtest.sameVersion')}
        </Text>
      )}
      {progress && progress.total > 0 && (
        <Progress value={(progress.done / progress.total) * 100} />
      )}
      {failure && <Alert color="red">{failure}</Alert>}
      {result && (
        <>
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Title order={3} size="h5" data-testid="backtest-changed">
                {t('backtest.changed', {
                  changed: format.number(result.changed),
                  total: format.number(result.total),
                })}
              </Title>
              <Table striped data-testid="backtest-reps">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('backtest.rep')}</Table.Th>
                    <Table.Th ta="right">{t('backtest.countBefore')}</Table.Th>
                    <Table.Th ta="right">{t('backtest.countAfter')}</Table.Th>
                    <Table.Th ta="right">{t('backtest.difference')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.reps.map((rep) => (
                    <Table.Tr key={rep.repId ?? 'none'}>
                      <Table.Td>
                        {rep.repId === null
                          ? t('backtest.unassigned')
                          : (reps.find((candidate) => candidate.id === rep.repId)?.name ??
                            rep.repId)}
                      </Table.Td>
                      <Table.Td ta="right">{format.number(rep.before)}</Table.Td>
                      <Table.Td ta="right">{format.number(rep.after)}</Table.Td>
                      <Table.Td ta="right">
                        {format.number(rep.after - rep.before, { signDisplay: 'exceptZero' })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          </Paper>
          <div style={{ height: 420, display: 'flex', flexDirection: 'column' }}>
            <ResultsTable
              slot="after"
              generation={generation}
              document={documentOf(after)}
              reps={reps}
              columns={columns}
              query={query}
              onQueryChange={setQuery}
              selectedPosition={null}
              onSelect={() => undefined}
              compare
            />
          </div>
        </>
      )}
    </Stack>
  );
}
