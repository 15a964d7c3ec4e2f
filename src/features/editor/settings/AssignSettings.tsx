import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowNode } from '@sras/engine';
import { useEditorEnvironment } from '../environment/EditorEnvironment';
import { repOptionLabel } from './rep-options';
import { useNodeDataEditor } from './useNodeDataEditor';

/** Assign: every lead goes to one chosen rep. */
export function AssignSettings({ node }: { node: FlowNode }) {
  const { t } = useTranslation('editor');
  const { reps } = useEditorEnvironment();
  const { set } = useNodeDataEditor(node.id);
  const repId = typeof node.data.repId === 'string' ? node.data.repId : '';

  const options = reps.map((rep) => ({ value: rep.id, label: repOptionLabel(rep, t) }));
  if (repId !== '' && !reps.some((rep) => rep.id === repId)) {
    options.push({ value: repId, label: t('settings.reps.unknownRep', { id: repId }) });
  }

  return (
    <Stack gap="sm">
      {reps.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('settings.reps.none')}
        </Text>
      )}
      <Select
        label={t('settings.reps.assignTo')}
        placeholder={t('settings.reps.searchRep')}
        data={options}
        value={repId === '' ? null : repId}
        searchable
        nothingFoundMessage={t('settings.reps.nothingFound')}
        onChange={(value) => set('repId', value ?? '')}
        data-field-path="data.repId"
      />
      <Text size="xs" c="dimmed">
        {t('settings.reps.assignHint')}
      </Text>
    </Stack>
  );
}
