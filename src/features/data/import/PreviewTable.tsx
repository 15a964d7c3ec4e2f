import { Table, Text } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { cellText } from '../table-view/table-view.model';
import type { ImportAnalysis } from './import-worker.protocol';
import { useFrameReveal } from '../useFrameReveal';

/** Preview rows mounted per animation frame, so that a wide preview mounts over a few frames. */
const ROWS_PER_FRAME = 10;

/** The first rows exactly as they will be stored, one column per storage key. */
export function PreviewTable({ analysis }: { analysis: ImportAnalysis }) {
  const { t } = useTranslation('data');
  const shownRows = useFrameReveal(analysis.sampleRows.length, ROWS_PER_FRAME);

  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {t('preview.explain', { count: analysis.sampleRows.length })}
      </Text>
      <Table.ScrollContainer
        minWidth={Math.max(600, analysis.columns.length * 140)}
        maxHeight={460}
      >
        <Table
          striped
          withTableBorder
          withColumnBorders
          stickyHeader
          verticalSpacing={4}
          data-testid="preview-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('preview.fileRow')}</Table.Th>
              {analysis.columns.map((column) => (
                <Table.Th key={column.key} miw={120}>
                  <Text size="sm" fw={600} lineClamp={1}>
                    {column.header || column.key}
                  </Text>
                  {column.storageKey !== column.header && (
                    <Text size="xs" c="dimmed" ff="monospace">
                      {column.storageKey}
                    </Text>
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {analysis.sampleRows.slice(0, shownRows).map((row, index) => (
              <PreviewRow
                key={analysis.sampleRowNumbers[index]}
                row={row}
                rowNumber={analysis.sampleRowNumbers[index]}
                columns={analysis.columns}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

interface PreviewRowProps {
  row: ImportAnalysis['sampleRows'][number];
  rowNumber: number | undefined;
  columns: ImportAnalysis['columns'];
}

/** One preview row; memoised so that revealing more rows does not render earlier ones. */
const PreviewRow = memo(function PreviewRow({ row, rowNumber, columns }: PreviewRowProps) {
  return (
    <Table.Tr>
      <Table.Td c="dimmed">{rowNumber}</Table.Td>
      {columns.map((column) => (
        <Table.Td key={column.key}>
          <Text size="sm" lineClamp={1}>
            {cellText(row[column.storageKey])}
          </Text>
        </Table.Td>
      ))}
    </Table.Tr>
  );
});
