import { useState } from 'react';
import { Button, Group, Modal, Stack, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../app/download-file';
import { createId } from '../../../storage/ids';
import type { FlowRecord } from '../../../storage/records';
import {
  getSimulationClient,
  SimulationRequestError,
  type SimulationProgress,
} from '../worker/simulation.client';
import { nextPaint } from './next-paint';
import { useSimulationStore } from './simulation.store';

interface ResultActionsProps {
  flow: FlowRecord;
  versionId: string | null;
  onProgress: (progress: SimulationProgress | null) => void;
}

/** Export the result as CSV or XLSX, and save the run. */
export function ResultActions({ flow, versionId, onProgress }: ResultActionsProps) {
  const { t, i18n } = useTranslation('simulation');
  const runId = useSimulationStore((state) => state.runId);
  const [busy, setBusy] = useState(false);
  const [saveOpen, setSaveOpen] = useState(false);
  const [name, setName] = useState('');

  const fail = (error: unknown) => {
    if (error instanceof SimulationRequestError && error.cancelled) return;
    const failure = error instanceof SimulationRequestError ? error.failure : null;
    notifications.show({
      color: 'red',
      title: t('errors.title'),
      message: failure ? t(`errors.${failure.code}`, failure.params) : String(error),
    });
  };

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    let fileName: string | null = null;
    try {
      const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
      const file = await getSimulationClient().export('current', format, language, onProgress)
        .result;
      downloadFile(file.fileName, [file.file], file.file.type);
      fileName = file.fileName;
    } catch (error) {
      fail(error);
    }
    // Starting the download, removing the progress bar and showing the
    // notice each lay the page out again: one frame each keeps every task
    // short.
    await nextPaint();
    onProgress(null);
    setBusy(false);
    if (fileName === null) return;
    await nextPaint();
    notifications.show({ color: 'green', message: t('export.done', { file: fileName }) });
  };

  const save = async () => {
    setSaveOpen(false);
    setBusy(true);
    try {
      const savedId = await getSimulationClient().save(
        'current',
        {
          runId: createId('run'),
          flowId: flow.id,
          flowRevision: flow.revision,
          ...(versionId ? { versionId } : {}),
          ...(name.trim() ? { name: name.trim() } : {}),
        },
        onProgress,
      ).result;
      useSimulationStore.setState({ runId: savedId });
      notifications.show({ color: 'green', message: t('save.done') });
      setName('');
    } catch (error) {
      fail(error);
    } finally {
      onProgress(null);
      setBusy(false);
    }
  };

  return (
    <Group gap="xs">
      <Tooltip label={t('export.help')} multiline w={280} withArrow>
        <Button
          variant="light"
          leftSection={<IconFileTypeCsv size={16} />}
          onClick={() => void exportAs('csv')}
          disabled={busy}
          data-testid="export-csv"
        >
          {t('export.csv')}
        </Button>
      </Tooltip>
      <Button
        variant="light"
        leftSection={<IconFileSpreadsheet size={16} />}
        onClick={() => void exportAs('xlsx')}
        disabled={busy}
        data-testid="export-xlsx"
      >
        {t('export.xlsx')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconDeviceFloppy size={16} />}
        onClick={() => setSaveOpen(true)}
        disabled={busy || runId !== null}
        data-testid="save-run"
      >
        {t('save.button')}
      </Button>
      <Modal opened={saveOpen} onClose={() => setSaveOpen(false)} title={t('save.button')}>
        <Stack>
          <TextInput
            label={t('save.name')}
            placeholder={t('save.namePlaceholder')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            data-autofocus
            data-testid="save-run-name"
          />
          <Group justify="flex-end">
            <Button onClick={() => void save()} data-testid="save-run-confirm">
              {t('save.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
