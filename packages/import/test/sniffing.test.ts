import { describe, expect, it } from 'vitest';

import { detectHeaderRow, detectNewline, sniffDelimiter } from '@sras/import';

describe('sniffDelimiter', () => {
  it('ignores commas inside decimal-comma exponent numbers', () => {
    expect(sniffDelimiter('姓名;电话\n张三;1,38001E+10\n李四;1,39001E+10\n')).toBe(';');
  });

  it('prefers the delimiter that splits most lines the same way', () => {
    expect(sniffDelimiter('a,b,c\n1,2;5,4\n5,6,7\n')).toBe(',');
  });

  it('ignores delimiters inside quotes', () => {
    expect(sniffDelimiter('name;remark\nA;"x, y, z"\nB;"p, q"\n')).toBe(';');
  });

  it('reads a space-delimited table but not prose', () => {
    expect(sniffDelimiter('code name area\n000881 中广核技 辽宁\n002160 常铝股份 江苏\n')).toBe(
      ' ',
    );
    expect(sniffDelimiter('This is a note\nwith several words per line\n')).toBe(',');
  });

  it('falls back to a comma for one column', () => {
    expect(sniffDelimiter('姓名\n张三\n')).toBe(',');
  });
});

describe('detectNewline', () => {
  it('finds the first line break outside quotes', () => {
    expect(detectNewline('a,"x\ny"\r\nb')).toBe('\r\n');
    expect(detectNewline('a\rb')).toBe('\r');
    expect(detectNewline('a')).toBe('\n');
  });
});

describe('detectHeaderRow', () => {
  it('skips a one-cell instruction row and a blank row', () => {
    const rows = [
      { row: 1, cells: ['导入须知：带 * 为必填项，请勿修改表头'] },
      { row: 2, cells: [] },
      { row: 3, cells: ['姓名', '手机', '城市'] },
      { row: 4, cells: ['张三', '13800000000', '杭州'] },
    ];

    expect(detectHeaderRow(rows)).toBe(3);
  });

  it('skips a row of numbers and dates', () => {
    const rows = [
      { row: 1, cells: ['2024-05-01', '2024-05-31', '100'] },
      { row: 2, cells: ['日期', '截止', '数量'] },
    ];

    expect(detectHeaderRow(rows)).toBe(2);
  });

  it('takes a header with repeated known column names as the header', () => {
    const rows = [
      { row: 1, cells: ['姓名', '电话', '电话', '地址', '地址'] },
      { row: 2, cells: ['张三', '13800000000', '057188886666', '杭州', '西湖区'] },
    ];

    expect(detectHeaderRow(rows)).toBe(1);
  });

  it('takes a header with repeated unknown names when the row below holds numbers', () => {
    const rows = [
      { row: 1, cells: ['Kunde', 'Nummer', 'Nummer'] },
      { row: 2, cells: ['Acme', '100', '200'] },
    ];

    expect(detectHeaderRow(rows)).toBe(1);
  });

  it('skips a title repeated across cells above the header', () => {
    const rows = [
      { row: 1, cells: ['客户名单', '客户名单', '客户名单'] },
      { row: 2, cells: ['Kunde', 'Ort', 'Land'] },
      { row: 3, cells: ['Acme', 'Berlin', 'DE'] },
    ];

    expect(detectHeaderRow(rows)).toBe(2);
  });

  it('returns null for an empty sheet', () => {
    expect(detectHeaderRow([])).toBeNull();
  });
});
