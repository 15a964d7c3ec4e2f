import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspaceTimeZone } from '../../settings/workspace-settings';
import { formatDatasetLabels, type DatasetLabelSource } from './dataset-label';

/**
 * Returns the labels of `datasets` keyed by dataset id, in the interface
 * language and the workspace time zone (Asia/Shanghai until it loads). The
 * labels follow changes of either.
 */
export function useDatasetLabels(
  datasets: readonly DatasetLabelSource[] | undefined,
): Map<string, string> {
  const { t, i18n } = useTranslation();
  const timeZone = useWorkspaceTimeZone();

  return useMemo(
    () =>
      formatDatasetLabels(datasets ?? [], {
        t,
        language: i18n.language,
        ...(timeZone ? { timeZone } : {}),
      }),
    [datasets, t, i18n.language, timeZone],
  );
}
