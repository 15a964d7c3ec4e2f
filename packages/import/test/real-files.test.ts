import { describe, expect, it } from 'vitest';

import { importFile } from '@sras/import';

import { columnKeys, fixture, issuesOf } from './helpers.js';

describe('importFile on xeducation_Leads.csv', () => {
  it('reads 9,240 leads with 37 named columns and drops the trailing empty column', async () => {
    const result = await importFile(fixture('xeducation_Leads.csv'));

    expect(result.rows).toHaveLength(9240);
    expect(result.columns).toHaveLength(37);
    expect(columnKeys(result)).not.toContain('');
    expect(columnKeys(result).some((key) => key.startsWith('column_'))).toBe(false);
    expect(result.newline).toBe('\r\n');
    expect(result.encoding).toEqual({ encoding: 'utf-8', reason: 'valid-utf-8' });
  });

  it('counts the 13,380 Select placeholders per column and keeps them by default', async () => {
    const result = await importFile(fixture('xeducation_Leads.csv'));

    const total = result.report.placeholders.reduce((sum, entry) => sum + entry.count, 0);
    expect(total).toBe(13380);
    expect(result.report.placeholders).toContainEqual(
      expect.objectContaining({ column: 'City', value: 'Select', count: 2249 }),
    );
    expect(result.rows.filter((row) => row.values.City === 'Select')).toHaveLength(2249);
  });

  it('turns Select into empty cells when placeholders are emptied', async () => {
    const result = await importFile(fixture('xeducation_Leads.csv'), { placeholders: 'empty' });

    expect(result.rows.filter((row) => row.values.City === 'Select')).toHaveLength(0);
    expect(result.rows.filter((row) => row.fields.city === '')).toHaveLength(2249 + 1420);
  });

  it('maps Prospect ID, Lead Source and City but not the Do Not Email flag', async () => {
    const result = await importFile(fixture('xeducation_Leads.csv'));

    expect(result.fieldColumns).toMatchObject({
      id: 'Prospect ID',
      source: 'Lead Source',
      city: 'City',
    });
    expect(result.fieldColumns.email).toBeUndefined();
  });

  it('keeps numbers as text unless a column is typed as a number', async () => {
    const plain = await importFile(fixture('xeducation_Leads.csv'));
    const typed = await importFile(fixture('xeducation_Leads.csv'), {
      columnTypes: { TotalVisits: 'number', 'Page Views Per Visit': 'number' },
    });

    expect(plain.rows[1]?.values['Page Views Per Visit']).toBe('2.5');
    expect(typed.rows[1]?.values['Page Views Per Visit']).toBe(2.5);
    expect(typed.rows.filter((row) => row.values.TotalVisits === null)).toHaveLength(137);
  });
});

describe('importFile on xeducation_Leads_Data_Dictionary.xlsx', () => {
  it('finds the table at B3 and fills the vertically merged descriptions down', async () => {
    const result = await importFile(fixture('xeducation_Leads_Data_Dictionary.xlsx'));

    expect(result.headerRow).toBe(3);
    expect(columnKeys(result)).toEqual(['Variables', 'Description']);
    expect(result.columns.map((column) => column.letter)).toEqual(['B', 'C']);
    expect(result.rows).toHaveLength(37);
    const merged = result.rows.filter((row) => row.row >= 20 && row.row <= 25);
    expect(new Set(merged.map((row) => row.values.Description)).size).toBe(1);
    expect(merged[0]?.values.Description).not.toBe('');
    expect(result.filledMergedCells).toBe(5 + 3);
  });

  it('leaves merged cells empty below their first row when filling is off', async () => {
    const result = await importFile(fixture('xeducation_Leads_Data_Dictionary.xlsx'), {
      mergedCells: 'keep',
    });

    const merged = result.rows.filter((row) => row.row > 20 && row.row <= 25);
    expect(merged.every((row) => row.values.Description === '')).toBe(true);
  });
});

describe('importFile on 5kcrm_leads_model.xls', () => {
  it('finds the 22 headers on row 2 below the merged instruction and reports no data rows', async () => {
    const result = await importFile(fixture('5kcrm_leads_model.xls'), { emptyTable: 'allow' });

    expect(result.format).toBe('xls');
    expect(result.headerRow).toBe(2);
    expect(result.headerDetected).toBe(true);
    expect(result.columns).toHaveLength(22);
    expect(result.rows).toHaveLength(0);
    expect(result.report.issueCounts).toEqual({ 'no-data-rows': 1 });
    expect(result.report.errorCount).toBe(1);
    expect(result.report.rowsAboveHeader).toBe(1);
  });

  it('rejects the template by default because it has no data rows', async () => {
    await expect(importFile(fixture('5kcrm_leads_model.xls'))).rejects.toMatchObject({
      code: 'no-data-rows',
      params: { row: 2 },
    });
  });

  it('maps province and city headers whose hints use half- and full-width brackets', async () => {
    const result = await importFile(fixture('5kcrm_leads_model.xls'), { emptyTable: 'allow' });

    expect(result.fieldColumns).toMatchObject({
      name: '联系人姓名',
      phone: '手机',
      tel: '电话',
      company: '公司名',
      province: '省份(**省)',
      city: '城市（**市）',
      source: '来源',
      industry: '行业',
      postalCode: '邮编',
    });
  });
});

