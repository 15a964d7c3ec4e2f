import { Alert, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DatasetKind } from '../../../storage/records';
import { DATASET_KINDS, type KindCheck, type KindGuess } from './dataset-kinds';
import { useImportWizard } from './import-wizard.store';

/** Explains why the wizard guessed the kind it shows, by the mapped fields that decided it. */
function KindGuessNote({ guess }: { guess: KindGuess }) {
  const { t } = useTranslation('data');
  const fieldList = (fields: string[]) =>
    fields.map((field) => t(`fields.${field}`)).join(t('kind.listSeparator'));

  let reason: string;
  if (guess.kind === 'deals')
    reason = t('kind.guess.deals', { fields: fieldList(guess.dealFields) });
  else if (guess.leadFields.length > 0)
    reason = t('kind.guess.leads', { fields: fieldList(guess.leadFields) });
  else reason = t('kind.guess.leadsByDefault');

  return (
    <Text size="sm" data-testid="kind-guess">
      {reason}
      {t('kind.guess.change')}
    </Text>
  );
}

/**
 * Chooses what the file is (leads, existing owners, deals). It explains why
 * the wizard guessed the kind shown until the user picks one, and lists the
 * fields the kind needs.
 */
export function KindPicker({
  kindCheck,
  kindGuess,
}: {
  kindCheck: KindCheck;
  kindGuess: KindGuess | null;
}) {
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
      {kindGuess && <KindGuessNote guess={kindGuess} />}
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
