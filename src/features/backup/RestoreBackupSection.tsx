import {
  Alert,
  Button,
  FileButton,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyFailure } from '../../app/notifications';
import { useFormat } from '../../i18n/useFormat';
import type { BackupHeader } from './backup-format';
import type { BackupProgress } from './backup-export';
import type { BackupReadError } from './backup-read';
import { describeBackupReadError } from './backup-read-message';
import type { RestoreSummaryRow } from './backup-restore';
import { getBackupClient } from './worker/backup.client';

type RestoreState =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string; progress: BackupProgress }
  | { step: 'rejected'; fileName: string; error: BackupReadError }
  | { step: 'confirm'; fileName: string; header: BackupHeader; summary: RestoreSummaryRow[] }
  | { step: 'restoring'; progress: BackupProgress };

/**
 * Reads a backup file, shows what it would replace, and restores it all or
 * nothing once confirmed. The backup worker reads, keeps and restores the
 * file, so that no large record is parsed or cloned on this thread.
 */
export function RestoreBackupSection() {
  const { t, i18n } = useTranslation('backup');
  const format = useFormat();
  const [state, setState] = useState<RestoreState>({ step: 'idle' });
  const controller = useRef<AbortController>(undefined);

  const read = async (file: File | null) => {
    if (!file) return;
    controller.current = new AbortController();
    setState({ step: 'reading', fileName: file.name, progress: { done: 0, total: 0 } });
    try {
      const answer = await getBackupClient().readFile(
        file,
        (progress) => setState({ step: 'reading', fileName: file.name, progress }),
        controller.current.signal,
      );
      if (!answer.ok) {
        setState({ step: 'rejected', fileName: file.name, error: answer.error });
        return;
      }
      const { header, summary } = answer;
      setState({ step: 'confirm', fileName: file.name, header, summary });
    } catch (error) {
      setState({ step: 'idle' });
      if (!(error instanceof DOMException && error.name === 'AbortError')) {
        notifyFailure(t, 'backup:restore.failed', error);
      }
    }
  };

  const restore = async () => {
    setState({ step: 'restoring', progress: { done: 0, total: 0 } });
    try {
      await getBackupClient().restore((progress) => setState({ step: 'restoring', progress }));
      notifications.show({ color: 'green', message: t('restore.done') });
    } catch (error) {
      notifyFailure(t, 'backup:restore.failed', error);
    } finally {
      setState({ step: 'idle' });
    }
  };

  const discard = () => {
    setState({ step: 'idle' });
    void getBackupClient().discard();
  };

  const progress =
    state.step === 'reading' || state.step === 'restoring' ? state.progress : undefined;

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3} size="h4">
          {t('restore.title')}
        </Title>
        <Text size="sm">{t('restore.body')}</Text>

        {(state.step === 'idle' || state.step === 'rejected') && (
          <FileButton onChange={(file) => void read(file)} accept="application/json,.json">
            {(props) => (
              <Button
                {...props}
                w="fit-content"
                variant="default"
                leftSection={<IconUpload size={18} />}
              >
                {t('restore.choose')}
              </Button>
            )}
          </FileButton>
        )}

        {state.step === 'rejected' && (
          <Alert
            color="red"
            title={t('restore.rejected', { file: state.fileName })}
            data-testid="restore-rejected"
          >
            {describeBackupReadError(t, state.error, i18n.language)}
          </Alert>
        )}

        {progress && (
          <Stack gap={4}>
            <Progress
              value={progress.total > 0 ? (progress.done / progress.total) * 100 : 0}
              aria-label={
                state.step === 'reading' ? t('restore.readingLabel') : t('restore.restoringLabel')
              }
              animated
            />
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {state.step === 'reading'
                  ? t('restore.reading', { file: state.fileName })
                  : t('restore.restoring')}{' '}
                {t('progress', {
                  done: format.number(progress.done),
                  total: format.number(progress.total),
                })}
              </Text>
              {state.step === 'reading' && (
                <Button variant="default" size="xs" onClick={() => controller.current?.abort()}>
                  {t('common:actions.cancel')}
                </Button>
              )}
            </Group>
          </Stack>
        )}

        {state.step === 'confirm' && (
          <Stack data-testid="restore-summary">
            <Alert color="yellow" title={t('restore.confirmTitle', { file: state.fileName })}>
              {t('restore.confirmBody', { when: format.dateTime(state.header.exportedAt) })}
            </Alert>
            <Table withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('restore.table')}</Table.Th>
                  <Table.Th ta="right">{t('restore.current')}</Table.Th>
                  <Table.Th ta="right">{t('restore.incoming')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {state.summary.map((row) => (
                  <Table.Tr key={row.table}>
                    <Table.Td>{t(`tables.${row.table}`)}</Table.Td>
                    <Table.Td ta="right">{format.number(row.current)}</Table.Td>
                    <Table.Td ta="right">{format.number(row.incoming)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group>
              <Button color="red" onClick={() => void restore()}>
                {t('restore.confirm')}
              </Button>
              <Button variant="default" onClick={discard}>
                {t('common:actions.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
