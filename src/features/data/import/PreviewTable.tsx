import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { cellText } from '../table-view/table-view.model';
import type { ImportAnalysis } from './import-worker.protocol';

/** The first rows exactly as they will be stored, one column per storage key. */
export function PreviewTable({ analysis }: { analysis: ImportAnalysis }) {
  const { t } = useTranslation('data');

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
            {analysis.sampleRows.map((row, index) => (
              <Table.Tr key={analysis.sampleRowNumbers[index]}>
                <Table.Td c="dimmed">{analysis.sampleRowNumbers[index]}</Table.Td>
                {analysis.columns.map((column) => (
                  <Table.Td key={column.key}>
                    <Text size="sm" lineClamp={1}>
                      {cellText(row[column.storageKey])}
                    </Text>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
