import { Alert, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DatasetKind } from '../../../storage/records';
import { DATASET_KINDS, type KindCheck } from './dataset-kinds';
import { useImportWizard } from './import-wizard.store';

/** Chooses what the file is (leads, existing owners, deals) and says which fields that needs. */
export function KindPicker({ kindCheck }: { kindCheck: KindCheck }) {
  const { t } = useTranslation('data');
  const kind = useImportWizard((state) => state.settings.kind);
  const setKind = useImportWizard((state) => state.setKind);

  const fieldList = (fields: string[]) =>
    fields.map((field) => t(`fields.${field}`)).join(t('kind.or'));
  const required = kindCheck.missing.filter((requirement) => requirement.level === 'required');
  const recommended = kindCheck.missing.filter(
    (requirement) => requirement.level === 'recommended',
  );

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id="dataset-kind-label">
        {t('kind.label')}
      </Text>
      <SegmentedControl
        aria-labelledby="dataset-kind-label"
        data-testid="dataset-kind"
        value={kind}
        onChange={(value) => void setKind(value as DatasetKind)}
        data={DATASET_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))}
      />
      <Text size="sm" c="dimmed">
        {t(`kind.describe.${kind}`)}
      </Text>
      {required.length > 0 && (
        <Alert color="red" title={t('kind.missingTitle')} data-testid="kind-missing">
          <Stack gap={4}>
            {required.map((requirement) => (
              <Text size="sm" key={requirement.fields.join()}>
                {requirement.fields.length === 1
                  ? t('kind.missingOne', { field: fieldList(requirement.fields) })
                  : t('kind.missingAny', { fields: fieldList(requirement.fields) })}
              </Text>
            ))}
            <Text size="sm">{t('kind.missingHint')}</Text>
          </Stack>
        </Alert>
      )}
      {recommended.length > 0 && (
        <Text size="sm" c="orange">
          {recommended
            .map((requirement) => t('kind.recommended', { field: fieldList(requirement.fields) }))
            .join(' ')}
        </Text>
      )}
    </Stack>
  );
}
