import { Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AutosaveStatus } from './autosave.controller';

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Where the autosave stands: saved, saving, waiting, or failed with a retry. */
export function SaveStatus({ status, onRetry }: { status: AutosaveStatus; onRetry: () => void }) {
  const { t } = useTranslation('editor');

  if (status.kind === 'failed') {
    return (
      <Group gap={4} wrap="nowrap" role="alert">
        <IconAlertCircle size={16} color="var(--mantine-color-red-6)" aria-hidden />
        <Text size="xs" c="red" maw={220} truncate title={errorMessage(status.error)}>
          {t('autosave.failed', { message: errorMessage(status.error) })}
        </Text>
        <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
          {t('autosave.retry')}
        </Button>
      </Group>
    );
  }

  const saving = status.kind === 'saving' || status.kind === 'pending';
  return (
    <Group gap={4} wrap="nowrap" role="status" data-testid="save-status" data-status={status.kind}>
      {saving ? (
        <Loader size={12} />
      ) : (
        <IconCheck size={14} color="var(--mantine-color-green-6)" aria-hidden />
      )}
      <Text size="xs" c="dimmed">
        {t(
          status.kind === 'saved'
            ? 'autosave.saved'
            : status.kind === 'pending'
              ? 'autosave.pending'
              : 'autosave.saving',
        )}
      </Text>
    </Group>
  );
}
