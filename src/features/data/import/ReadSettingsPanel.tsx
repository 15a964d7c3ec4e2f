import { NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportAnalysis, ParseSettings } from './import-worker.protocol';
import { useImportWizard } from './import-wizard.store';

const ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
const DELIMITERS = [',', ';', '\t', '|', ' '] as const;
const DELIMITER_NAMES: Record<(typeof DELIMITERS)[number], string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
  ' ': 'space',
};
const AUTO = 'auto';
const NO_HEADER = 'none';

/**
 * The detected encoding, delimiter, header row and sheet, each changeable.
 * Native selects: a combobox's popover measures its position when it mounts,
 * which forces a layout of the whole review in the task that mounts it.
 */
export function ReadSettingsPanel({ analysis }: { analysis: ImportAnalysis }) {
  const { t } = useTranslation('data');
  const settings = useImportWizard((state) => state.settings);
  const changeTable = useImportWizard((state) => state.changeTable);
  const isText = analysis.format === 'csv';

  const headerValue =
    settings.headerRow === 'none' || (settings.headerRow === 'auto' && analysis.headerRow === null)
      ? NO_HEADER
      : String(typeof settings.headerRow === 'number' ? settings.headerRow : analysis.headerRow);
  const headerOptions = [
    ...analysis.previewRows.map((row) => ({
      value: String(row.row),
      label: t('read.headerRowOption', {
        row: row.row,
        cells: row.cells
          .filter((cell) => cell !== '')
          .slice(0, 4)
          .join(' · ')
          .slice(0, 60),
      }),
    })),
    { value: NO_HEADER, label: t('read.noHeader') },
  ];
  if (!headerOptions.some((option) => option.value === headerValue) && headerValue !== NO_HEADER) {
    headerOptions.unshift({
      value: headerValue,
      label: t('read.headerRowOption', { row: headerValue, cells: '' }),
    });
  }

  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: isText ? 3 : 2 }}>
        {isText && (
          <NativeSelect
            label={t('read.encoding')}
            data={[
              { value: AUTO, label: t('read.detect') },
              ...ENCODINGS.map((encoding) => ({
                value: encoding,
                label: t(`read.encodings.${encoding}`),
              })),
            ]}
            value={settings.encoding ?? AUTO}
            onChange={(event) => {
              const value = event.currentTarget.value;
              void changeTable({ encoding: value !== AUTO ? value : undefined });
            }}
          />
        )}
        {isText && (
          <NativeSelect
            label={t('read.delimiter')}
            data={[
              { value: AUTO, label: t('read.detect') },
              ...DELIMITERS.map((delimiter) => ({
                value: delimiter,
                label: t(`read.delimiters.${DELIMITER_NAMES[delimiter]}`),
              })),
            ]}
            value={settings.delimiter ?? AUTO}
            onChange={(event) => {
              const value = event.currentTarget.value;
              void changeTable({
                delimiter: value !== AUTO ? (value as ParseSettings['delimiter']) : undefined,
              });
            }}
          />
        )}
        {!isText && analysis.sheet && (
          <NativeSelect
            label={t('read.sheet')}
            data={analysis.sheet.names}
            value={settings.sheet ?? analysis.sheet.name}
            onChange={(event) => void changeTable({ sheet: event.currentTarget.value })}
          />
        )}
        <NativeSelect
          label={t('read.headerRow')}
          data={headerOptions}
          value={headerValue}
          onChange={(event) => {
            const value = event.currentTarget.value;
            void changeTable({ headerRow: value === NO_HEADER ? 'none' : Number(value) });
          }}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed" data-testid="read-explanation">
        {readExplanation(t, analysis, settings)}
      </Text>
    </Stack>
  );
}

function readExplanation(
  t: ReturnType<typeof useTranslation>['t'],
  analysis: ImportAnalysis,
  settings: ParseSettings,
): string {
  const parts: string[] = [];
  const encoding = analysis.encoding;
  if (encoding) {
    const name = t(`read.encodings.${encoding.encoding}`);
    parts.push(t(`read.because.${encoding.reason}`, { encoding: name }));
    if (encoding.overriddenEncoding) {
      parts.push(
        t('read.because.overridden', {
          encoding: t(`read.encodings.${encoding.overriddenEncoding}`),
        }),
      );
    }
  }
  if (analysis.delimiter) {
    const key = settings.delimiter ? 'read.delimiterChosen' : 'read.delimiterDetected';
    parts.push(t(key, { delimiter: t(`read.delimiters.${DELIMITER_NAMES[analysis.delimiter]}`) }));
  }
  if (analysis.sheet) parts.push(t('read.sheetRead', { sheet: analysis.sheet.name }));
  if (analysis.headerRow !== null) {
    const key = settings.headerRow === 'auto' ? 'read.headerDetected' : 'read.headerChosen';
    parts.push(t(key, { row: analysis.headerRow }));
  } else {
    parts.push(t('read.headerNone'));
  }
  if (analysis.report.rowsAboveHeader > 0) {
    parts.push(t('read.rowsAbove', { count: analysis.report.rowsAboveHeader }));
  }
  if (analysis.filledMergedCells > 0) {
    parts.push(t('read.mergedFilled', { count: analysis.filledMergedCells }));
  }
  return parts.join(' ');
}
