import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n';
import { describeSplitReading } from './target-messages';

const READING = {
  skippedRows: 0,
  unmatchedOwners: [],
  negativeRows: [{ datasetName: '2026 成交', amountColumn: '金额', count: 3, firstRow: 14 }],
};

describe('describeSplitReading', () => {
  it('names the count and first row of negative amounts in English', async () => {
    const i18n = initI18n('en');
    await i18n.changeLanguage('en');

    expect(describeSplitReading(i18n.t, READING)).toEqual([
      '3 rows of 2026 成交 have an amount below 0 in “金额” and were left out, so refunds lower no share. The first is row 14.',
    ]);
  });

  it('names the count and first row of negative amounts in Chinese', async () => {
    const i18n = initI18n('zh-CN');
    await i18n.changeLanguage('zh-CN');

    expect(describeSplitReading(i18n.t, READING)).toEqual([
      '2026 成交 中有 3 行的“金额”小于 0（如退款），已忽略，不会降低任何份额。第一行是第 14 行。',
    ]);
  });

  it('says nothing when every row was used', async () => {
    const i18n = initI18n('en');
    await i18n.changeLanguage('en');

    expect(
      describeSplitReading(i18n.t, { skippedRows: 0, unmatchedOwners: [], negativeRows: [] }),
    ).toEqual([]);
  });
});
