import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamRecord } from '../../storage/records';

interface TeamNameDialogProps {
  team: TeamRecord | undefined;
  onSubmit: (name: string) => void;
  onClose: () => void;
}

/** Asks for a team's new name. */
export function TeamNameDialog({ team, onSubmit, onClose }: TeamNameDialogProps) {
  const { t } = useTranslation('team');
  const [name, setName] = useState('');

  useEffect(() => {
    if (team) setName(team.name);
  }, [team]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() !== '') onSubmit(name.trim());
  };

  return (
    <Modal opened={team !== undefined} onClose={onClose} title={t('teams.renameTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('teams.nameLabel')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={name.trim() === '' ? t('errors.teamNameRequired') : undefined}
            maxLength={100}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" disabled={name.trim() === ''}>
              {t('teams.rename')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
