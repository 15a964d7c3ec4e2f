import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BranchCase, FlowNode } from '@sras/engine';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { nextFreeId } from '../model/node-ids';
import { arrayAt, moveAt, replaceAt, useNodeDataEditor } from './useNodeDataEditor';

/** Branch: cases checked in order, each with a label and a condition; the first that holds wins. */
export function BranchSettings({ node }: { node: FlowNode }) {
  const { t } = useTranslation('editor');
  const { update } = useNodeDataEditor(node.id);
  const cases = arrayAt<BranchCase>(node.data, 'cases');

  const setCases = (change: (list: BranchCase[]) => BranchCase[], coalesceKey?: string) =>
    update((data) => ({ ...data, cases: change(arrayAt<BranchCase>(data, 'cases')) }), coalesceKey);

  return (
    <Stack gap="sm">
      <Text size="sm">{t('settings.branch.cases')}</Text>
      {cases.map((item, index) => (
        <Paper key={item.id} withBorder p="xs" radius="sm">
          <Stack gap="xs">
            <Group gap={4} align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t('settings.branch.caseLabel')}
                placeholder={t('handles.unnamedCase', { index: index + 1 })}
                value={item.label ?? ''}
                onChange={(event) => {
                  const label = event.currentTarget.value;
                  setCases(
                    (list) => replaceAt(list, index, (entry) => ({ ...entry, label })),
                    `cases.${item.id}.label`,
                  );
                }}
                data-field-path={`data.cases[${index}].label`}
              />
              <ActionIcon
                variant="subtle"
                mb={4}
                disabled={index === 0}
                aria-label={t('settings.branch.moveUp')}
                onClick={() => setCases((list) => moveAt(list, index, -1))}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                mb={4}
                disabled={index === cases.length - 1}
                aria-label={t('settings.branch.moveDown')}
                onClick={() => setCases((list) => moveAt(list, index, 1))}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                mb={4}
                aria-label={t('settings.branch.removeCase')}
                onClick={() => setCases((list) => list.filter((entry) => entry.id !== item.id))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            <ConditionBuilder
              key={`${node.id}-${item.id}`}
              value={item.condition}
              onChange={(condition) =>
                setCases(
                  (list) =>
                    list.map((entry) => {
                      if (entry.id !== item.id) return entry;
                      const next = { ...entry, condition };
                      if (condition === undefined) delete next.condition;
                      return next;
                    }),
                  `cases.${item.id}.condition`,
                )
              }
              fieldPath={`data.cases[${index}].condition`}
            />
          </Stack>
        </Paper>
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        onClick={() =>
          setCases((list) => [
            ...list,
            { id: nextFreeId('case', new Set(list.map((entry) => entry.id))), label: '' },
          ])
        }
      >
        {t('settings.branch.addCase')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('settings.branch.elseHint')}
      </Text>
    </Stack>
  );
}
