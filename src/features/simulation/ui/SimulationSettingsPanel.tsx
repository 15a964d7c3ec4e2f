import { memo, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FlowDocument, Rep } from '@sras/engine';
import { paths } from '../../../app/paths';
import { useFormat } from '../../../i18n/useFormat';
import { useDatasetLabels } from '../../data/datasets/useDatasetLabels';
import type { FlowRecord, FlowVersionRecord } from '../../../storage/records';
import { findMissingColumns } from '../engine/missing-columns';
import type { RunSettings } from '../worker/simulation.protocol';
import { MissingColumnList } from './MissingColumnList';
import { useSimulationStore } from './simulation.store';
import { useAppliedState, useDatasetsOfKind } from './useSimulationInputs';

/** Version choice of the current draft. */
export const DRAFT = 'draft';

/** The document of a version choice: the draft's, or the version's. */
export function documentOfVersion(
  flow: FlowRecord,
  versions: readonly FlowVersionRecord[],
  versionId: string,
): FlowDocument {
  if (versionId === DRAFT) return flow.document;
  return versions.find((version) => version.id === versionId)?.document ?? flow.document;
}

export interface SettingsChoice {
  settings: RunSettings;
  versionId: string | null;
}

interface SimulationSettingsPanelProps {
  flow: FlowRecord;
  versions: FlowVersionRecord[];
  reps: Rep[];
  /** The version to run, `DRAFT` for the draft; the screen shows it on its canvas. */
  versionId: string;
  onVersionChange: (versionId: string) => void;
  onRun: (choice: SettingsChoice) => void;
}

