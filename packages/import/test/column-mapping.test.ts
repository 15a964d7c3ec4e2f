import { describe, expect, it } from 'vitest';

import { mapColumns, normaliseHeader } from '@sras/import';

import { importText } from './helpers.js';

function fieldsOf(headers: string[], overrides = {}): Record<string, string | null> {
  const columns = headers.map((header) => ({ key: header, header }));
  const mapping = mapColumns(columns, overrides);
  return Object.fromEntries(headers.map((header) => [header, mapping.get(header)?.field ?? null]));
}

describe('normaliseHeader', () => {
  it.each([
    ['省份(**省)', '省份'],
    ['城市（**市）', '城市'],
    ['名称*', '名称'],
    ['＊手机号码（必填）', '手机号码'],
    ['  Lead Source ', 'leadsource'],
    ['owner_id', 'ownerid'],
    ['E-mail', 'email'],
  ])('reduces %s to %s', (header, normalised) => {
    expect(normaliseHeader(header)).toBe(normalised);
  });
});

describe('mapColumns', () => {
  it('maps Chinese CRM headers to standard fields', () => {
    expect(
      fieldsOf([
        '客户名称',
        '联系人',
        '手机号码',
        '电子邮箱',
        '省份',
        '城市',
        '信息来源',
        '行业',
        '负责人',
        '创建时间',
        '金额',
        '状态',
        '备注',
      ]),
    ).toEqual({
      客户名称: 'company',
      联系人: 'name',
      手机号码: 'phone',
      电子邮箱: 'email',
      省份: 'province',
      城市: 'city',
      信息来源: 'source',
      行业: 'industry',
      负责人: 'owner',
      创建时间: 'createdAt',
      金额: 'amount',
      状态: 'status',
      备注: 'remark',
    });
  });

  it('maps English headers to standard fields', () => {
    expect(
      fieldsOf([
        'Company Name',
        'Full Name',
        'Mobile',
        'Email',
        'Lead Source',
        'owner_id',
        'Close Date',
        'Zip',
      ]),
    ).toEqual({
      'Company Name': 'company',
      'Full Name': 'name',
      Mobile: 'phone',
      Email: 'email',
      'Lead Source': 'source',
      owner_id: 'owner',
      'Close Date': 'closedAt',
      Zip: 'postalCode',
    });
  });

  it('makes a generic phone column the phone when there is no mobile column', () => {
    expect(fieldsOf(['姓名', '联系电话'])).toEqual({ 姓名: 'name', 联系电话: 'phone' });
    expect(fieldsOf(['客户名', '办公室电话'])).toEqual({ 客户名: 'company', 办公室电话: 'phone' });
  });

  it('makes generic and landline columns tel beside a mobile column', () => {
    expect(fieldsOf(['电话', '手机', '座机'])).toEqual({ 电话: 'tel', 手机: 'phone', 座机: null });
  });

  it('matches Chinese keywords inside longer headers', () => {
    expect(fieldsOf(['客户手机号', '联系人邮箱', '所在城市名'])).toEqual({
      客户手机号: 'phone',
      联系人邮箱: 'email',
      所在城市名: 'city',
    });
  });

  it('applies caller overrides over synonyms and moves a field off its old column', () => {
    expect(
      fieldsOf(['手机', '备用手机', '区域'], { 备用手机: 'phone', 区域: 'regionCode', 手机: null }),
    ).toEqual({
      手机: null,
      备用手机: 'phone',
      区域: 'regionCode',
    });
  });

  it('rejects an override naming a missing column and lists the columns', () => {
    expect(() => fieldsOf(['姓名'], { 手机: 'phone' })).toThrow(
      expect.objectContaining({
        code: 'mapping-column-not-found',
        params: { column: '手机', columns: '姓名' },
      }),
    );
  });
});

describe('importFile mapping', () => {
  it('keeps every column under its header and adds mapped fields', async () => {
    const result = await importText('客户名称,手机,意向课程\n示例科技有限公司,13800000000,会计\n');

    expect(result.rows[0]?.values).toEqual({
      客户名称: '示例科技有限公司',
      手机: '13800000000',
      意向课程: '会计',
    });
    expect(result.rows[0]?.fields).toEqual({ company: '示例科技有限公司', phone: '13800000000' });
    expect(result.columns.map((column) => [column.key, column.field, column.mappedBy])).toEqual([
      ['客户名称', 'company', 'synonym'],
      ['手机', 'phone', 'synonym'],
      ['意向课程', null, null],
    ]);
  });

  it('returns a caller mapping for columns named column_N', async () => {
    const result = await importText('张三,13800000000\n', {
      headerRow: 'none',
      mapping: { column_2: 'phone' },
    });

    expect(result.rows[0]?.fields).toEqual({ phone: '13800000000' });
  });
});
