import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { STANDARD_LEAD_FIELDS } from '../conditions/lead-fields';
import type { PresentationContext } from '../model/node-presentation';
import { useEditorEnvironment } from './EditorEnvironment';

const STANDARD_FIELD_NAMES = new Set(STANDARD_LEAD_FIELDS.map((field) => field.name));

/** Translation plus rep and field names, for describing nodes and conditions. */
export function usePresentationContext(): PresentationContext {
  const { t } = useTranslation('editor');
  const { repNames } = useEditorEnvironment();

  return useMemo(
    () => ({
      t,
      repName: (repId: string) => repNames.get(repId),
      fieldLabel: (field: string) =>
        STANDARD_FIELD_NAMES.has(field) ? t(`editor:fields.${field}`) : field,
    }),
    [t, repNames],
  );
}
