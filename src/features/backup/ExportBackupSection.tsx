import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../app/download-file';
import { notifyFailure } from '../../app/notifications';
import { useFormat } from '../../i18n/useFormat';
import { backupFileName, type BackupProgress } from './backup-export';
import { getBackupClient } from './worker/backup.client';

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Exports the whole workspace to one file in the backup worker, with progress and cancel. */
export function ExportBackupSection() {
  const { t } = useTranslation('backup');
  const format = useFormat();
  const [progress, setProgress] = useState<BackupProgress>();
  const controller = useRef<AbortController>(undefined);

  const start = async () => {
    controller.current = new AbortController();
    setProgress({ done: 0, total: 0 });
    try {
      // The worker reads and writes every record, so that no large one
      // (a run's state) is cloned or stringified on this thread.
      const { file, header } = await getBackupClient().exportWorkspace(
        setProgress,
        controller.current.signal,
      );
      downloadFile(backupFileName(header.exportedAt), [file]);
      const records = Object.values(header.counts).reduce((sum, count) => sum + count, 0);
      notifications.show({
        color: 'green',
        message: t('export.done', { records: format.number(records) }),
      });
    } catch (error) {
      if (!isAbort(error)) notifyFailure(t, 'backup:export.failed', error);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3} size="h4">
          {t('export.title')}
        </Title>
        <Text size="sm">{t('export.body')}</Text>
        {progress ? (
          <Stack gap={4}>
            <Progress
              value={progress.total > 0 ? (progress.done / progress.total) * 100 : 0}
              aria-label={t('export.progressLabel')}
              animated
            />
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('progress', {
                  done: format.number(progress.done),
                  total: format.number(progress.total),
                })}
              </Text>
              <Button variant="default" size="xs" onClick={() => controller.current?.abort()}>
                {t('common:actions.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Button
            w="fit-content"
            leftSection={<IconDownload size={18} />}
            onClick={() => void start()}
          >
            {t('export.button')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
