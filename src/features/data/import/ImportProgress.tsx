import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/useFormat';
import { useImportWizard } from './import-wizard.store';

/** Progress of reading, parsing or storing, with a cancel button. */
export function ImportProgress() {
  const { t } = useTranslation('data');
  const format = useFormat();
  const status = useImportWizard((state) => state.status);
  const progress = useImportWizard((state) => state.progress);
  const file = useImportWizard((state) => state.file);
  const cancel = useImportWizard((state) => state.cancel);

  const total = progress?.total ?? null;
  const percent = progress && total ? Math.min(100, (progress.done / total) * 100) : null;
  const storing = status === 'storing' || status === 'saved';
  const label = storing
    ? t('progress.storing', {
        done: format.number(progress?.done ?? 0),
        total: format.number(total ?? 0),
      })
    : status === 'reading'
      ? t('progress.reading', { name: file?.name })
      : t('progress.parsing', {
          done: format.bytes(progress?.done ?? 0),
          total: format.bytes(total ?? file?.size ?? 0),
        });

  return (
    <Paper withBorder p="lg" data-testid="import-progress">
      <Stack>
        <Text fw={500}>{label}</Text>
        <Progress
          value={percent ?? 100}
          animated={percent === null}
          aria-label={label}
          size="lg"
          transitionDuration={0}
        />
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={cancel}
            disabled={status === 'reading' || status === 'saved'}
          >
            {storing ? t('progress.cancelStore') : t('progress.cancelParse')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
