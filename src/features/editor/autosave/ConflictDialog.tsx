import { Button, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ConflictDialogProps {
  opened: boolean;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}

/** The choice shown when another tab saved this flow while this one had unsaved edits. */
export function ConflictDialog({ opened, onTakeTheirs, onKeepMine }: ConflictDialogProps) {
  const { t } = useTranslation('editor');

  return (
    <Modal
      opened={opened}
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('conflict.title')}
      centered
    >
      <Stack gap="sm">
        <Text size="sm">{t('conflict.body')}</Text>
        <Button variant="default" onClick={onTakeTheirs}>
          {t('conflict.reloadTheirs')}
        </Button>
        <Button onClick={onKeepMine}>{t('conflict.keepMine')}</Button>
      </Stack>
    </Modal>
  );
}
