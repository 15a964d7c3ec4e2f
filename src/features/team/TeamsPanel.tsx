import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isSameName } from '../../app/forms/name-limits';
import { useSessionDraft } from '../../app/forms/session-draft';
import type { TeamRecord } from '../../storage/records';

interface TeamsPanelProps {
  teams: TeamRecord[];
  repCounts: ReadonlyMap<string, number>;
  onAdd: (name: string) => Promise<boolean>;
  onRename: (team: TeamRecord) => void;
  onDelete: (team: TeamRecord) => void;
}

/** The teams with their rep counts: add, rename, delete. */
export function TeamsPanel({ teams, repCounts, onAdd, onRename, onDelete }: TeamsPanelProps) {
  const { t } = useTranslation('team');
  const [name, setName] = useSessionDraft('team.newTeam', '');

  const taken = teams.some((team) => isSameName(team.name, name));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '' || taken) return;
    if (await onAdd(name)) setName('');
  };

  return (
    <Paper withBorder p="md" data-testid="teams-panel">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('teams.title')}
        </Title>
        {teams.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('teams.empty')}
          </Text>
        ) : (
          <Group gap="xs">
            {teams.map((team) => (
              <Badge
                key={team.id}
                variant="light"
                size="lg"
                data-testid="team-badge"
                rightSection={
                  <Group gap={0} wrap="nowrap">
                    <ActionIcon
                      size="xs"
                      variant="transparent"
                      aria-label={t('teams.renameOf', { name: team.name })}
                      onClick={() => onRename(team)}
                    >
                      <IconPencil size={12} />
                    </ActionIcon>
                    <ActionIcon
                      size="xs"
                      variant="transparent"
                      color="red"
                      aria-label={t('teams.deleteOf', { name: team.name })}
                      onClick={() => onDelete(team)}
                    >
                      <IconTrash size={12} />
                    </ActionIcon>
                  </Group>
                }
              >
                {t('teams.badge', { name: team.name, count: repCounts.get(team.name) ?? 0 })}
              </Badge>
            ))}
          </Group>
        )}
        <form onSubmit={(event) => void submit(event)}>
          <Group gap="xs" align="flex-start">
            <TextInput
              aria-label={t('teams.newName')}
              placeholder={t('teams.newName')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              maxLength={100}
              size="xs"
              error={taken ? t('errors.teamTaken', { name: name.trim() }) : undefined}
            />
            <Button type="submit" size="xs" variant="light" leftSection={<IconPlus size={14} />}>
              {t('teams.add')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
