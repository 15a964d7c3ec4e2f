import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowNode } from '@sras/engine';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { useNodeDataEditor } from './useNodeDataEditor';

/** Filter: one condition; leads that meet it take "match", the rest "else". */
export function FilterSettings({ node }: { node: FlowNode }) {
  const { t } = useTranslation('editor');
  const { set } = useNodeDataEditor(node.id);

  return (
    <Stack gap="xs">
      <Text size="sm">{t('settings.filter.condition')}</Text>
      <ConditionBuilder
        key={node.id}
        value={node.data.condition}
        onChange={(condition) => set('condition', condition, 'condition')}
        fieldPath="data.condition"
      />
    </Stack>
  );
}
