import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FlowNode, ScoreRule } from '@sras/engine';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { FieldPicker } from './FieldPicker';
import { arrayAt, replaceAt, useNodeDataEditor } from './useNodeDataEditor';

/** Score: base points plus the points of every rule whose condition holds, written to a field. */
export function ScoreSettings({ node }: { node: FlowNode }) {
  const { t } = useTranslation('editor');
  const { set, update } = useNodeDataEditor(node.id);
  const rules = arrayAt<ScoreRule>(node.data, 'rules');
  const field = typeof node.data.field === 'string' ? node.data.field : 'score';

  const setRules = (change: (list: ScoreRule[]) => ScoreRule[], coalesceKey?: string) =>
    update((data) => ({ ...data, rules: change(arrayAt<ScoreRule>(data, 'rules')) }), coalesceKey);

  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <FieldPicker
          label={t('settings.score.field')}
          value={field}
          onChange={(value) => set('field', value, 'field')}
          fieldPath="data.field"
        />
        <NumberInput
          label={t('settings.score.base')}
          value={typeof node.data.base === 'number' ? node.data.base : 0}
          onChange={(value) => set('base', typeof value === 'number' ? value : 0, 'base')}
          data-field-path="data.base"
        />
      </Group>
      <Text size="sm" fw={600}>
        {t('settings.score.rules')}
      </Text>
      {rules.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('settings.score.noRules')}
        </Text>
      )}
      {rules.map((rule, index) => (
        <Paper key={index} withBorder p="xs" radius="sm">
          <Stack gap="xs">
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t('settings.score.ruleLabel')}
                placeholder={t('settings.score.ruleHeading', { index: index + 1 })}
                value={rule.label ?? ''}
                onChange={(event) => {
                  const label = event.currentTarget.value;
                  setRules(
                    (list) => replaceAt(list, index, (item) => ({ ...item, label })),
                    `rules.${index}.label`,
                  );
                }}
                data-field-path={`data.rules[${index}].label`}
              />
              <NumberInput
                w={90}
                label={t('settings.score.points')}
                value={rule.points}
                onChange={(value) => {
                  const points = typeof value === 'number' ? value : 0;
                  setRules(
                    (list) => replaceAt(list, index, (item) => ({ ...item, points })),
                    `rules.${index}.points`,
                  );
                }}
                data-field-path={`data.rules[${index}].points`}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mb={4}
                aria-label={t('settings.score.removeRule')}
                onClick={() => setRules((list) => list.filter((_, i) => i !== index))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            <ConditionBuilder
              key={`${node.id}-${index}-${rules.length}`}
              value={rule.condition}
              onChange={(condition) =>
                setRules(
                  (list) =>
                    replaceAt(list, index, (item) => {
                      const next = { ...item, condition };
                      if (condition === undefined) delete next.condition;
                      return next;
                    }),
                  `rules.${index}.condition`,
                )
              }
              fieldPath={`data.rules[${index}].condition`}
            />
          </Stack>
        </Paper>
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        onClick={() => setRules((list) => [...list, { label: '', points: 10 }])}
      >
        {t('settings.score.addRule')}
      </Button>
    </Stack>
  );
}
