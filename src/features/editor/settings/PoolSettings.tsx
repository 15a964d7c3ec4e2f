import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowNode } from '@sras/engine';
import { useNodeDataEditor } from './useNodeDataEditor';

/** Pool: leads end unassigned with an optional reason. */
export function PoolSettings({ node }: { node: FlowNode }) {
  const { t } = useTranslation('editor');
  const { set } = useNodeDataEditor(node.id);
  const reason = typeof node.data.reason === 'string' ? node.data.reason : '';

  return (
    <TextInput
      label={t('settings.pool.reason')}
      placeholder={t('settings.pool.reasonPlaceholder')}
      value={reason}
      onChange={(event) =>
        set(
          'reason',
          event.currentTarget.value === '' ? undefined : event.currentTarget.value,
          'reason',
        )
      }
      data-field-path="data.reason"
    />
  );
}
