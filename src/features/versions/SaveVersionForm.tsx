import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface SaveVersionFormProps {
  defaultName: string;
  onSave: (name: string, note: string) => Promise<void>;
}

/** Names and saves a snapshot of the current document. */
export function SaveVersionForm({ defaultName, onSave }: SaveVersionFormProps) {
  const { t } = useTranslation('versions');
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      await onSave(name.trim() || defaultName, note.trim());
      setName('');
      setNote('');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <Stack gap="xs">
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            flex={1}
            label={t('save.name')}
            placeholder={defaultName}
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Button type="submit" loading={saving} leftSection={<IconDeviceFloppy size={18} />}>
            {t('save.button')}
          </Button>
        </Group>
        <Textarea
          label={t('save.note')}
          autosize
          minRows={1}
          maxRows={4}
          value={note}
          maxLength={2000}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
      </Stack>
    </form>
  );
}
