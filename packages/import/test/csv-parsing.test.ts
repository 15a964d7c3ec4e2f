import { describe, expect, it } from 'vitest';

import { CsvImportStream, ImportError, importFile } from '@sras/import';

import { columnKeys, fixture, hex, importText, issuesOf, utf8 } from './helpers.js';

const GBK_CUSTOMERS =
  'bfcdbba7c3fbb3c62ccaa1b7dd0d0ababcd6ddcabec0fdbfc6bcbcd3d0cfdeb9abcbbe2cd5e3bdad0d0a';
const UTF8_BOM_HEADER = 'efbbbfe5aea2e688b7e5908de7a7b02ce79c81e4bbbd0d0a';

describe('importFile with a UTF-8 byte order mark', () => {
  it('keeps the mark out of the first header name', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('姓名,手机\n张三,13800000000\n')]);

    const result = await importFile(bytes);

    expect(columnKeys(result)).toEqual(['姓名', '手机']);
    expect(result.rows[0]?.values['姓名']).toBe('张三');
    expect(result.encoding).toEqual({ encoding: 'utf-8', reason: 'bom' });
  });
});

describe('importFile encoding detection', () => {
  it('reads GBK without a mark as GB18030 when strict UTF-8 fails', async () => {
    const result = await importFile(hex(GBK_CUSTOMERS));

    expect(result.encoding).toEqual({ encoding: 'gb18030', reason: 'invalid-utf-8' });
    expect(columnKeys(result)).toEqual(['客户名称', '省份']);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]?.fields).toEqual({ company: '杭州示例科技有限公司', province: '浙江' });
  });

  it('lets a byte order mark win over a forced GBK and says so', async () => {
    const result = await importFile(hex(UTF8_BOM_HEADER), {
      encoding: 'gbk',
      emptyTable: 'allow',
    });

    expect(result.encoding).toEqual({
      encoding: 'utf-8',
      reason: 'bom',
      overriddenEncoding: 'gb18030',
    });
    expect(columnKeys(result)).toEqual(['客户名称', '省份']);
  });

  it('uses a forced encoding when there is no mark', async () => {
    const result = await importFile(hex(GBK_CUSTOMERS), { encoding: 'GB18030' });

    expect(result.encoding).toEqual({ encoding: 'gb18030', reason: 'forced' });
    expect(result.rows[0]?.values['省份']).toBe('浙江');
  });

  it('reads UTF-16LE files with a mark', async () => {
    const text = '姓名\t手机\r\n张三\t13800000000\r\n';
    const body = new Uint8Array(Buffer.from(text, 'utf16le'));
    const result = await importFile(new Uint8Array([0xff, 0xfe, ...body]));

    expect(result.encoding?.encoding).toBe('utf-16le');
    expect(result.delimiter).toBe('\t');
    expect(result.rows[0]?.values).toEqual({ 姓名: '张三', 手机: '13800000000' });
  });

  it('rejects an unknown forced encoding with its name', async () => {
    await expect(importText('a,b\n1,2\n', { encoding: 'latin-9' })).rejects.toMatchObject({
      code: 'encoding-unknown',
      params: { encoding: 'latin-9' },
    });
  });
});

describe('importFile delimiter detection', () => {
  it('chooses ; over commas inside exponent-notation phones and flags those phones', async () => {
    const result = await importText('姓名;电话\n张三;1,38001E+10\n李四;1,39001E+10\n');

    expect(result.delimiter).toBe(';');
    expect(columnKeys(result)).toEqual(['姓名', '电话']);
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]?.fields.phone).toBe('1,38001E+10');
    expect(issuesOf(result, 'phone-scientific').map((issue) => issue.row)).toEqual([2, 3]);
    expect(result.report.errorCount).toBe(2);
  });

  it('flags phones that Excel wrote as 1.38E+10 in a comma file', async () => {
    const result = await importText('name,mobile\nA,1.38E+10\nB,13900000000\n');

    expect(result.delimiter).toBe(',');
    expect(issuesOf(result, 'phone-scientific')).toEqual([
      expect.objectContaining({ row: 2, column: 'mobile', value: '1.38E+10', severity: 'error' }),
    ]);
  });

  it.each([
    ['tab', 'a\tb\tc\n1\t2\t3\n', '\t'],
    ['pipe', 'a|b|c\n1|2|3\n', '|'],
    ['semicolon', 'a;b;c\n1;2,5;3\n4;5,5;6\n', ';'],
    ['comma in a short file with blank lines', '\n\na,b\n\n1,2\n\n', ','],
  ])('detects the %s delimiter', async (_name, text, delimiter) => {
    const result = await importText(text);

    expect(result.delimiter).toBe(delimiter);
  });

  it('does not split single-column text with spaces', async () => {
    const result = await importText('full name\nJohn Smith\nMary Ann Lee\n');

    expect(result.delimiter).toBe(',');
    expect(result.rows.map((row) => row.values['full name'])).toEqual([
      'John Smith',
      'Mary Ann Lee',
    ]);
  });

  it('uses a caller-chosen delimiter', async () => {
    const result = await importText('a;b\n1,2;3\n', { delimiter: ';' });

    expect(result.rows[0]?.values).toEqual({ a: '1,2', b: '3' });
  });
});

