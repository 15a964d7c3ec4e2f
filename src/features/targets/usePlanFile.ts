import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../app/download-file';
import { GRID_COLUMNS } from './plan-grid';
import {
  importPlanTable,
  planToTable,
  type GridTableLabels,
  type TableProblem,
} from './grid-table';
import type { ColumnKey, TargetPlan } from './target-plan.types';
import { readFirstSheet, writeWorkbook } from './xlsx-file';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Export and import of a plan's grid as an XLSX file, with headers in either language. */
export function usePlanFile(): {
  exportPlan: (plan: TargetPlan) => Promise<void>;
  importPlan: (
    plan: TargetPlan,
    file: File,
  ) => Promise<
    | { ok: true; plan: TargetPlan }
    | { ok: false; problems: (TableProblem | { code: 'plan-not-draft' })[] }
  >;
} {
  const { t, i18n } = useTranslation('targets');

  const exportPlan = useCallback(
    async (plan: TargetPlan) => {
      const labels: GridTableLabels = {
        rowKey: t('table.rowKey'),
        team: t('table.team'),
        name: t('table.name'),
        columns: Object.fromEntries(
          GRID_COLUMNS.map((column) => [column, t(`columns.${column}`)]),
        ) as Record<ColumnKey, string>,
        company: t('grid.company'),
        noTeam: t('grid.noTeam'),
      };
      const bytes = await writeWorkbook([{ name: plan.name, rows: planToTable(plan, labels) }]);
      downloadFile(`${plan.name}-v${plan.version}.xlsx`, [bytes as BlobPart], XLSX_TYPE);
    },
    [t],
  );

  const importPlan = useCallback(
    async (plan: TargetPlan, file: File) => {
      const table = await readFirstSheet(await file.arrayBuffer());
      const languages = ['zh-CN', 'en'].map((language) => i18n.getFixedT(language, 'targets'));
      const aliases = Object.fromEntries(
        (['rowKey', ...GRID_COLUMNS] as const).map((key) => [
          key,
          languages.map((fixed) =>
            key === 'rowKey' ? fixed('table.rowKey') : fixed(`columns.${key}`),
          ),
        ]),
      ) as Record<ColumnKey | 'rowKey', string[]>;
      return importPlanTable(plan, table, aliases, Date.now());
    },
    [i18n],
  );

  return { exportPlan, importPlan };
}
