import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifyFailure } from '../../app/notifications';
import { downloadTable, type DownloadCell } from './table-download';

/** A button that saves a table as CSV or XLSX. `rows` is called when the user picks a format. */
export function TableExportMenu({
  fileName,
  rows,
  label,
}: {
  fileName: string;
  rows: () => DownloadCell[][];
  label: string;
}) {
  const { t } = useTranslation('dashboard');
  const save = (format: 'csv' | 'xlsx') =>
    downloadTable(fileName, format, rows()).catch((error: unknown) =>
      notifyFailure(t, 'dashboard:errors.exportFailed', error),
    );

  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconDownload size={14} />}
          aria-label={t('export.label', { table: label })}
        >
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void save('csv')}>{t('export.csv')}</Menu.Item>
        <Menu.Item onClick={() => void save('xlsx')}>{t('export.xlsx')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
