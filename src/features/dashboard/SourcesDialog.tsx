import {
  Accordion,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../app/forms/NumberField';
import { useFormat } from '../../i18n/useFormat';
import type { DatasetRecord, RunRecord } from '../../storage/records';
import { useDatasetLabels } from '../data/datasets/useDatasetLabels';
import {
  datasetSourceOf,
  type DashboardSettings,
  type DatasetSourceSettings,
} from './dashboard-settings';
import { DEFAULT_WON_VALUES, OUTCOME_FIELDS, type OutcomeField } from './outcome-fields';

interface SourcesDialogProps {
  opened: boolean;
  settings: DashboardSettings;
  datasets: readonly DatasetRecord[];
  runs: readonly RunRecord[];
  flowName: (flowId: string) => string;
  onClose: () => void;
  onSave: (settings: DashboardSettings) => void;
}

function sourceFor(dataset: DatasetRecord, settings: DashboardSettings): DatasetSourceSettings {
  return datasetSourceOf(settings, dataset);
}

/** Chooses the datasets and applied runs the dashboard reads, how their columns map, and the alert thresholds. */
export function SourcesDialog({
  opened,
  settings,
  datasets,
  runs,
  flowName,
  onClose,
  onSave,
}: SourcesDialogProps) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const datasetLabels = useDatasetLabels(datasets);
  const labelOf = (dataset: DatasetRecord) => datasetLabels.get(dataset.id) ?? dataset.name;
  const [draft, setDraft] = useState(settings);
  const numbersRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (opened) setDraft(settings);
  }, [opened, settings]);

  const apply = () => {
    // A threshold field that rejects its text marks itself aria-invalid and shows why.
    const invalidField = numbersRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalidField) {
      invalidField.focus();
      return;
    }
    onSave(draft);
  };

  const toggleDataset = (dataset: DatasetRecord, checked: boolean) => {
    const datasetIds = checked
      ? [...draft.datasetIds, dataset.id]
      : draft.datasetIds.filter((id) => id !== dataset.id);
    setDraft({
      ...draft,
      datasetIds,
      sources: { ...draft.sources, [dataset.id]: sourceFor(dataset, draft) },
    });
  };

  const updateSource = (dataset: DatasetRecord, patch: Partial<DatasetSourceSettings>) =>
    setDraft({
      ...draft,
      sources: { ...draft.sources, [dataset.id]: { ...sourceFor(dataset, draft), ...patch } },
    });

  const selected = datasets.filter((dataset) => draft.datasetIds.includes(dataset.id));

  return (
    <Modal opened={opened} onClose={onClose} title={t('sources.title')} size="xl">
      <Stack>
        <Text size="sm" fw={600}>
          {t('sources.datasets')}
        </Text>
        {datasets.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('sources.noDatasets')}
          </Text>
        )}
        {datasets.map((dataset) => (
          <Checkbox
            key={dataset.id}
            label={labelOf(dataset)}
            description={t(`sources.kinds.${dataset.kind}`)}
            checked={draft.datasetIds.includes(dataset.id)}
            onChange={(event) => toggleDataset(dataset, event.currentTarget.checked)}
          />
        ))}

        {selected.length > 0 && (
          <Accordion variant="contained" defaultValue={selected[0]?.id}>
            {selected.map((dataset) => {
              const source = sourceFor(dataset, draft);
              const columns = dataset.columns.map((column) => ({
                value: column.key,
                label: column.header || column.key,
              }));
              return (
                <Accordion.Item key={dataset.id} value={dataset.id}>
                  <Accordion.Control>
                    {t('sources.columnsOf', { name: labelOf(dataset) })}
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Stack gap="xs">
                      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                        {OUTCOME_FIELDS.map((field: OutcomeField) => (
                          <Select
                            key={field}
                            label={t(`fields.${field}`)}
                            data={columns}
                            value={source.mapping[field] ?? null}
                            onChange={(column) => {
                              const mapping = { ...source.mapping };
                              if (column) mapping[field] = column;
                              else delete mapping[field];
                              updateSource(dataset, { mapping });
                            }}
                            clearable
                            placeholder={t('sources.notMapped')}
                          />
                        ))}
                      </SimpleGrid>
                      <TagsInput
                        label={t('sources.wonValues')}
                        description={t('sources.wonValuesHelp')}
                        value={source.wonValues ?? [...DEFAULT_WON_VALUES]}
                        onChange={(wonValues) => updateSource(dataset, { wonValues })}
                      />
                      <Checkbox
                        label={t('sources.everyRowWon')}
                        checked={source.everyRowWon ?? false}
                        onChange={(event) =>
                          updateSource(dataset, { everyRowWon: event.currentTarget.checked })
                        }
                      />
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
        )}

        <Text size="sm" fw={600}>
          {t('sources.runs')}
        </Text>
        {runs.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('sources.noRuns')}
          </Text>
        ) : (
          runs.map((run) => (
            <Checkbox
              key={run.id}
              label={t('sources.runLabel', {
                flow: flowName(run.flowId),
                date: format.dateTime(run.appliedAt ?? run.createdAt),
                leads: format.number(run.leadCount),
              })}
              checked={draft.runIds.includes(run.id)}
              onChange={(event) => {
                const runIds = event.currentTarget.checked
                  ? [...draft.runIds, run.id]
                  : draft.runIds.filter((id) => id !== run.id);
                setDraft({ ...draft, runIds });
              }}
            />
          ))
        )}

        <SimpleGrid cols={3} ref={numbersRef}>
          <NumberField
            label={t('sources.behindMargin')}
            description={t('sources.behindMarginHelp')}
            value={Math.round(draft.behindMargin * 100)}
            min={0}
            max={100}
            integer
            required
            suffix="%"
            onNumberChange={(value) => setDraft({ ...draft, behindMargin: (value ?? 0) / 100 })}
          />
          <NumberField
            label={t('sources.fairnessThreshold')}
            description={t('sources.fairnessThresholdHelp')}
            value={Math.round(draft.fairnessThreshold * 1000) / 10}
            min={0}
            max={100}
            required
            decimalScale={1}
            suffix="%"
            onNumberChange={(value) =>
              setDraft({ ...draft, fairnessThreshold: (value ?? 0) / 100 })
            }
          />
          <NumberField
            label={t('sources.fairnessMinLeads')}
            value={draft.fairnessMinLeads}
            min={0}
            integer
            required
            onNumberChange={(value) => setDraft({ ...draft, fairnessMinLeads: value ?? 0 })}
          />
        </SimpleGrid>

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={apply}>{t('sources.apply')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
