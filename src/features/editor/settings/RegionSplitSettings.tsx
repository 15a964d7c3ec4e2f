import { useState } from 'react';
import { ActionIcon, Button, Group, Paper, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { IconMap2, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PROVINCES, REGION_PRESET, type FlowNode, type Region } from '@sras/engine';
import { nextFreeId } from '../model/node-ids';
import { FieldPicker } from './FieldPicker';
import { arrayAt, replaceAt, useNodeDataEditor } from './useNodeDataEditor';

const PROVINCE_NAMES = PROVINCES.map((province) => province.name);

/** Region split: regions with the values of a field (provinces by default), checked in order. */
export function RegionSplitSettings({ node }: { node: FlowNode }) {
  const { t, i18n } = useTranslation('editor');
  const { set, update } = useNodeDataEditor(node.id);
  const [confirmingPreset, setConfirmingPreset] = useState(false);
  const regions = arrayAt<Region>(node.data, 'regions');
  const field = typeof node.data.field === 'string' ? node.data.field : 'province';
  const byProvince = field === 'province';

  const setRegions = (change: (list: Region[]) => Region[], coalesceKey?: string) =>
    update((data) => ({ ...data, regions: change(arrayAt<Region>(data, 'regions')) }), coalesceKey);

  function applyPreset() {
    setConfirmingPreset(false);
    setRegions(() =>
      REGION_PRESET.map((region) => ({
        id: region.id,
        label: i18n.language.startsWith('zh') ? region.labelZh : region.labelEn,
        values: [...region.provinces],
      })),
    );
  }

  return (
    <Stack gap="sm">
      <FieldPicker
        label={t('settings.region.field')}
        value={field}
        onChange={(value) => set('field', value, 'field')}
        fieldPath="data.field"
      />
      {confirmingPreset ? (
        <Paper withBorder p="xs">
          <Text size="sm" mb="xs">
            {t('settings.region.replaceConfirm', { count: regions.length })}
          </Text>
          <Group gap="xs">
            <Button size="xs" color="red" onClick={applyPreset}>
              {t('settings.region.replace')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setConfirmingPreset(false)}>
              {t('settings.region.cancel')}
            </Button>
          </Group>
        </Paper>
      ) : (
        <Button
          variant="light"
          leftSection={<IconMap2 size={16} />}
          onClick={() => (regions.length > 0 ? setConfirmingPreset(true) : applyPreset())}
          data-testid="region-preset"
        >
          <Stack gap={0} align="flex-start">
            <span>{t('settings.region.preset')}</span>
          </Stack>
        </Button>
      )}
      <Text size="xs" c="dimmed" mt={-6}>
        {t('settings.region.presetHint')}
      </Text>
      {regions.length === 0 && (
        <Text size="sm" c="dimmed" data-field-path="data.regions" tabIndex={-1}>
          {t('settings.region.noRegions')}
        </Text>
      )}
      {regions.map((region, index) => (
        <Paper key={region.id} withBorder p="xs" radius="sm">
          <Stack gap="xs">
            <Group gap={4} align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t('settings.region.label')}
                placeholder={t('handles.unnamedRegion', { index: index + 1 })}
                value={region.label ?? ''}
                onChange={(event) => {
                  const label = event.currentTarget.value;
                  setRegions(
                    (list) => replaceAt(list, index, (item) => ({ ...item, label })),
                    `regions.${region.id}.label`,
                  );
                }}
                data-field-path={`data.regions[${index}].label`}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mb={4}
                aria-label={t('settings.region.removeRegion')}
                onClick={() => setRegions((list) => list.filter((item) => item.id !== region.id))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            <TagsInput
              label={t('settings.region.values')}
              placeholder={t(
                byProvince
                  ? 'settings.region.provincesPlaceholder'
                  : 'settings.region.valuesPlaceholder',
              )}
              data={byProvince ? PROVINCE_NAMES : []}
              value={region.values}
              onChange={(values) =>
                setRegions((list) => replaceAt(list, index, (item) => ({ ...item, values })))
              }
              splitChars={[',', '，', '、']}
              clearable
              data-field-path={`data.regions[${index}].values`}
            />
          </Stack>
        </Paper>
      ))}
      <Button
        variant="default"
        leftSection={<IconPlus size={16} />}
        onClick={() =>
          setRegions((list) => [
            ...list,
            {
              id: nextFreeId('region', new Set(list.map((item) => item.id))),
              label: t('settings.region.newRegion'),
              values: [],
            },
          ])
        }
      >
        {t('settings.region.addRegion')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('settings.region.elseHint')}
      </Text>
    </Stack>
  );
}
