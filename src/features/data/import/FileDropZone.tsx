import { Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** File types the wizard reads; the import package tells the format from the bytes. */
const ACCEPTED = {
  'text/csv': ['.csv'],
  'text/tab-separated-values': ['.tsv'],
  'text/plain': ['.txt'],
  'application/vnd.ms-excel': ['.xls', '.csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

interface FileDropZoneProps {
  onFile: (file: File) => void;
  onReject: () => void;
}

/** Drop area and file picker for one spreadsheet. */
export function FileDropZone({ onFile, onReject }: FileDropZoneProps) {
  const { t } = useTranslation('data');

  return (
    <Dropzone
      onDrop={(files) => {
        const [file] = files;
        if (file) onFile(file);
      }}
      onReject={onReject}
      accept={ACCEPTED}
      multiple={false}
      data-testid="import-dropzone"
      inputProps={{ 'aria-label': t('drop.inputLabel') }}
    >
      <Group justify="center" gap="xl" mih={140} style={{ pointerEvents: 'none' }}>
        <Dropzone.Accept>
          <IconUpload size={48} stroke={1.5} />
        </Dropzone.Accept>
        <Dropzone.Reject>
          <IconX size={48} stroke={1.5} />
        </Dropzone.Reject>
        <Dropzone.Idle>
          <IconFileSpreadsheet size={48} stroke={1.5} />
        </Dropzone.Idle>
        <Stack gap={4}>
          <Text size="lg" fw={500}>
            {t('drop.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('drop.hint')}
          </Text>
        </Stack>
      </Group>
    </Dropzone>
  );
}
