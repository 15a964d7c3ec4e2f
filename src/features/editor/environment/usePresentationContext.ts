import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { leadFieldLabel, mergeLeadFields } from '../conditions/lead-fields';
import type { PresentationContext } from '../model/node-presentation';
import { useEditorEnvironment } from './EditorEnvironment';

/** Translation plus rep and field names, for describing nodes and conditions. */
export function usePresentationContext(): PresentationContext {
  const { t } = useTranslation('editor');
  const { repNames, datasetColumns } = useEditorEnvironment();

  return useMemo(() => {
    const fields = new Map(mergeLeadFields(datasetColumns).map((field) => [field.name, field]));
    return {
      t,
      repName: (repId: string) => repNames.get(repId),
      fieldLabel: (name: string) => {
        const field = fields.get(name);
        return field ? leadFieldLabel(field, t) : name;
      },
    };
  }, [t, repNames, datasetColumns]);
}
