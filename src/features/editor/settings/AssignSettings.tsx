import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowNode } from '@sras/engine';
import { useEditorEnvironment } from '../environment/EditorEnvironment';
import { RepPicker } from './RepPicker';
import { useNodeDataEditor } from './useNodeDataEditor';

/** Assign: every lead goes to one chosen rep. */
export function AssignSettings({ node }: { node: FlowNode }) {
  const { t } = useTranslation('editor');
  const { reps } = useEditorEnvironment();
  const { set } = useNodeDataEditor(node.id);
  const repId = typeof node.data.repId === 'string' ? node.data.repId : '';

  return (
    <Stack gap="sm">
      {reps.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('settings.reps.none')}
        </Text>
      )}
      <RepPicker
        label={t('settings.reps.assignTo')}
        value={repId === '' ? null : repId}
        reps={reps}
        onChange={(value) => set('repId', value ?? '')}
        fieldPath="data.repId"
      />
      <Text size="xs" c="dimmed">
        {t('settings.reps.assignHint')}
      </Text>
    </Stack>
  );
}
