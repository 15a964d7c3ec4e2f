import '@mantine/dropzone/styles.css';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { NameDialog } from '../../app/forms/NameDialog';
import { notifyFailure } from '../../app/notifications';
import { useFormat } from '../../i18n/useFormat';
import type { DatasetRecord } from '../../storage/records';
import { deleteDataset, renameDataset, useDatasetList } from './datasets/dataset-repository';
import { DatasetsTable } from './datasets/DatasetsTable';
import { FileDropZone } from './import/FileDropZone';
import { useSessionDraft } from '../../app/forms/session-draft';
import { ImportWizard } from './import/ImportWizard';
import { useImportWizard } from './import/import-wizard.store';
import { WizardNoticeAlert } from './import/WizardNoticeAlert';

/** The Data screen: import a spreadsheet, and the list of stored datasets. */
export function DataScreen() {
  const { t } = useTranslation('data');
  const format = useFormat();
  const status = useImportWizard((state) => state.status);
  const chooseFile = useImportWizard((state) => state.chooseFile);
  const prepare = useImportWizard((state) => state.prepare);
  const datasets = useDatasetList();
  const [toRename, setToRename] = useSessionDraft<DatasetRecord | undefined>(
    'data.renameDataset',
    undefined,
  );
  const [toDelete, setToDelete] = useState<DatasetRecord>();

  useEffect(() => prepare(), [prepare]);

  const rename = async (dataset: DatasetRecord, name: string) => {
    setToRename(undefined);
    try {
      await renameDataset(dataset.id, name);
    } catch (error) {
      notifyFailure(t, 'data:failure.rename', error);
    }
  };
  const remove = async (dataset: DatasetRecord) => {
    setToDelete(undefined);
    try {
      await deleteDataset(dataset.id);
      notifications.show({ message: t('datasets.deleted', { name: dataset.name }) });
    } catch (error) {
      notifyFailure(t, 'data:failure.delete', error);
    }
  };

  return (
    <Stack maw={1280} mx="auto">
      <Stack gap={4}>
        <Title order={2}>{t('title')}</Title>
        <Text c="dimmed">{t('subtitle')}</Text>
      </Stack>

      {status === 'idle' ? (
        <>
          <WizardNoticeAlert />
          <FileDropZone
            onFile={(file) => void chooseFile(file)}
            onReject={() =>
              notifications.show({
                color: 'red',
                title: t('drop.rejectedTitle'),
                message: t('drop.rejected'),
              })
            }
          />
          <Title order={3} size="h4" mt="md">
            {t('datasets.title')}
          </Title>
          <Paper withBorder p="xs">
            {datasets === undefined ? null : datasets.length === 0 ? (
              <Text c="dimmed" ta="center" py="xl">
                {t('datasets.empty')}
              </Text>
            ) : (
              <DatasetsTable datasets={datasets} onRename={setToRename} onDelete={setToDelete} />
            )}
          </Paper>
        </>
      ) : (
        <ImportWizard />
      )}

      <NameDialog
        opened={toRename !== undefined}
        title={t('datasets.renameTitle')}
        label={t('datasets.nameLabel')}
        initialName={toRename?.name ?? ''}
        submitLabel={t('datasets.rename')}
        onClose={() => setToRename(undefined)}
        onSubmit={(name) => toRename && void rename(toRename, name)}
        draftKey="data.renameDataset.name"
      />
      <ConfirmDialog
        opened={toDelete !== undefined}
        title={t('datasets.deleteTitle')}
        body={t('datasets.deleteBody', {
          name: toDelete?.name,
          formatted: format.number(toDelete?.rowCount ?? 0),
          count: toDelete?.rowCount ?? 0,
        })}
        confirmLabel={t('datasets.delete')}
        destructive
        onClose={() => setToDelete(undefined)}
        onConfirm={() => toDelete && void remove(toDelete)}
      />
    </Stack>
  );
}
