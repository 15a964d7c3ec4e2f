import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface DeleteFlowDialogProps {
  flowName: string | undefined;
  onConfirm: () => void;
  onClose: () => void;
}

/** Confirms the deletion of a flow and its versions. Open while `flowName` is set. */
export function DeleteFlowDialog({ flowName, onConfirm, onClose }: DeleteFlowDialogProps) {
  const { t } = useTranslation('flows');

  return (
    <Modal opened={flowName !== undefined} onClose={onClose} title={t('delete.title')}>
      <Stack>
        <Text>{t('delete.body', { name: flowName })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm}>
            {t('delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
