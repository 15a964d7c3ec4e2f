import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface FlowNameDialogProps {
  opened: boolean;
  title: string;
  initialName: string;
  submitLabel: string;
  onSubmit: (name: string) => void;
  onClose: () => void;
}

/** Asks for a flow name (create, rename, duplicate); an empty name is not accepted. */
export function FlowNameDialog({
  opened,
  title,
  initialName,
  submitLabel,
  onSubmit,
  onClose,
}: FlowNameDialogProps) {
  const { t } = useTranslation('flows');
  const [name, setName] = useState(initialName);
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    if (opened) {
      setName(initialName);
      setTouched(false);
    }
  }, [opened, initialName]);

  const trimmed = name.trim();
  const error = touched && !trimmed ? t('nameDialog.required') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!trimmed) return;
    onSubmit(trimmed);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('nameDialog.label')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={error}
            maxLength={200}
            data-autofocus
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit">{submitLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
