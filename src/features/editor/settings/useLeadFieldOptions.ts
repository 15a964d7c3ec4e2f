import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { leadFieldOptionLabel, mergeLeadFields } from '../conditions/lead-fields';
import { useEditorEnvironment } from '../environment/EditorEnvironment';

/** Lead fields as options for a field picker: the field name as value, a translated label. */
export function useLeadFieldOptions(): { value: string; label: string }[] {
  const { t } = useTranslation('editor');
  const { datasetColumns } = useEditorEnvironment();

  return useMemo(
    () =>
      mergeLeadFields(datasetColumns).map((field) => ({
        value: field.name,
        label: leadFieldOptionLabel(field, t),
      })),
    [datasetColumns, t],
  );
}