describe('importFile on 5kcrm_customer_model.xls', () => {
  it('reads 13 headers and drops the two empty trailing columns of the range', async () => {
    const result = await importFile(fixture('5kcrm_customer_model.xls'), { emptyTable: 'allow' });

    expect(result.headerRow).toBe(2);
    expect(result.columns).toHaveLength(13);
    expect(result.columns.at(-1)?.key).toBe('备注');
    expect(result.fieldColumns).toMatchObject({
      company: '客户名',
      industry: '行业',
      source: '信息来源',
      phone: '办公室电话',
    });
    expect(result.rows).toHaveLength(0);
  });
});

describe('importFile on jsherp_customer_template.xls', () => {
  it('reads numeric mobile cells as digit strings and matches starred headers', async () => {
    const result = await importFile(fixture('jsherp_customer_template.xls'));

    expect(result.sheet?.name).toBe('信息');
    expect(result.headerRow).toBe(2);
    expect(result.columns).toHaveLength(15);
    expect(result.rows).toHaveLength(2);
    expect(result.rows.map((row) => row.fields.phone)).toEqual(['13000000000', '15000000000']);
    expect(result.fieldColumns).toMatchObject({
      company: '名称*',
      status: '状态*',
      name: '联系人',
      tel: '联系电话',
    });
    expect(result.rows[0]?.values['状态*']).toBe('1');
  });
});

describe('importFile on cn_listed_companies_Astocks.csv', () => {
  it('detects the space delimiter and keeps leading zeros of stock codes', async () => {
    const result = await importFile(fixture('cn_listed_companies_Astocks.csv'));

    expect(result.delimiter).toBe(' ');
    expect(result.rows).toHaveLength(3777);
    expect(result.columns).toHaveLength(23);
    const codes = result.rows.map((row) => row.values.code as string);
    expect(codes.filter((code) => code.startsWith('0'))).toHaveLength(1405);
    expect(codes).toContain('000881');
    expect(result.rows.find((row) => row.values.code === '000881')?.values.name).toBe('中广核技');
  });

  it('keeps names with * and ST prefixes intact', async () => {
    const result = await importFile(fixture('cn_listed_companies_Astocks.csv'));

    const starred = result.rows.filter((row) => String(row.values.name).startsWith('*ST'));
    expect(starred.length).toBeGreaterThan(0);
    expect(result.report.issueCounts['extra-values'] ?? 0).toBe(0);
  });
});

describe('importFile on alipay_example_gbk.csv', () => {
  it('decodes GBK, skips the 24-line preamble and trims padded headers and tabs', async () => {
    const result = await importFile(fixture('alipay_example_gbk.csv'));

    expect(result.encoding).toEqual({ encoding: 'gb18030', reason: 'invalid-utf-8' });
    expect(result.headerRow).toBe(25);
    expect(result.rows).toHaveLength(10);
    expect(result.columns).toHaveLength(12);
    expect(result.columns[0]?.key).toBe('交易时间');
    expect(result.rows.map((row) => row.row)).toEqual([26, 27, 28, 29, 30, 31, 32, 33, 34, 35]);
    const orderNumbers = result.rows.map((row) => row.values['交易订单号'] as string);
    expect(orderNumbers.every((value) => !/\s$/.test(value))).toBe(true);
    expect(orderNumbers[0]).toBe('202302xxxxxx0011000103xxxxxx');
  });
});

describe('importFile on magicodes_instruction_row_blank_rows.xlsx', () => {
  it('skips and counts the blank rows and reports the row with an empty key', async () => {
    const result = await importFile(fixture('magicodes_instruction_row_blank_rows.xlsx'));

    expect(result.headerRow).toBe(2);
    expect(result.columns).toHaveLength(7);
    expect(result.report.blankRowCount).toBe(3);
    expect(result.rows.map((row) => row.row)).toEqual([3, 4, 5, 7, 9, 11]);
    expect(issuesOf(result, 'key-missing')).toEqual([
      expect.objectContaining({ row: 11, column: '管轴编号' }),
    ]);
  });
});

describe('importFile on magicodes_vertical_merged_cells.xlsx', () => {
  it('fills vertically merged names down to every row they cover', async () => {
    const result = await importFile(fixture('magicodes_vertical_merged_cells.xlsx'));

    expect(result.rows).toHaveLength(13);
    expect(result.columns).toHaveLength(3);
    expect(result.rows.slice(0, 3).map((row) => row.values['姓名'])).toEqual([
      '张三',
      '张三',
      '张三',
    ]);
    expect(result.rows.slice(3, 7).every((row) => row.values['姓名'] === '李四')).toBe(true);
    expect(result.rows.every((row) => row.values['性别'] !== '')).toBe(true);
  });
});

describe('importFile on magicodes_issue236_first_row_empty_serial_dates.xlsx', () => {
  it('finds the header on row 2 and converts serial dates without a day shift', async () => {
    const result = await importFile(
      fixture('magicodes_issue236_first_row_empty_serial_dates.xlsx'),
    );

    expect(result.headerRow).toBe(2);
    expect(result.columns).toHaveLength(10);
    expect(result.rows).toHaveLength(2);
    expect(result.rows.map((row) => row.values['创建时间'])).toEqual(['2021-01-29', '2021-01-30']);
    expect(result.timeZone).toBe('Asia/Shanghai');
  });
});

describe('importFile on magicodes_issue549_table_starts_at_C1.xlsx', () => {
  it('finds a table that starts in column C', async () => {
    const result = await importFile(fixture('magicodes_issue549_table_starts_at_C1.xlsx'));

    expect(columnKeys(result)).toEqual(['姓名', '年龄']);
    expect(result.columns.map((column) => column.letter)).toEqual(['C', 'D']);
    expect(result.rows).toEqual([
      expect.objectContaining({ row: 2, values: { 姓名: '小明', 年龄: '28' } }),
    ]);
  });
});
