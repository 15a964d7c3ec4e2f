import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { excelSerialToText, importFile, numberToPlainText } from '@sras/import';

import { fixture, issuesOf } from './helpers.js';

function workbookBytes(
  sheet: XLSX.WorkSheet,
  bookType: 'xlsx' | 'xls' = 'xlsx',
  date1904 = false,
): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, 'Leads');
  if (date1904) workbook.Workbook = { WBProps: { date1904: true } };
  return new Uint8Array(
    XLSX.write(workbook, {
      type: 'array',
      bookType: bookType === 'xls' ? 'biff8' : 'xlsx',
    }) as ArrayBuffer,
  );
}

describe('importFile serial dates', () => {
  const originalZone = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'Asia/Shanghai';
  });
  afterEach(() => {
    process.env.TZ = originalZone;
  });

  it('gives 2021-01-29 and 2021-01-30 in Asia/Shanghai without the one-day shift', async () => {
    const result = await importFile(
      fixture('magicodes_issue236_first_row_empty_serial_dates.xlsx'),
    );

    expect(new Date(2021, 0, 29).getTimezoneOffset()).toBe(-480);
    expect(result.rows.map((row) => row.fields.createdAt)).toEqual(['2021-01-29', '2021-01-30']);
  });

  it('writes times of day and time-only cells', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['姓名', '创建时间', '时刻'],
      ['张三', 44225.5, 0.75],
    ]);
    XLSX.utils.cell_set_number_format(sheet.B2 as XLSX.CellObject, 'yyyy-mm-dd hh:mm:ss');
    XLSX.utils.cell_set_number_format(sheet.C2 as XLSX.CellObject, 'hh:mm');

    const result = await importFile(workbookBytes(sheet));

    expect(result.rows[0]?.values).toMatchObject({
      创建时间: '2021-01-29 12:00:00',
      时刻: '18:00:00',
    });
  });

  it('converts serials of the 1904 date system', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([['日期'], [42763]]);
    XLSX.utils.cell_set_number_format(sheet.A2 as XLSX.CellObject, 'yyyy-mm-dd');

    const result = await importFile(workbookBytes(sheet, 'xlsx', true));

    expect(result.rows[0]?.values['日期']).toBe('2021-01-29');
  });
});

describe('excelSerialToText', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [44225, '2021-01-29'],
    [45413.3125, '2024-05-01 07:30:00'],
  ])('converts serial %d to %s', (serial, text) => {
    expect(excelSerialToText(serial)).toBe(text);
  });
});

describe('importFile numeric cells', () => {
  it('writes numeric phone cells as digit strings in xlsx and xls', async () => {
    for (const bookType of ['xlsx', 'xls'] as const) {
      const sheet = XLSX.utils.aoa_to_sheet([
        ['姓名', '手机'],
        ['张三', 13000000000],
        ['李四', 8613912345678],
      ]);

      const result = await importFile(workbookBytes(sheet, bookType));

      expect(result.format).toBe(bookType);
      expect(result.rows.map((row) => row.fields.phone)).toEqual(['13000000000', '8613912345678']);
    }
  });

  it('keeps leading zeros shown by a zero-padded number format', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([['客户编号'], [881]]);
    XLSX.utils.cell_set_number_format(sheet.A2 as XLSX.CellObject, '000000');

    const result = await importFile(workbookBytes(sheet));

    expect(result.rows[0]?.values['客户编号']).toBe('000881');
  });

  it.each([
    [13000000000, '13000000000'],
    [1e21, '1000000000000000000000'],
    [0.036000000000000004, '0.036'],
    [1e-7, '0.0000001'],
    [-2.5, '-2.5'],
  ])('writes %d in plain notation as %s', (value, text) => {
    expect(numberToPlainText(value)).toBe(text);
  });

  it('reads Excel error cells as empty and reports them', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['姓名', '金额'],
      ['张三', 1],
    ]);
    sheet.B2 = { t: 'e', v: 0x2a, w: '#N/A' };

    const result = await importFile(workbookBytes(sheet));

    expect(result.rows[0]?.values['金额']).toBe('');
    expect(issuesOf(result, 'cell-error')).toEqual([
      expect.objectContaining({ row: 2, column: 'B', value: '#N/A' }),
    ]);
  });
});

describe('importFile merged cells', () => {
  it('fills a merged header cell across the columns it covers', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['导入说明：带 * 的为必填项'],
      ['姓名', '联系方式', '', '城市'],
      ['张三', '13800000000', 'a@b.cn', '杭州'],
    ]);
    sheet['!merges'] = [
      { s: { r: 0, c: 0 }, e: { r: 0, c: 3 } },
      { s: { r: 1, c: 1 }, e: { r: 1, c: 2 } },
    ];

    const result = await importFile(workbookBytes(sheet));

    expect(result.headerRow).toBe(2);
    expect(result.columns.map((column) => column.key)).toEqual([
      '姓名',
      '联系方式',
      '联系方式_2',
      '城市',
    ]);
    expect(result.rows[0]?.values['联系方式_2']).toBe('a@b.cn');
  });

  it('creates rows for blank sheet rows that a vertical merge covers', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['负责人', '客户'],
      ['王五', 'A公司'],
      ['', 'B公司'],
    ]);
    sheet['!merges'] = [{ s: { r: 1, c: 0 }, e: { r: 2, c: 0 } }];

    const result = await importFile(workbookBytes(sheet));

    expect(result.rows.map((row) => row.fields.owner)).toEqual(['王五', '王五']);
    expect(result.filledMergedCells).toBe(1);
  });
});

describe('importFile sheet choice', () => {
  it('reads the named sheet and lists all sheets', async () => {
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([]), '说明');
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['姓名'], ['张三']]), '线索');
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['姓名'], ['李四']]), '客户');
    const bytes = new Uint8Array(
      XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer,
    );

    const byDefault = await importFile(bytes);
    const chosen = await importFile(bytes, { sheet: '客户' });

    expect(byDefault.sheet).toEqual({ name: '线索', names: ['说明', '线索', '客户'] });
    expect(chosen.rows[0]?.values['姓名']).toBe('李四');
    await expect(importFile(bytes, { sheet: '商机' })).rejects.toMatchObject({
      code: 'sheet-not-found',
    });
  });

  it('rejects bytes that are no workbook behind an .xlsx name', async () => {
    await expect(
      importFile(new TextEncoder().encode('a,b'), { fileName: 'leads.xlsx' }),
    ).rejects.toMatchObject({
      code: 'format-unsupported',
    });
  });

  it('rejects a damaged workbook with a readable error', async () => {
    const bytes = fixture('magicodes_issue549_table_starts_at_C1.xlsx').slice(0, 400);

    await expect(importFile(bytes)).rejects.toMatchObject({ code: 'workbook-unreadable' });
  });
});
