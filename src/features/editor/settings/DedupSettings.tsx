import { Checkbox, Group, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowNode } from '@sras/engine';
import { arrayAt, useNodeDataEditor } from './useNodeDataEditor';

const KEYS = ['phone', 'email', 'company'] as const;

/** Duplicate check: the keys compared and whether an existing owner keeps the lead. */
export function DedupSettings({ node }: { node: FlowNode }) {
  const { t } = useTranslation('editor');
  const { set } = useNodeDataEditor(node.id);
  const keys = arrayAt<string>(node.data, 'keys');

  return (
    <Stack gap="sm">
      <Checkbox.Group
        label={t('settings.dedup.keys')}
        value={keys}
        // Keep the order of the format's key list: the first key decides between owners.
        onChange={(values) =>
          set(
            'keys',
            KEYS.filter((key) => values.includes(key)),
          )
        }
        data-field-path="data.keys"
      >
        <Group mt={6}>
          {KEYS.map((key) => (
            <Checkbox key={key} value={key} label={t(`dedupKeys.${key}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Switch
        label={t('settings.dedup.assignExistingOwner')}
        checked={node.data.assignExistingOwner !== false}
        onChange={(event) => set('assignExistingOwner', event.currentTarget.checked)}
        data-field-path="data.assignExistingOwner"
      />
      <Text size="xs" c="dimmed">
        {t('settings.dedup.hint')}
      </Text>
    </Stack>
  );
}
