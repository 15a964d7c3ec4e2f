import { Checkbox, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../app/forms/NumberField';
import { useFormat } from '../../i18n/useFormat';
import type { DatasetRecord } from '../../storage/records';
import { useDatasetLabels } from '../data/datasets/useDatasetLabels';
import { personRowKey } from './plan-grid';
import {
  suggestDatasetChoice,
  type DatasetChoice,
  type PeopleSplitChoice,
  type SplitFormState,
  type TimeSplitChoice,
} from './split-form';
import type { PlanPerson, TargetUnit } from './target-plan.types';

interface SplitMethodFieldsProps {
  value: SplitFormState;
  onChange: (value: SplitFormState) => void;
  datasets: readonly DatasetRecord[];
  people: readonly PlanPerson[];
  unit: TargetUnit;
  total: number;
}

function DatasetFields({
  choice,
  onChange,
  datasets,
  withOwner,
  withPeriod,
  idPrefix,
}: {
  choice: DatasetChoice;
  onChange: (choice: DatasetChoice) => void;
  datasets: readonly DatasetRecord[];
  withOwner: boolean;
  withPeriod: boolean;
  idPrefix: string;
}) {
  const { t } = useTranslation('targets');
  const datasetLabels = useDatasetLabels(datasets);
  const dataset = datasets.find((candidate) => candidate.id === choice.datasetId);
  const columns = (dataset?.columns ?? []).map((column) => ({
    value: column.key,
    label: column.header || column.key,
  }));

  if (datasets.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('form.noDatasets')}
      </Text>
    );

  return (
    <Stack gap="xs">
      <Select
        label={t('form.dataset')}
        data={datasets.map((candidate) => ({
          value: candidate.id,
          label: datasetLabels.get(candidate.id) ?? candidate.name,
        }))}
        value={choice.datasetId}
        onChange={(id) => {
          const next = datasets.find((candidate) => candidate.id === id);
          onChange(next ? suggestDatasetChoice(next, choice) : { ...choice, datasetId: null });
        }}
        data-testid={`${idPrefix}-dataset`}
      />
      {dataset && (
        <SimpleGrid cols={withOwner ? 3 : 2}>
          {withOwner && (
            <Select
              label={t('form.ownerColumn')}
              data={columns}
              value={choice.ownerColumn}
              onChange={(ownerColumn) => onChange({ ...choice, ownerColumn })}
            />
          )}
          <Select
            label={t('form.dateColumn')}
            data={columns}
            value={choice.dateColumn}
            onChange={(dateColumn) => onChange({ ...choice, dateColumn })}
          />
          <Select
            label={t('form.amountColumn')}
            placeholder={t('form.countRows')}
            data={columns}
            value={choice.amountColumn}
            onChange={(amountColumn) => onChange({ ...choice, amountColumn })}
            clearable
          />
        </SimpleGrid>
      )}
      {dataset && withPeriod && (
        <Group grow>
          <TextInput
            type="date"
            label={t('form.from')}
            value={choice.from}
            onChange={(event) => onChange({ ...choice, from: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('form.to')}
            value={choice.to}
            onChange={(event) => onChange({ ...choice, to: event.currentTarget.value })}
          />
        </Group>
      )}
      {dataset && (
        <Checkbox
          label={t('form.onlyWon')}
          checked={choice.onlyWon}
          onChange={(event) => onChange({ ...choice, onlyWon: event.currentTarget.checked })}
        />
      )}
    </Stack>
  );
}

/**
 * The time split and people split choices of the plan form and the re-split
 * form. Memoised, so a keystroke in another field of the form skips it.
 */
export const SplitMethodFields = memo(function SplitMethodFields({
  value,
  onChange,
  datasets,
  people,
  unit,
  total,
}: SplitMethodFieldsProps) {
  const { t } = useTranslation('targets');
  const format = useFormat();
  const manualSum = people.reduce(
    (sum, person) => sum + (value.manualAmounts[personRowKey(person.id)] ?? 0),
    0,
  );

  return (
    <Stack gap="md">
      <Select
        label={t('form.timeSplit')}
        data={(['even', 'seasonal', 'lastYear'] as TimeSplitChoice[]).map((method) => ({
          value: method,
          label: t(`timeSplit.${method}`),
        }))}
        value={value.time}
        onChange={(method) => method && onChange({ ...value, time: method as TimeSplitChoice })}
        allowDeselect={false}
        description={t(`timeSplitHelp.${value.time}`)}
      />
      {value.time === 'seasonal' && (
        <SimpleGrid cols={6} spacing="xs">
          {value.monthWeights.map((weight, month) => (
            <NumberField
              key={month}
              label={t(`columns.m${month + 1}`)}
              value={weight}
              min={0}
              required
              decimalScale={2}
              onNumberChange={(next) => {
                const monthWeights = [...value.monthWeights];
                monthWeights[month] = next ?? 0;
                onChange({ ...value, monthWeights });
              }}
            />
          ))}
        </SimpleGrid>
      )}
      {value.time === 'lastYear' && (
        <DatasetFields
          idPrefix="actuals"
          choice={value.actuals}
          onChange={(actuals) => onChange({ ...value, actuals })}
          datasets={datasets}
          withOwner={false}
          withPeriod={false}
        />
      )}

      <Select
        label={t('form.peopleSplit')}
        data={(['even', 'weight', 'lastPeriod', 'manual'] as PeopleSplitChoice[]).map((method) => ({
          value: method,
          label: t(`peopleSplit.${method}`),
        }))}
        value={value.people}
        onChange={(method) => method && onChange({ ...value, people: method as PeopleSplitChoice })}
        allowDeselect={false}
        description={t(`peopleSplitHelp.${value.people}`)}
      />
      {value.people === 'lastPeriod' && (
        <DatasetFields
          idPrefix="results"
          choice={value.results}
          onChange={(results) => onChange({ ...value, results })}
          datasets={datasets}
          withOwner
          withPeriod
        />
      )}
      {value.people === 'manual' && (
        <Table withTableBorder verticalSpacing={4}>
          <Table.Tbody>
            {people.map((person) => (
              <Table.Tr key={person.id}>
                <Table.Td>{person.name}</Table.Td>
                <Table.Td c="dimmed">{person.team || t('grid.noTeam')}</Table.Td>
                <Table.Td>
                  <NumberField
                    aria-label={t('form.manualAmount', { name: person.name })}
                    value={value.manualAmounts[personRowKey(person.id)] ?? 0}
                    min={0}
                    integer
                    required
                    thousandSeparator=","
                    prefix={unit === 'yuan' ? '¥' : undefined}
                    onNumberChange={(next) =>
                      onChange({
                        ...value,
                        manualAmounts: {
                          ...value.manualAmounts,
                          [personRowKey(person.id)]: next ?? 0,
                        },
                      })
                    }
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={2}>{t('form.manualSum')}</Table.Th>
              <Table.Th c={manualSum === total ? 'teal' : 'red'}>
                {format.number(manualSum)} / {format.number(total)}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </Stack>
  );
});
