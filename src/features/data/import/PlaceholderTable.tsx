import { Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/useFormat';
import type { ImportAnalysis } from './import-worker.protocol';
import { useImportWizard } from './import-wizard.store';

/** Placeholder values (`Select`, `请选择`, `N/A` …) per column, each stored as empty unless kept. */
export function PlaceholderTable({ analysis }: { analysis: ImportAnalysis }) {
  const { t } = useTranslation('data');
  const format = useFormat();
  const setEmptied = useImportWizard((state) => state.setPlaceholderEmptied);

  if (analysis.placeholders.length === 0) {
    return (
      <Text c="dimmed" size="sm" py="md">
        {t('placeholders.none')}
      </Text>
    );
  }
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {t('placeholders.explain')}
      </Text>
      <Table verticalSpacing={6} data-testid="placeholder-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('placeholders.column')}</Table.Th>
            <Table.Th>{t('placeholders.value')}</Table.Th>
            <Table.Th>{t('placeholders.count')}</Table.Th>
            <Table.Th>{t('placeholders.firstRow')}</Table.Th>
            <Table.Th>{t('placeholders.empty')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {analysis.placeholders.map((entry) => (
            <Table.Tr key={`${entry.columnKey}\u0000${entry.value}`}>
              <Table.Td>{entry.column}</Table.Td>
              <Table.Td>
                <Text component="code" size="sm">
                  {entry.value}
                </Text>
              </Table.Td>
              <Table.Td>{format.number(entry.count)}</Table.Td>
              <Table.Td>{entry.firstRow}</Table.Td>
              <Table.Td>
                <Checkbox
                  checked={entry.emptied}
                  onChange={(event) =>
                    void setEmptied(entry.columnKey, entry.value, event.currentTarget.checked)
                  }
                  aria-label={t('placeholders.emptyOf', {
                    value: entry.value,
                    column: entry.column,
                  })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
