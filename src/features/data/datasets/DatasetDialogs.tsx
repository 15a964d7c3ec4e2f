import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/useFormat';
import type { DatasetRecord } from '../../../storage/records';

interface DialogProps {
  /** The dataset the dialog is open for; closed while undefined. */
  dataset: DatasetRecord | undefined;
  onClose: () => void;
}

/** Asks for a new name of a dataset; a blank name is not accepted. */
export function RenameDatasetDialog({
  dataset,
  onClose,
  onSubmit,
}: DialogProps & { onSubmit: (name: string) => void }) {
  const { t } = useTranslation('data');
  const [name, setName] = useState('');

  useEffect(() => {
    if (dataset) setName(dataset.name);
  }, [dataset]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    onSubmit(name.trim());
  };

  return (
    <Modal opened={dataset !== undefined} onClose={onClose} title={t('datasets.renameTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('datasets.nameLabel')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={name.trim() === '' ? t('review.nameRequired') : undefined}
            maxLength={200}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" disabled={name.trim() === ''}>
              {t('datasets.rename')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Confirms the deletion of a dataset and all its rows. */
export function DeleteDatasetDialog({
  dataset,
  onClose,
  onConfirm,
}: DialogProps & { onConfirm: () => void }) {
  const { t } = useTranslation('data');
  const format = useFormat();

  return (
    <Modal opened={dataset !== undefined} onClose={onClose} title={t('datasets.deleteTitle')}>
      <Stack>
        <Text>
          {t('datasets.deleteBody', {
            name: dataset?.name,
            formatted: format.number(dataset?.rowCount ?? 0),
            count: dataset?.rowCount ?? 0,
          })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm}>
            {t('datasets.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
