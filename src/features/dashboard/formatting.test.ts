import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from './csv-export';
import { formatPercent, formatYuan, formatYuanCompact } from './number-format';
import { suggestOutcomeMapping } from './outcome-fields';

describe('number formatting', () => {
  it('formats yuan in both languages', () => {
    expect(formatYuan(12_000_000, 'zh-CN')).toBe('¥12,000,000');
    expect(formatYuan(12_000_000, 'en')).toBe('¥12,000,000');
    expect(formatYuan(1234.6, 'en')).toBe('¥1,235');
  });

  it('uses 万 and 亿 for large Chinese amounts', () => {
    expect(formatYuanCompact(12_000_000, 'zh-CN')).toBe('¥1,200万');
    expect(formatYuanCompact(345_600_000, 'zh-CN')).toBe('¥3.46亿');
    expect(formatYuanCompact(35_000, 'zh-CN')).toBe('¥3.5万');
    expect(formatYuanCompact(9_999, 'zh-CN')).toBe('¥9,999');
    expect(formatYuanCompact(-25_000, 'zh-CN')).toBe('-¥2.5万');
    expect(formatYuanCompact(12_000_000, 'en')).toBe('¥12M');
  });

  it('formats ratios as percentages', () => {
    expect(formatPercent(0.371, 'en')).toBe('37.1%');
    expect(formatPercent(0.4, 'zh-CN')).toBe('40%');
  });
});

describe('toCsv', () => {
  it('starts with a byte-order mark and quotes what needs quoting', () => {
    expect(
      toCsv([
        ['姓名', '金额'],
        ['张伟, 华东', 1200],
        ['说"是"', null],
      ]),
    ).toBe('\uFEFF姓名,金额\r\n"张伟, 华东",1200\r\n"说""是""",\r\n');
  });

  it('neutralises cells that start like a formula', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutraliseFormula('+86 138')).toBe("'+86 138");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula(-800)).toBe('-800');
    expect(neutraliseFormula('张伟')).toBe('张伟');
  });
});

describe('suggestOutcomeMapping', () => {
  it('maps Chinese and English headers and standard fields', () => {
    const mapping = suggestOutcomeMapping([
      { key: 'c1', header: '负责人' },
      { key: 'c2', header: '成交日期' },
      { key: 'c3', header: '合同金额' },
      { key: 'c4', header: 'Lead Source' },
      { key: 'c5', header: '销售阶段' },
      { key: 'c6', header: '录入时间', field: 'createdAt' },
      { key: 'c7', header: '备注' },
    ]);
    expect(mapping).toEqual({
      owner: 'c1',
      closedAt: 'c2',
      amount: 'c3',
      source: 'c4',
      stage: 'c5',
      createdAt: 'c6',
    });
  });
});
