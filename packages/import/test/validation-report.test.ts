import { describe, expect, it } from 'vitest';

import { checkPhone, formatImportIssue, isValidEmail, phoneDedupKey } from '@sras/import';

import { importText, issuesOf } from './helpers.js';

describe('checkPhone', () => {
  it.each([
    ['13800000000', 'mobile', '13800000000'],
    ['+86 138-0000-0000', 'mobile', '13800000000'],
    ['0086 13800000000', 'mobile', '13800000000'],
    ['8613800000000', 'mobile', '13800000000'],
    ['１３８００００００００', 'mobile', '13800000000'],
    ['0571-88886666', 'landline', '057188886666'],
    ['(010) 8888 6666', 'landline', '01088886666'],
    ['0571-8888666 转 801', 'landline', '05718888666'],
    ['+86 571 88886666', 'landline', '057188886666'],
    ['400-800-8888', 'service', '4008008888'],
    ['1.38E+10', 'scientific', null],
    ['1,38001E+10', 'scientific', null],
    ['12345678', 'invalid', null],
    ['1380000000', 'invalid', null],
    ['12800000000', 'invalid', null],
    ['abc', 'invalid', null],
    ['', 'empty', null],
  ])('classifies %s as %s', (value, kind, normalised) => {
    expect(checkPhone(value)).toEqual({ kind, normalised });
  });
});

describe('phoneDedupKey', () => {
  it('drops country prefixes like the engine does', () => {
    expect(phoneDedupKey('+86 138 0000 0000')).toBe('13800000000');
    expect(phoneDedupKey('0086-13800000000')).toBe('13800000000');
    expect(phoneDedupKey('0571-88886666')).toBe('057188886666');
  });
});

describe('isValidEmail', () => {
  it('accepts addresses and rejects malformed ones', () => {
    expect(isValidEmail(' Zhang.San@Example.com.cn ')).toBe(true);
    expect(isValidEmail('zhangsan@example')).toBe(false);
    expect(isValidEmail('zhang san@example.com')).toBe(false);
    expect(isValidEmail('No')).toBe(false);
  });
});

describe('importFile validation report', () => {
  const leads = [
    '姓名,手机,邮箱,城市',
    '张三,13800000000,zs@example.com,杭州',
    '李四,,ls@example,请选择',
    '王五,+86 138 0000 0000,ZS@example.com,Select',
    '赵六,1234,,北京',
    ',13900000000,,上海',
  ].join('\n');

  it('reports missing and malformed phones with row and column', async () => {
    const result = await importText(leads);

    expect(issuesOf(result, 'phone-missing')).toEqual([
      expect.objectContaining({ row: 3, column: '手机' }),
    ]);
    expect(issuesOf(result, 'phone-invalid')).toEqual([
      expect.objectContaining({ row: 5, column: '手机', value: '1234' }),
    ]);
  });

  it('reports malformed e-mails', async () => {
    const result = await importText(leads);

    expect(issuesOf(result, 'email-invalid')).toEqual([
      expect.objectContaining({ row: 3, value: 'ls@example' }),
    ]);
  });

  it('finds duplicates by normalised phone and e-mail with the first row', async () => {
    const result = await importText(leads);

    expect(issuesOf(result, 'duplicate-phone')).toEqual([
      expect.objectContaining({ row: 4, value: '+86 138 0000 0000', params: { firstRow: 2 } }),
    ]);
    expect(issuesOf(result, 'duplicate-email')).toEqual([
      expect.objectContaining({ row: 4, params: { firstRow: 2 } }),
    ]);
  });

  it('counts placeholder values per column', async () => {
    const result = await importText(leads);

    expect(result.report.placeholders).toEqual([
      { column: '城市', value: '请选择', count: 1, firstRow: 3 },
      { column: '城市', value: 'Select', count: 1, firstRow: 4 },
    ]);
  });

  it('reports a row whose key column is empty while other cells are filled', async () => {
    const result = await importText(leads, { keyColumn: '姓名' });

    expect(issuesOf(result, 'key-missing')).toEqual([
      expect.objectContaining({ row: 6, column: '姓名' }),
    ]);
  });

  it('keeps counts exact while capping kept issues per code', async () => {
    const text = ['手机', ...Array.from({ length: 30 }, () => '123')].join('\n');

    const result = await importText(text, { maxIssuesPerCode: 5 });

    expect(issuesOf(result, 'phone-invalid')).toHaveLength(5);
    expect(result.report.issueCounts['phone-invalid']).toBe(30);
    expect(result.report.warningCount).toBe(30);
  });

  it('reports values that do not fit a typed column and keeps them as text', async () => {
    const result = await importText(
      '金额,成交日期,已成交\n"1,200.50",2024/5/1,是\n五万,昨天,maybe\n',
      {
        columnTypes: { 金额: 'number', closedAt: 'date', wonFlag: 'boolean' },
      },
    );

    expect(result.rows[1]?.values).toEqual({ 金额: '五万', 成交日期: '昨天', 已成交: 'maybe' });
    expect(issuesOf(result, 'not-a-number')).toHaveLength(1);
    expect(issuesOf(result, 'not-a-date')).toHaveLength(1);
    expect(issuesOf(result, 'not-a-boolean')).toHaveLength(1);
  });

  it('reads full-width digits in a number column', async () => {
    const result = await importText('金额\n１２０００\n１，２００．５\n－３\n', {
      columnTypes: { 金额: 'number' },
    });

    expect(result.rows.map((row) => row.values['金额'])).toEqual([12000, 1200.5, -3]);
    expect(issuesOf(result, 'not-a-number')).toEqual([]);
  });

  it('types numbers, dates and flags where the caller asks', async () => {
    const result = await importText('金额\t成交日期\t已成交\n"1,200.50"\t2024/5/1 9:05\t是\n', {
      columnTypes: { 金额: 'number', closedAt: 'date', wonFlag: 'boolean' },
    });

    expect(result.rows[0]?.values).toEqual({
      金额: 1200.5,
      成交日期: '2024-05-01 09:05:00',
      已成交: true,
    });
  });

  it('words issues in English and Chinese with the row, column and the fix', async () => {
    const result = await importText('姓名;电话\n张三;1,38001E+10\n');
    const issue = issuesOf(result, 'phone-scientific')[0];
    if (!issue) throw new Error('missing issue');

    expect(formatImportIssue(issue, 'en')).toBe(
      'Row 2: 电话 "1,38001E+10" was turned into scientific notation by Excel and its digits are lost. Format the column as text in the source file and export it again.',
    );
    expect(formatImportIssue(issue, 'zh-CN')).toContain(
      '第 2 行：电话“1,38001E+10”已被 Excel 转成科学计数法',
    );
  });
});

