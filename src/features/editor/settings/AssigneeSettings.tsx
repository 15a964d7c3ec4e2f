import { useMemo } from 'react';
import { ActionIcon, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Assignee, FlowNode } from '@sras/engine';
import { NumberField } from '../../../app/forms/NumberField';
import { useEditorEnvironment } from '../environment/EditorEnvironment';
import { repDisplayName } from '../model/node-presentation';
import { repOptionLabel, teamMembersToAdd, teamsOf } from './rep-options';
import { RepPicker } from './RepPicker';
import { arrayAt, replaceAt, useNodeDataEditor } from './useNodeDataEditor';

/** Round robin and least loaded: the reps taking part, with per-node weights for round robin. */
export function AssigneeSettings({ node }: { node: FlowNode }) {
  const { t } = useTranslation('editor');
  const { reps } = useEditorEnvironment();
  const { update } = useNodeDataEditor(node.id);
  const assignees = arrayAt<Assignee>(node.data, 'assignees');
  const chosenKey = assignees.map((assignee) => assignee.repId).join('\u0000');
  // Keyed by the ids so that the picker's options are rebuilt only when the choice changes.
  const chosen = useMemo(
    () => new Set(chosenKey === '' ? [] : chosenKey.split('\u0000')),
    [chosenKey],
  );
  const withWeights = node.type === 'roundRobin';
  const repsById = new Map(reps.map((rep) => [rep.id, rep]));

  const setAssignees = (change: (list: Assignee[]) => Assignee[], coalesceKey?: string) =>
    update(
      (data) => ({ ...data, assignees: change(arrayAt<Assignee>(data, 'assignees')) }),
      coalesceKey,
    );

  const teamOptions = teamsOf(reps).filter(
    (team) => teamMembersToAdd(reps, team, chosen).length > 0,
  );

  return (
    <Stack gap="sm">
      <Text size="sm" fw={600}>
        {t('settings.reps.assignees')}
      </Text>
      {reps.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('settings.reps.none')}
        </Text>
      )}
      <Group grow align="flex-end">
        <RepPicker
          label={t('settings.reps.addRep')}
          value={null}
          reps={reps}
          exclude={chosen}
          onChange={(repId) => repId && setAssignees((list) => [...list, { repId }])}
          fieldPath="data.assignees"
        />
        <Select
          label={t('settings.reps.addTeam')}
          data={teamOptions}
          value={null}
          disabled={teamOptions.length === 0}
          onChange={(team) =>
            team &&
            setAssignees((list) => [
              ...list,
              ...teamMembersToAdd(reps, team, new Set(list.map((item) => item.repId))).map(
                (rep) => ({ repId: rep.id }),
              ),
            ])
          }
        />
      </Group>
      {assignees.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('settings.reps.noneChosen')}
        </Text>
      )}
      {assignees.map((assignee, index) => {
        const rep = repsById.get(assignee.repId);
        const name = rep
          ? repOptionLabel(rep, t)
          : t('settings.reps.unknownRep', { id: assignee.repId });
        return (
          <Paper key={assignee.repId} withBorder px="xs" py={4} radius="sm">
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" style={{ flex: 1 }} truncate c={rep ? undefined : 'red'}>
                {name}
              </Text>
              {withWeights && (
                <NumberField
                  w={90}
                  size="xs"
                  min={0}
                  aria-label={`${t('settings.reps.weight')}: ${rep ? repDisplayName(rep) : assignee.repId}`}
                  placeholder={String(rep?.weight ?? 1)}
                  value={typeof assignee.weight === 'number' ? assignee.weight : null}
                  onNumberChange={(value) =>
                    setAssignees(
                      (list) =>
                        replaceAt(list, index, (item) => {
                          const next = { ...item };
                          if (value !== null) next.weight = value;
                          else delete next.weight;
                          return next;
                        }),
                      `assignees.${assignee.repId}.weight`,
                    )
                  }
                  data-field-path={`data.assignees[${index}].weight`}
                />
              )}
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('settings.reps.remove', {
                  name: rep ? repDisplayName(rep) : assignee.repId,
                })}
                onClick={() =>
                  setAssignees((list) => list.filter((item) => item.repId !== assignee.repId))
                }
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Paper>
        );
      })}
      {withWeights && assignees.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('settings.reps.weightHint')}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t(withWeights ? 'settings.reps.roundRobinHint' : 'settings.reps.leastLoadedHint')}
      </Text>
    </Stack>
  );
}
