import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowNode } from '@sras/engine';
import { NumberField } from '../../../app/forms/NumberField';
import { FieldPicker } from './FieldPicker';
import { useNodeDataEditor } from './useNodeDataEditor';

const PERIODS = ['day', 'week', 'month', 'total'] as const;

/** Quota: at most `limit` leads per period, optionally counted per value of a field. */
export function QuotaSettings({ node }: { node: FlowNode }) {
  const { t } = useTranslation('editor');
  const { set } = useNodeDataEditor(node.id);
  const { limit, period, per } = node.data;

  return (
    <Stack gap="sm">
      <NumberField
        label={t('settings.quota.limit')}
        value={typeof limit === 'number' ? limit : null}
        min={0}
        step={1}
        integer
        onNumberChange={(value) => set('limit', value ?? undefined, 'limit')}
        data-field-path="data.limit"
      />
      <Select
        label={t('settings.quota.period')}
        data={PERIODS.map((value) => ({ value, label: t(`settings.quota.periods.${value}`) }))}
        value={typeof period === 'string' ? period : 'day'}
        onChange={(value) => value && set('period', value)}
        allowDeselect={false}
        data-field-path="data.period"
      />
      <FieldPicker
        label={t('settings.quota.per')}
        placeholder={t('settings.quota.perPlaceholder')}
        value={typeof per === 'string' ? per : ''}
        onChange={(value) => set('per', value.trim() === '' ? undefined : value.trim(), 'per')}
        fieldPath="data.per"
      />
      <Text size="xs" c="dimmed">
        {t('settings.quota.hint')}
      </Text>
    </Stack>
  );
}
