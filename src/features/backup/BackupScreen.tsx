import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ExportBackupSection } from './ExportBackupSection';
import { RestoreBackupSection } from './RestoreBackupSection';

/** Backup and restore of the whole workspace at /backup. */
export function BackupScreen() {
  const { t } = useTranslation('backup');
  return (
    <Stack maw={900} mx="auto">
      <Stack gap={4}>
        <Title order={2}>{t('title')}</Title>
        <Text c="dimmed">{t('subtitle')}</Text>
      </Stack>
      <ExportBackupSection />
      <RestoreBackupSection />
    </Stack>
  );
}
