import { describe, expect, it } from 'vitest';
import { STANDARD_FIELDS } from '@sras/import';
import en from '../../../locales/en/editor.json';
import zh from '../../../locales/zh-CN/editor.json';
import type { TFunction } from 'i18next';
import { leadFieldOptionLabel, mergeLeadFields, STANDARD_LEAD_FIELDS } from './lead-fields';

describe('STANDARD_LEAD_FIELDS', () => {
  it('offers every standard field of the import package, in its order', () => {
    const names = STANDARD_LEAD_FIELDS.map((field) => field.name);

    expect(names.slice(0, STANDARD_FIELDS.length)).toEqual([...STANDARD_FIELDS]);
  });

  it('has a label in both languages for every field', () => {
    for (const field of STANDARD_LEAD_FIELDS) {
      const key = field.labelKey?.replace(/^fields\./, '') ?? '';
      expect(en.fields, field.name).toHaveProperty(key);
      expect(zh.fields, field.name).toHaveProperty(key);
    }
  });

  it('compares amounts as numbers and dates as dates', () => {
    const kinds = new Map(STANDARD_LEAD_FIELDS.map((field) => [field.name, field.kind]));

    expect(kinds.get('amount')).toBe('number');
    expect(kinds.get('createdAt')).toBe('date');
    expect(kinds.get('closedAt')).toBe('date');
    expect(kinds.get('phone')).toBe('text');
    expect(kinds.get('postalCode')).toBe('text');
  });
});

describe('mergeLeadFields', () => {
  it('adds dataset columns that are not standard fields, with their kind', () => {
    const fields = mergeLeadFields([
      { name: 'province', kind: 'text' },
      { name: '展位号', kind: 'number' },
    ]);

    expect(fields.filter((field) => field.name === 'province')).toHaveLength(1);
    expect(fields.at(-1)).toEqual({ name: '展位号', kind: 'number' });
  });

  it('keeps the header of a column whose key differs', () => {
    const fields = mergeLeadFields([
      { name: 'assets', kind: 'number', header: '资产规模（万元）' },
      { name: '展位号', header: '展位号' },
    ]);

    expect(fields.find((field) => field.name === 'assets')?.header).toBe('资产规模（万元）');
    expect(fields.find((field) => field.name === '展位号')).toEqual({
      name: '展位号',
      kind: 'text',
    });
  });
});

describe('leadFieldOptionLabel', () => {
  const t = ((key: string) => (key === 'fields.city' ? '城市' : key)) as unknown as TFunction;

  it('shows a label with its key', () => {
    expect(leadFieldOptionLabel({ name: 'city', kind: 'text', labelKey: 'fields.city' }, t)).toBe(
      '城市 (city)',
    );
    expect(leadFieldOptionLabel({ name: 'assets', kind: 'number', header: '资产' }, t)).toBe(
      '资产 (assets)',
    );
  });

  it('shows a bare key once', () => {
    expect(leadFieldOptionLabel({ name: '展位号', kind: 'text' }, t)).toBe('展位号');
  });
});
