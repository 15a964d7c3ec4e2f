import { Alert, Modal, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import { estimateStorageUsage, type StorageUsage } from '../../storage/persistent-storage';
import { useStorageStatusStore } from './storage-status.store';

interface StorageStatusDialogProps {
  opened: boolean;
  onClose: () => void;
}

/** Where the data lives, whether the browser keeps it, and how much space it uses. */
export function StorageStatusDialog({ opened, onClose }: StorageStatusDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const persistence = useStorageStatusStore((state) => state.persistence);
  const [usage, setUsage] = useState<StorageUsage>();

  useEffect(() => {
    if (!opened) return;
    void estimateStorageUsage().then(setUsage);
  }, [opened]);

  return (
    <Modal opened={opened} onClose={onClose} title={t('storage.title')}>
      <Stack>
        <Text>{t('storage.where')}</Text>
        {persistence === 'granted' && (
          <Alert color="green" title={t('storage.persistentTitle')}>
            {t('storage.persistent')}
          </Alert>
        )}
        {persistence === 'denied' && (
          <Alert
            color="yellow"
            title={t('storage.notPersistentTitle')}
            data-testid="storage-not-persistent"
          >
            {t('storage.notPersistent')}
          </Alert>
        )}
        {persistence === 'unsupported' && (
          <Alert color="yellow" title={t('storage.notPersistentTitle')}>
            {t('storage.unsupported')}
          </Alert>
        )}
        {usage && (
          <Stack gap={4}>
            <Text size="sm">
              {t('storage.usage', {
                used: format.bytes(usage.usedBytes),
                quota: format.bytes(usage.quotaBytes),
              })}
            </Text>
            <Progress
              value={usage.quotaBytes > 0 ? (usage.usedBytes / usage.quotaBytes) * 100 : 0}
              aria-label={t('storage.usageLabel')}
            />
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
