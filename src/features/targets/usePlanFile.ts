import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../app/download-file';
import { GRID_COLUMNS } from './plan-grid';
import {
  importPlanTable,
  planTableFormulas,
  planToTable,
  type GridTableLabels,
  type TableProblem,
} from './grid-table';
import { planFileName } from './plan-file-name';
import type { ColumnKey, TargetPlan } from './target-plan.types';
import type { PlanEdit } from './worker/plan-edit-queue';
import { readFirstSheet, writeWorkbook } from './xlsx-file';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A problem that stops an imported grid file from replacing the plan's values. */
export type PlanImportProblem = TableProblem | { code: 'plan-not-draft' };

/** Export and import of a plan's grid as an XLSX file, with headers in either language. */
export function usePlanFile(): {
  exportPlan: (plan: TargetPlan) => Promise<void>;
  /**
   * Reads a grid file and returns the edit that puts its values into a plan.
   * The edit checks the file against the plan it is given, so it belongs in
   * the plan-edit queue: it then applies to the plan left by any edit still
   * being re-spread. Rejects with a `WorkbookReadError` when the file is not
   * a workbook or cannot be read.
   */
  readImport: (file: File) => Promise<PlanEdit<PlanImportProblem>>;
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
      const bytes = await writeWorkbook([
        { name: plan.name, rows: planToTable(plan, labels), formulas: planTableFormulas(plan) },
      ]);
      downloadFile(planFileName(plan.name, plan.version), [bytes as BlobPart], XLSX_TYPE);
    },
    [t],
  );

  const readImport = useCallback(
    async (file: File): Promise<PlanEdit<PlanImportProblem>> => {
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
      return (plan) => {
        const result = importPlanTable(plan, table, aliases, Date.now());
        return result.ok ? { ok: true, value: result.plan } : result;
      };
    },
    [i18n],
  );

  return { exportPlan, readImport };
}