/** `datetime-local` text of an epoch time in the browser's zone. */
function toLocalInput(epochMs: number): string {
  const date = new Date(epochMs - new Date(epochMs).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

/**
 * The form above the results: leads, existing customers, version, starting
 * state and time. Memoised: the screen re-renders as a result mounts, and
 * this form has nothing new to show then.
 */
export const SimulationSettingsPanel = memo(function SimulationSettingsPanel({
  flow,
  versions,
  reps,
  versionId,
  onVersionChange,
  onRun,
}: SimulationSettingsPanelProps) {
  const { t } = useTranslation('simulation');
  const format = useFormat();
  const datasets = useDatasetsOfKind('leads');
  const ownerLists = useDatasetsOfKind('owners');
  const datasetLabels = useDatasetLabels(datasets);
  const ownerListLabels = useDatasetLabels(ownerLists);
  const applied = useAppliedState(flow.id);

  const [datasetId, setDatasetId] = useState<string | null>(null);
  const [ownersId, setOwnersId] = useState<string | null>(null);
  const [ownersChosen, setOwnersChosen] = useState(false);
  const [start, setStart] = useState<'fresh' | 'applied'>('fresh');
  const [timeMode, setTimeMode] = useState<'now' | 'field'>('now');
  const [time, setTime] = useState(() => toLocalInput(Date.now()));
  const [timeField, setTimeField] = useState<string | null>(null);

  // A trial user has one dataset: pick the newest so that one click runs.
  useEffect(() => {
    if (datasetId === null && datasets[0]) setDatasetId(datasets[0].id);
  }, [datasetId, datasets]);

  const dataset = datasets.find((candidate) => candidate.id === datasetId);

  // Sample leads of a template come with that template's customer list: use
  // it until the user picks a list, so duplicates show on the first run.
  const templateId = dataset?.origin?.templateId;
  useEffect(() => {
    if (ownersChosen || templateId === undefined) return;
    const sampleOwners = ownerLists.find((list) => list.origin?.templateId === templateId);
    setOwnersId(sampleOwners?.id ?? null);
  }, [ownersChosen, templateId, ownerLists]);
  const timeColumns = (dataset?.columns ?? [])
    .filter((column) => column.type === 'date' || /time|date|时间|日期/i.test(column.header))
    .map((column) => ({ value: column.key, label: column.header }));
  const appliedRun = applied?.run;
  const document = documentOfVersion(flow, versions, versionId);
  const missingColumns = useMemo(
    () => (dataset ? findMissingColumns(document, dataset.columns) : []),
    [document, dataset],
  );

  const submit = () => {
    if (!dataset) return;
    const nowMs = Date.parse(time);
    onRun({
      settings: {
        flow: document,
        datasetId: dataset.id,
        ownersDatasetId: ownersId,
        reps,
        startRunId: start === 'applied' && applied ? applied.state.runId : null,
        now: Number.isFinite(nowMs) ? nowMs : Date.now(),
        timeField: timeMode === 'field' ? timeField : null,
      },
      versionId: versionId === DRAFT ? null : versionId,
    });
  };

  if (datasets.length === 0) {
    return (
      <Alert color="blue" title={t('settings.noDatasets')} data-testid="simulation-no-datasets">
        <Anchor component={Link} to={paths.data()}>
          {t('settings.importLeads')}
        </Anchor>
      </Alert>
    );
  }

  const datasetOptions = datasets.map((candidate) => ({
    value: candidate.id,
    label: datasetLabels.get(candidate.id) ?? candidate.name,
  }));
  const ownerListOptions = ownerLists.map((list) => ({
    value: list.id,
    label: ownerListLabels.get(list.id) ?? list.name,
  }));

  return (
    <Paper withBorder p="md" data-testid="simulation-settings">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <Select
            label={t('settings.dataset')}
            placeholder={t('settings.datasetPlaceholder')}
            data={datasetOptions}
            value={datasetId}
            onChange={setDatasetId}
            allowDeselect={false}
            // The grid cell is narrower than a long dataset name: the input
            // keeps the whole label as its title and the list grows to fit.
            title={datasetOptions.find((option) => option.value === datasetId)?.label}
            comboboxProps={{ width: 'max-content', position: 'bottom-start' }}
            data-testid="simulation-dataset"
          />
          <Select
            label={t('settings.owners')}
            data={[{ value: '', label: t('settings.ownersNone') }, ...ownerListOptions]}
            value={ownersId ?? ''}
            onChange={(value) => {
              setOwnersChosen(true);
              setOwnersId(value ? value : null);
            }}
            allowDeselect={false}
            title={ownerListOptions.find((option) => option.value === ownersId)?.label}
            comboboxProps={{ width: 'max-content', position: 'bottom-start' }}
            data-testid="simulation-owners"
          />
          <Select
            label={t('settings.version')}
            data={[
              { value: DRAFT, label: t('settings.versionDraft') },
              ...versions.map((version) => ({ value: version.id, label: version.name })),
            ]}
            value={versionId}
            onChange={(value) => onVersionChange(value ?? DRAFT)}
            allowDeselect={false}
            data-testid="simulation-version"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('settings.time')}
            </Text>
            <SegmentedControl
              size="xs"
              value={timeMode}
              onChange={(value) => setTimeMode(value as 'now' | 'field')}
              data={[
                { value: 'now', label: t('settings.timeNow') },
                {
                  value: 'field',
                  label: t('settings.timeField'),
                  disabled: timeColumns.length === 0,
                },
              ]}
            />
            <TextInput
              type="datetime-local"
              aria-label={t('settings.time')}
              value={time}
              onChange={(event) => setTime(event.currentTarget.value)}
              data-testid="simulation-time"
            />
            {timeMode === 'field' && (
              <Select
                aria-label={t('settings.timeFieldColumn')}
                description={t('settings.timeFieldHelp')}
                data={timeColumns}
                value={timeField}
                onChange={setTimeField}
              />
            )}
          </Stack>
        </SimpleGrid>
        <Radio.Group
          label={t('settings.start')}
          description={t('settings.startHelp')}
          value={start}
          onChange={(value) => setStart(value as 'fresh' | 'applied')}
        >
          <Group mt={4}>
            <Radio value="fresh" label={t('settings.startFresh')} />
            <Radio
              value="applied"
              disabled={!applied}
              label={
                applied
                  ? t('settings.startApplied', {
                      date: format.dateTime(appliedRun?.appliedAt ?? applied.state.updatedAt),
                    })
                  : t('settings.startAppliedNone')
              }
            />
          </Group>
        </Radio.Group>
        {reps.length === 0 && (
          <Alert color="yellow" variant="light">
            {t('settings.noReps')}
          </Alert>
        )}
        <MissingColumnList problems={missingColumns} document={document} flowId={flow.id} />
        <Group>
          <RunButton
            flowId={flow.id}
            onClick={submit}
            disabled={!dataset || (timeMode === 'field' && !timeField)}
          />
        </Group>
      </Stack>
    </Paper>
  );
});

/**
 * The Run button. It alone follows whether a run is in flight, so that
 * starting and finishing a run do not re-render the whole form.
 */
function RunButton({
  flowId,
  onClick,
  disabled,
}: {
  flowId: string;
  onClick: () => void;
  disabled: boolean;
}) {
  const { t } = useTranslation('simulation');
  const running = useSimulationStore((state) => state.progress !== null);
  const hasResult = useSimulationStore((state) => state.flowId === flowId && state.ready !== null);
  return (
    <Button
      leftSection={<IconPlayerPlay size={16} />}
      onClick={onClick}
      loading={running}
      disabled={disabled}
      data-testid="simulation-run"
    >
      {hasResult ? t('settings.rerun') : t('settings.run')}
    </Button>
  );
}