describe('importFile deals checks', () => {
  const deals = [
    '负责人,成交金额,成交日期,状态',
    'r1,120000,2026-02-03,赢单',
    'r2,-80000,2026-02-04,赢单',
    'r3,¥-1200,2026-02-05,输单',
  ].join('\n');

  it('warns per row about negative amounts with the row and column header', async () => {
    const result = await importText(deals, { columnTypes: { amount: 'number' } });

    expect(issuesOf(result, 'amount-negative')).toEqual([
      expect.objectContaining({ row: 3, column: '成交金额', value: '-80000', severity: 'warning' }),
      expect.objectContaining({ row: 4, column: '成交金额', value: '¥-1200' }),
    ]);
  });

  it('warns about negative amounts kept as text', async () => {
    const result = await importText(deals);

    expect(issuesOf(result, 'amount-negative').map((issue) => issue.row)).toEqual([3, 4]);
  });

  it('raises no contact warning when contact columns are optional', async () => {
    const result = await importText(deals, { contactColumns: 'optional' });

    expect(issuesOf(result, 'no-contact-column')).toEqual([]);
  });

  it('warns about a missing contact column by default', async () => {
    const result = await importText(deals);

    expect(issuesOf(result, 'no-contact-column')).toHaveLength(1);
  });

  it('warns per row about amounts above the limit, quoting the cell', async () => {
    const huge = [
      '负责人,销售阶段,金额,成交日期',
      '王芳,赢单,99999999999999999999,2027-03-02',
      '李娜,赢单,9007199254740993,2027-03-02',
      '李娜,赢单,"¥1,000,000,000,000",2027-03-02',
      '李娜,赢单,1000000000001,2027-03-02',
    ].join('\n');
    const result = await importText(huge, { columnTypes: { amount: 'number' } });

    expect(issuesOf(result, 'amount-too-large')).toEqual([
      expect.objectContaining({ row: 2, column: '金额', value: '99999999999999999999' }),
      expect.objectContaining({ row: 3, column: '金额', value: '9007199254740993' }),
      expect.objectContaining({ row: 5, column: '金额', value: '1000000000001' }),
    ]);
    const issue = issuesOf(result, 'amount-too-large')[0]!;
    expect(issue.severity).toBe('warning');
    expect(formatImportIssue(issue, 'en')).toContain(
      'Row 2: 金额 "99999999999999999999" is more than ¥1,000,000,000,000',
    );
    expect(formatImportIssue(issue, 'zh-CN')).toContain(
      '第 2 行：金额“99999999999999999999”超过 ¥1,000,000,000,000',
    );
  });
});

describe('importFile empty columns', () => {
  const rows = (count: number, amount: (index: number) => string) =>
    [
      '负责人,销售阶段,金额（元）',
      ...Array.from({ length: count }, (_, index) => `张伟,赢单,${amount(index)}`),
    ].join('\n');

  it('warns about a mapped column empty in every row', async () => {
    const result = await importText(
      rows(52, () => ''),
      { columnTypes: { amount: 'number' } },
    );

    expect(issuesOf(result, 'column-empty')).toEqual([
      expect.objectContaining({
        column: '金额（元）',
        field: 'amount',
        severity: 'warning',
        params: { empty: 52, rows: 52 },
      }),
    ]);
    expect(result.report.warningCount).toBeGreaterThan(0);
    expect(formatImportIssue(issuesOf(result, 'column-empty')[0]!, 'zh-CN')).toBe(
      '金额（元） 列已映射，但 52 行中有 52 行为空。请确认映射的是正确的列，以及文件中确有这些值。',
    );
  });

  it('warns when at most one row in twenty has a value', async () => {
    const nearly = await importText(rows(40, (index) => (index < 2 ? '100' : '')));
    const half = await importText(rows(40, (index) => (index < 3 ? '100' : '')));

    expect(issuesOf(nearly, 'column-empty')).toHaveLength(1);
    expect(issuesOf(half, 'column-empty')).toEqual([]);
  });

  it('leaves a small file with one value alone', async () => {
    const result = await importText(rows(5, (index) => (index === 0 ? '100' : '')));

    expect(issuesOf(result, 'column-empty')).toEqual([]);
  });
});
