import { describe, expect, it } from 'vitest';
import { generateSampleLeads, sampleLeadColumns } from './sample-leads';

describe('generateSampleLeads', () => {
  it('gives the same leads for the same seed', () => {
    const first = generateSampleLeads({ seed: 7, count: 50, profile: 'b2b' });
    const second = generateSampleLeads({ seed: 7, count: 50, profile: 'b2b' });

    expect(second).toEqual(first);
    expect(generateSampleLeads({ seed: 8, count: 50, profile: 'b2b' })).not.toEqual(first);
  });

  it('writes mobile numbers, company suffixes and ids in their formats', () => {
    const leads = generateSampleLeads({ seed: 1, count: 200, profile: 'b2b' });

    for (const lead of leads) {
      expect(lead.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(lead.company).toMatch(/(有限公司|有限责任公司|股份有限公司)$/);
      expect(lead.id).toMatch(/^L\d{4}$/);
      expect(lead.createdAt).toMatch(/^2026-12-0[1-7] \d{2}:\d{2}$/);
    }
  });

  it('writes provinces as short and full names', () => {
    const provinces = new Set(
      generateSampleLeads({ seed: 3, count: 300, profile: 'b2b' }).map((lead) => lead.province),
    );

    expect([...provinces].some((province) => String(province).endsWith('省'))).toBe(true);
    expect(provinces.has('浙江') || provinces.has('广东')).toBe(true);
  });

  it('uses the usual lead sources', () => {
    const sources = new Set(
      generateSampleLeads({ seed: 4, count: 300, profile: 'b2b' }).map((lead) => lead.source),
    );

    for (const source of ['展会', '官网', '抖音', '百度']) expect(sources).toContain(source);
  });

  it('repeats earlier phones or companies at the duplicate share', () => {
    const leads = generateSampleLeads({ seed: 5, count: 300, profile: 'b2b', duplicateShare: 0.2 });
    const phones = new Set(leads.map((lead) => lead.phone));
    const companies = new Set(leads.map((lead) => lead.company));

    expect(phones.size).toBeLessThan(leads.length);
    expect(companies.size).toBeLessThan(leads.length);
  });

  it('adds the fields of the education and finance profiles', () => {
    const [student] = generateSampleLeads({ seed: 1, count: 1, profile: 'education' });
    const [client] = generateSampleLeads({ seed: 1, count: 1, profile: 'finance' });

    expect(student).toHaveProperty('course');
    expect(typeof client?.assets).toBe('number');
  });
});

describe('sampleLeadColumns', () => {
  it('names every generated field with a Chinese header', () => {
    const columns = sampleLeadColumns('finance');

    expect(columns.find((column) => column.key === 'phone')).toEqual({
      key: 'phone',
      header: '手机',
      type: 'text',
      field: 'phone',
    });
    expect(columns.find((column) => column.key === 'assets')).toMatchObject({
      header: '资产规模（万元）',
      type: 'number',
    });
  });

  it('names every generated field with an English header', () => {
    const columns = sampleLeadColumns('finance', 'en');

    expect(columns.find((column) => column.key === 'phone')?.header).toBe('Mobile');
    expect(columns.find((column) => column.key === 'assets')?.header).toBe('Assets (10k yuan)');
    expect(columns.every((column) => /^[\x20-\x7e]+$/.test(column.header))).toBe(true);
  });
});
