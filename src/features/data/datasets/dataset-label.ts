/**
 * The label every dataset picker and every mention of a chosen dataset
 * shows: name, import time and row count, such as
 * "leads.xlsx · 2026-12-05 14:03 · 1,234 rows". Two imports of the same
 * file share a name, so the import time and the row count tell them apart.
 */
import type { TFunction } from 'i18next';
import { distinctLabels } from '../../../app/distinct-labels';
import type { DatasetRecord } from '../../../storage/records';
import { DEFAULT_TIME_ZONE } from '../../targets/civil-date';

export type DatasetLabelSource = Pick<DatasetRecord, 'id' | 'name' | 'importedAt' | 'rowCount'>;

export interface DatasetLabelOptions {
  t: TFunction;
  /** BCP 47 tag that groups the row count's digits. */
  language: string;
  /** IANA zone the import time is shown in; Asia/Shanghai when absent. */
  timeZone?: string;
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

function timeFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = timeFormatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown IANA zone name.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    timeFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Formats an instant (epoch milliseconds) as `YYYY-MM-DD HH:mm` in `timeZone`,
 * or as `YYYY-MM-DD HH:mm:ss` when `withSeconds` is set. The same digits in
 * both languages, so that a label reads like the spreadsheets managers keep.
 */
export function formatImportTime(
  epochMs: number,
  timeZone: string = DEFAULT_TIME_ZONE,
  withSeconds = false,
): string {
  const parts = timeFormatter(timeZone).formatToParts(new Date(epochMs));
  const read = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((part) => part.type === type)?.value ?? '';

  const minutes = `${read('year')}-${read('month')}-${read('day')} ${read('hour')}:${read('minute')}`;
  return withSeconds ? `${minutes}:${read('second')}` : minutes;
}

function labelOf(
  dataset: DatasetLabelSource,
  options: DatasetLabelOptions,
  withSeconds: boolean,
): string {
  return options.t('common:datasetLabel', {
    name: dataset.name,
    importedAt: formatImportTime(dataset.importedAt, options.timeZone, withSeconds),
    rows: new Intl.NumberFormat(options.language).format(dataset.rowCount),
    count: dataset.rowCount,
  });
}

/** Labels one dataset by its name, import time to the minute and row count. */
export function formatDatasetLabel(
  dataset: DatasetLabelSource,
  options: DatasetLabelOptions,
): string {
  return labelOf(dataset, options, false);
}

/**
 * Labels each dataset of a list, keyed by dataset id, so that no two entries
 * of one picker read the same. Datasets whose labels would be equal (the same
 * file imported twice in one minute) show the import time to the second.
 * Any still equal get " #1", " #2" … in import order.
 */
export function formatDatasetLabels(
  datasets: readonly DatasetLabelSource[],
  options: DatasetLabelOptions,
): Map<string, string> {
  return distinctLabels(
    datasets,
    (dataset) => labelOf(dataset, options, false),
    (dataset) => labelOf(dataset, options, true),
    (a, b) => a.importedAt - b.importedAt || a.id.localeCompare(b.id),
  );
}