describe('importFile line endings and blank lines', () => {
  it('does not make a lead out of the trailing newline', async () => {
    const result = await importText('姓名,手机\n张三,13800000000\n');

    expect(result.rows).toHaveLength(1);
    expect(result.report.issues).toEqual([]);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ])('reads %s line endings with file line numbers', async (_name, newline) => {
    const result = await importText(
      ['姓名,手机', '张三,13800000000', '', '李四,13900000000', ''].join(newline),
    );

    expect(result.newline).toBe(newline);
    expect(result.rows.map((row) => [row.row, row.values['姓名']])).toEqual([
      [2, '张三'],
      [4, '李四'],
    ]);
    expect(result.report.blankRowCount).toBe(1);
  });

  it('counts lines inside quoted cells when numbering rows', async () => {
    const result = await importText('name,remark\nA,"line one\nline two"\nB,x\n');

    expect(result.rows.map((row) => row.row)).toEqual([2, 4]);
    expect(result.rows[0]?.values.remark).toBe('line one\nline two');
  });

  it('skips and counts delimiter-only lines as blank', async () => {
    const result = await importText(
      '姓名,手机,城市\n张三,13800000000,杭州\n,,\n李四,13900000000,北京\n , ,\n',
    );

    expect(result.rows).toHaveLength(2);
    expect(result.report.blankRowCount).toBe(2);
  });
});

describe('importFile ragged rows', () => {
  it('warns about missing cells and keeps extra values under their own column', async () => {
    const result = await importText('姓名,手机,城市\n张三,138\n李四,139,杭州,多余\n');

    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]?.values).toEqual({ 姓名: '张三', 手机: '138', 城市: '' });
    expect(result.rows[1]?.values).toEqual({
      姓名: '李四',
      手机: '139',
      城市: '杭州',
      column_4: '多余',
    });
    expect(issuesOf(result, 'missing-values')).toEqual([
      expect.objectContaining({
        row: 2,
        column: '城市',
        params: expect.objectContaining({ columns: '城市' }),
      }),
    ]);
    expect(issuesOf(result, 'extra-values')).toEqual([
      expect.objectContaining({
        row: 3,
        params: expect.objectContaining({ count: 1, values: '多余', columns: 'column_4' }),
      }),
    ]);
    expect(result.columns.at(-1)).toMatchObject({ key: 'column_4', extra: true, position: 4 });
  });

  it('ignores empty cells beyond the header', async () => {
    const result = await importText('a,b\n1,2,,\n');

    expect(issuesOf(result, 'extra-values')).toEqual([]);
    expect(issuesOf(result, 'missing-values')).toEqual([]);
    expect(columnKeys(result)).toEqual(['a', 'b']);
  });

  it('names an empty header with values column_N and drops one without values', async () => {
    const result = await importText('a,,c,\n1,2,3,\n4,,6,\n');

    expect(columnKeys(result)).toEqual(['a', 'column_2', 'c']);
    expect(result.rows[1]?.values).toEqual({ a: '4', column_2: '', c: '6' });
  });

  it('makes repeated header names unique', async () => {
    const result = await importText('电话,电话\n1,2\n');

    expect(columnKeys(result)).toEqual(['电话', '电话_2']);
  });
});

describe('importFile leading zeros', () => {
  it('keeps phones, postal codes and customer numbers with leading zeros as text', async () => {
    const result = await importText('电话,邮编,客户编号\n057188886666,010010,000881\n');

    expect(result.rows[0]?.values).toEqual({
      电话: '057188886666',
      邮编: '010010',
      客户编号: '000881',
    });
    expect(result.rows[0]?.fields).toEqual({
      phone: '057188886666',
      postalCode: '010010',
      id: '000881',
    });
  });

  it('keeps identifying columns as text even when typed as numbers', async () => {
    const result = await importText('电话,邮编\n057188886666,010010\n', {
      columnTypes: { phone: 'number', 邮编: 'number' },
    });

    expect(result.rows[0]?.values).toEqual({ 电话: '057188886666', 邮编: '010010' });
    expect(issuesOf(result, 'type-ignored')).toHaveLength(2);
  });
});

