import { Badge, NativeSelect, Table, Text } from '@mantine/core';
import { STANDARD_FIELDS } from '@sras/import';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cellText } from '../table-view/table-view.model';
import type { AnalysisColumn, ImportAnalysis, WizardColumnType } from './import-worker.protocol';
import { useImportWizard } from './import-wizard.store';
import { useFrameReveal } from '../useFrameReveal';

const NO_FIELD = '__none__';

interface SelectOption {
  value: string;
  label: string;
}
const TYPES: readonly WizardColumnType[] = ['text', 'number', 'date', 'boolean', 'phone'];
const SAMPLE_VALUES = 3;
/** Mapping rows mounted per animation frame: a wide file's table mounts over a few frames. */
const ROWS_PER_FRAME = 6;

/**
 * One row per column: sample values, the field it is mapped to, its type and
 * where the mapping came from. Native selects keep each row light, and the
 * rows mount six per frame, so a wide file's table never mounts in one
 * long main-thread task.
 */
export function ColumnMappingTable({ analysis }: { analysis: ImportAnalysis }) {
  const { t } = useTranslation('data');
  const fieldOptions = useMemo(() => {
    const custom = analysis.columns
      .map((column) => column.field)
      .filter(
        (field): field is string =>
          field !== null && !(STANDARD_FIELDS as readonly string[]).includes(field),
      );
    return [
      { value: NO_FIELD, label: t('mapping.noField') },
      ...[...STANDARD_FIELDS, ...custom].map((field) => ({
        value: field,
        label: `${t(`fields.${field}`, { defaultValue: field })} · ${field}`,
      })),
    ];
  }, [analysis.columns, t]);
  const typeOptions = useMemo(
    () => TYPES.map((type) => ({ value: type, label: t(`types.${type}`) })),
    [t],
  );
  const shownRows = useFrameReveal(analysis.columns.length, ROWS_PER_FRAME);

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing={6} data-testid="column-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mapping.column')}</Table.Th>
            <Table.Th>{t('mapping.samples')}</Table.Th>
            <Table.Th w={240}>{t('mapping.field')}</Table.Th>
            <Table.Th w={150}>{t('mapping.type')}</Table.Th>
            <Table.Th w={110}>{t('mapping.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {analysis.columns.slice(0, shownRows).map((column) => (
            <MappingRow
              key={column.key}
              analysis={analysis}
              column={column}
              fieldOptions={fieldOptions}
              typeOptions={typeOptions}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface MappingRowProps {
  analysis: ImportAnalysis;
  column: AnalysisColumn;
  fieldOptions: SelectOption[];
  typeOptions: SelectOption[];
}

/** One column's mapping row; memoised so that revealing more rows does not render earlier ones. */
const MappingRow = memo(function MappingRow({
  analysis,
  column,
  fieldOptions,
  typeOptions,
}: MappingRowProps) {
  const { t } = useTranslation('data');
  const mapColumn = useImportWizard((state) => state.mapColumn);
  const setColumnType = useImportWizard((state) => state.setColumnType);

  return (
    <Table.Tr data-testid="mapping-row" data-column={column.key}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {column.header || t('mapping.unnamed', { position: column.position })}
        </Text>
        <Text size="xs" c="dimmed">
          {column.letter
            ? t('mapping.letter', { letter: column.letter })
            : t('mapping.position', { position: column.position })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed" lineClamp={2}>
          {sampleValues(analysis, column).join(' · ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={t('mapping.fieldOf', { column: column.header || column.key })}
          data={fieldOptions}
          value={column.field ?? NO_FIELD}
          onChange={(event) => {
            const value = event.currentTarget.value;
            void mapColumn(column.key, value === NO_FIELD ? null : value);
          }}
          size="xs"
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={t('mapping.typeOf', { column: column.header || column.key })}
          data={typeOptions}
          value={column.type}
          onChange={(event) =>
            void setColumnType(column.key, event.currentTarget.value as WizardColumnType)
          }
          disabled={column.typeLocked || column.field === 'phone' || column.field === 'tel'}
          title={column.typeLocked ? t('mapping.typeLocked') : undefined}
          size="xs"
        />
      </Table.Td>
      <Table.Td>
        {column.mappedBy && column.field && (
          <Badge variant="light" color={SOURCE_COLORS[column.mappedBy]} size="sm">
            {t(`mapping.sources.${column.mappedBy}`)}
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
});

const SOURCE_COLORS: Record<NonNullable<AnalysisColumn['mappedBy']>, string> = {
  synonym: 'blue',
  keyword: 'cyan',
  memory: 'grape',
  user: 'green',
};

function sampleValues(analysis: ImportAnalysis, column: AnalysisColumn): string[] {
  const values: string[] = [];
  for (const row of analysis.sampleRows) {
    const text = cellText(row[column.storageKey]);
    if (text !== '' && !values.includes(text)) values.push(text);
    if (values.length === SAMPLE_VALUES) break;
  }
  return values;
}
