import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkName, MAX_NAME_LENGTH, nameLength } from './name-limits';
import { useDialogDraft } from './session-draft';

interface NameDialogProps {
  opened: boolean;
  title: string;
  /** Label of the name field, e.g. "Flow name". */
  label: string;
  /** Name shown when the dialog opens; set again on every opening. */
  initialName: string;
  submitLabel: string;
  /**
   * The caller's own check of the trimmed name, such as a name another item
   * already has: a message to show at the field, or null when the name can
   * be used. Runs after the blank and length checks.
   */
  validate?: (name: string) => string | null;
  /** Receives the trimmed name, only when it is valid. */
  onSubmit: (name: string) => void;
  onClose: () => void;
  /** Keeps the typed name in the tab's session under this key, so a reload restores it. */
  draftKey?: string;
}

/**
 * Asks for the name of a flow, dataset or team. A blank name, one longer
 * than `MAX_NAME_LENGTH` characters or one the caller's `validate` rejects
 * gets a message at the field once it is left or submitted, and the dialog
 * stays open with the typed name. Nothing is cut off: the input has no `maxLength`, so a
 * pasted name stays whole and the message shows its length against the limit.
 */
export function NameDialog({
  opened,
  title,
  label,
  initialName,
  submitLabel,
  validate,
  onSubmit,
  onClose,
  draftKey,
}: NameDialogProps) {
  const { t } = useTranslation('common');
  const [draftName, setName] = useDialogDraft(draftKey, opened ? initialName : undefined);
  const name = draftName ?? initialName;
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    if (opened) setTouched(false);
  }, [opened, initialName]);

  const trimmed = name.trim();
  const problem = checkName(name);
  const message = problem
    ? t(`nameDialog.${problem}`, { max: MAX_NAME_LENGTH, count: nameLength(trimmed) })
    : (validate?.(trimmed) ?? null);
  const error = touched && message !== null ? message : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (message !== null) return;
    onSubmit(trimmed);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={label}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={error}
            data-autofocus
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit">{submitLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