describe('importFile header row', () => {
  it('finds the header below a preamble of text lines', async () => {
    const text = [
      '导出信息：',
      '起始时间：[2023-02-10]',
      '',
      '共2笔记录',
      '姓名,手机,城市',
      '张三,13800000000,杭州',
      '李四,13900000000,北京',
    ].join('\n');

    const result = await importText(text);

    expect(result.headerRow).toBe(5);
    expect(result.rows).toHaveLength(2);
    expect(result.report.rowsAboveHeader).toBe(3);
  });

  it('keeps row 1 as the header and every row when column names repeat', async () => {
    const result = await importText(
      '姓名,手机,手机,省份\n张三,13800000000,13900000000,浙江\n李四,13700000000,,江苏\n',
    );

    expect(result.headerRow).toBe(1);
    expect(columnKeys(result)).toEqual(['姓名', '手机', '手机_2', '省份']);
    expect(result.rows.map((row) => row.values['姓名'])).toEqual(['张三', '李四']);
    expect(result.rows[0]?.values['手机_2']).toBe('13900000000');
  });

  it('warns once per repeated header name, naming the column and its new keys', async () => {
    const body = Array.from(
      { length: 20 },
      (_, i) => `客户${i},1380000${String(i).padStart(4, '0')},,杭州,西湖区`,
    );
    const result = await importText(['姓名,电话,电话,地址,地址', ...body].join('\n'));

    expect(result.headerRow).toBe(1);
    expect(result.rows).toHaveLength(20);
    expect(issuesOf(result, 'duplicate-header')).toEqual([
      expect.objectContaining({
        row: 1,
        column: '电话',
        severity: 'warning',
        params: { count: 2, keys: '电话_2' },
      }),
      expect.objectContaining({ row: 1, column: '地址', params: { count: 2, keys: '地址_2' } }),
    ]);
  });

  it('raises no repeated-header warning for distinct names', async () => {
    const result = await importText('姓名,手机\n张三,13800000000\n');

    expect(issuesOf(result, 'duplicate-header')).toEqual([]);
  });

  it('uses the row the caller chooses', async () => {
    const result = await importText('x,y\n姓名,手机\n张三,13800000000\n', { headerRow: 2 });

    expect(columnKeys(result)).toEqual(['姓名', '手机']);
    expect(result.rows).toHaveLength(1);
  });

  it('names columns column_N when the file has no header', async () => {
    const result = await importText('张三,13800000000\n李四,13900000000\n', { headerRow: 'none' });

    expect(columnKeys(result)).toEqual(['column_1', 'column_2']);
    expect(result.rows).toHaveLength(2);
  });

  it('rejects a chosen header row past the end of the file', async () => {
    const error = await importText('a,b\n1,2\n', { headerRow: 9 }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'header-row-out-of-range', params: { row: 9 } });
  });

  it('rejects a file with a header and no data rows', async () => {
    const error = await importText('姓名,手机,省份\r\n\r\n').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'no-data-rows', params: { row: 1 } });
  });

  it('reports a header without data rows as an error when empty tables are allowed', async () => {
    const result = await importText('姓名,手机,省份\n', { emptyTable: 'allow' });

    expect(columnKeys(result)).toEqual(['姓名', '手机', '省份']);
    expect(result.rows).toHaveLength(0);
    expect(issuesOf(result, 'no-data-rows')).toEqual([
      expect.objectContaining({ row: 1, severity: 'error' }),
    ]);
    expect(result.report.errorCount).toBe(1);
  });

  it('rejects a file of blank lines as empty', async () => {
    await expect(importText('\n,,\n\n')).rejects.toMatchObject({ code: 'file-empty' });
  });

  it('rejects an empty file', async () => {
    await expect(importFile(new Uint8Array(0))).rejects.toMatchObject({ code: 'file-empty' });
  });
});

describe('importFile on binary content', () => {
  it('rejects a program renamed .csv as binary', async () => {
    const error = await importFile(fixture('program-renamed.csv'), { fileName: 'leads.csv' }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'file-binary' });
  });

  it('rejects text with a NUL byte even when forced to GB18030', async () => {
    const bytes = utf8('姓名,手机\n张三,13800000000\n\u0000\n');

    await expect(importFile(bytes, { encoding: 'gbk' })).rejects.toMatchObject({
      code: 'file-binary',
    });
  });

  it('rejects bytes with many control characters and no NUL', async () => {
    const bytes = new Uint8Array(2000).map((_, i) => (i % 4 === 0 ? 0x01 : 0x41));

    await expect(importFile(bytes)).rejects.toMatchObject({ code: 'file-binary' });
  });

  it('reads UTF-16 text without a byte order mark when the caller forces UTF-16', async () => {
    const text = '姓名,手机\n张三,13800000000\n';
    const bytes = new Uint8Array(Buffer.from(text, 'utf16le'));

    const result = await importFile(bytes, { encoding: 'utf-16le' });

    expect(result.rows[0]?.values['姓名']).toBe('张三');
  });

  it('reads UTF-16 text with a byte order mark split across chunks', async () => {
    const bytes = new Uint8Array(Buffer.from('\ufeff姓名,手机\n张三,13800000000\n', 'utf16le'));
    const stream = new CsvImportStream();

    const rows = [bytes.subarray(0, 1), bytes.subarray(1)].flatMap((chunk) => stream.write(chunk));
    rows.push(...stream.end());

    expect(rows.map((row) => row.values['姓名'])).toEqual(['张三']);
  });
});
