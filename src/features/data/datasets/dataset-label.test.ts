import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../i18n/i18n';
import {
  formatDatasetLabel,
  formatDatasetLabels,
  formatImportTime,
  type DatasetLabelOptions,
} from './dataset-label';

// 2026-12-05 06:03:27.500 UTC is 14:03:27 in Shanghai.
const IMPORTED_AT = Date.UTC(2026, 11, 5, 6, 3, 27, 500);

function optionsIn(language: 'en' | 'zh-CN', timeZone?: string): DatasetLabelOptions {
  const t = initI18n('en').getFixedT(language);
  return { t, language, ...(timeZone ? { timeZone } : {}) };
}

function dataset(id: string, name: string, importedAt: number, rowCount: number) {
  return { id, name, importedAt, rowCount };
}

describe('formatImportTime', () => {
  it('uses Asia/Shanghai by default', () => {
    expect(formatImportTime(IMPORTED_AT)).toBe('2026-12-05 14:03');
  });

  it('uses the given zone', () => {
    expect(formatImportTime(IMPORTED_AT, 'America/New_York')).toBe('2026-12-05 01:03');
    expect(formatImportTime(IMPORTED_AT, 'UTC')).toBe('2026-12-05 06:03');
  });

  it('crosses midnight in the zone', () => {
    expect(formatImportTime(Date.UTC(2026, 11, 31, 16, 30), 'Asia/Shanghai')).toBe(
      '2027-01-01 00:30',
    );
  });

  it('adds seconds on request', () => {
    expect(formatImportTime(IMPORTED_AT, 'Asia/Shanghai', true)).toBe('2026-12-05 14:03:27');
  });

  it('rejects an unknown zone', () => {
    expect(() => formatImportTime(IMPORTED_AT, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('formatDatasetLabel', () => {
  it('names file, import time and rows in Chinese', () => {
    const label = formatDatasetLabel(
      dataset('a', '线索.xlsx', IMPORTED_AT, 1234),
      optionsIn('zh-CN'),
    );
    expect(label).toBe('线索.xlsx · 2026-12-05 14:03 · 1,234 行');
  });

  it('names file, import time and rows in English', () => {
    const label = formatDatasetLabel(
      dataset('a', 'leads.xlsx', IMPORTED_AT, 1234),
      optionsIn('en'),
    );
    expect(label).toBe('leads.xlsx · 2026-12-05 14:03 · 1,234 rows');
  });

  it('uses the singular for one row', () => {
    const label = formatDatasetLabel(dataset('a', 'leads.xlsx', IMPORTED_AT, 1), optionsIn('en'));
    expect(label).toBe('leads.xlsx · 2026-12-05 14:03 · 1 row');
  });

  it('shows the time in the given zone', () => {
    const label = formatDatasetLabel(
      dataset('a', 'leads.xlsx', IMPORTED_AT, 0),
      optionsIn('en', 'Europe/Berlin'),
    );
    expect(label).toBe('leads.xlsx · 2026-12-05 07:03 · 0 rows');
  });
});

describe('formatDatasetLabels', () => {
  it('keeps distinct labels to the minute', () => {
    const labels = formatDatasetLabels(
      [
        dataset('old', 'leads.xlsx', IMPORTED_AT, 1234),
        dataset('new', 'leads.xlsx', IMPORTED_AT + 3_600_000, 1234),
      ],
      optionsIn('en'),
    );
    expect(labels.get('old')).toBe('leads.xlsx · 2026-12-05 14:03 · 1,234 rows');
    expect(labels.get('new')).toBe('leads.xlsx · 2026-12-05 15:03 · 1,234 rows');
  });

  it('adds seconds to labels equal to the minute', () => {
    const labels = formatDatasetLabels(
      [
        dataset('first', 'leads.xlsx', IMPORTED_AT, 10),
        dataset('second', 'leads.xlsx', IMPORTED_AT + 20_000, 10),
        dataset('other', 'deals.xlsx', IMPORTED_AT, 10),
      ],
      optionsIn('en'),
    );
    expect(labels.get('first')).toBe('leads.xlsx · 2026-12-05 14:03:27 · 10 rows');
    expect(labels.get('second')).toBe('leads.xlsx · 2026-12-05 14:03:47 · 10 rows');
    expect(labels.get('other')).toBe('deals.xlsx · 2026-12-05 14:03 · 10 rows');
  });

  it('numbers labels equal to the second in import order', () => {
    const labels = formatDatasetLabels(
      [
        dataset('later', '线索.xlsx', IMPORTED_AT + 200, 5),
        dataset('earlier', '线索.xlsx', IMPORTED_AT, 5),
      ],
      optionsIn('zh-CN'),
    );
    expect(labels.get('earlier')).toBe('线索.xlsx · 2026-12-05 14:03:27 · 5 行 #1');
    expect(labels.get('later')).toBe('线索.xlsx · 2026-12-05 14:03:27 · 5 行 #2');
  });

  it('tells same-minute imports apart by row count alone', () => {
    const labels = formatDatasetLabels(
      [dataset('a', 'leads.xlsx', IMPORTED_AT, 10), dataset('b', 'leads.xlsx', IMPORTED_AT, 11)],
      optionsIn('en'),
    );
    expect(labels.get('a')).toBe('leads.xlsx · 2026-12-05 14:03 · 10 rows');
    expect(labels.get('b')).toBe('leads.xlsx · 2026-12-05 14:03 · 11 rows');
  });
});
