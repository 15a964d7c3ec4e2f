import { describe, expect, it } from 'vitest';
import {
  REGION_PRESET,
  compileRegionLookup,
  normaliseRegionValue,
} from '../../src/regions/index.js';

const preset = compileRegionLookup(
  REGION_PRESET.map((region) => ({ id: region.id, values: region.provinces })),
);

describe('compileRegionLookup with the preset', () => {
  it('finds the region of canonical province names', () => {
    expect(preset('广东')).toBe('south');
    expect(preset('浙江')).toBe('east');
    expect(preset('内蒙古')).toBe('north');
    expect(preset('黑龙江')).toBe('northeast');
  });

  it('normalises full names, pinyin and cities first', () => {
    expect(preset('广东省')).toBe('south');
    expect(preset(' Guangdong ')).toBe('south');
    expect(preset('深圳')).toBe('south');
    expect(preset('内蒙')).toBe('north');
    expect(preset('新疆维吾尔自治区')).toBe('northwest');
    expect(preset('ｈｏｎｇ ｋｏｎｇ')).toBe('south');
  });

  it('gives null for partial, empty and unknown values', () => {
    expect(preset('东')).toBeNull();
    expect(preset('')).toBeNull();
    expect(preset('   ')).toBeNull();
    expect(preset(null)).toBeNull();
    expect(preset(undefined)).toBeNull();
    expect(preset('Select')).toBeNull();
    expect(preset('省直辖县级行政区划')).toBeNull();
  });

  it('returns the same answer from its cache', () => {
    expect(preset('杭州')).toBe('east');
    expect(preset('杭州')).toBe('east');
  });
});

describe('compileRegionLookup with custom regions', () => {
  it('lets the first matching region win', () => {
    const lookup = compileRegionLookup([
      { id: 'vip', values: ['广东', '浙江'] },
      { id: 'coast', values: ['浙江', '江苏', '上海'] },
    ]);
    expect(lookup('浙江省')).toBe('vip');
    expect(lookup('苏州')).toBe('coast');
    expect(lookup('北京')).toBeNull();
  });

  it('matches a region of cities by those cities only', () => {
    const lookup = compileRegionLookup([{ id: 'nanjing-suzhou', values: ['南京', '苏州市'] }]);
    expect(lookup('南京')).toBe('nanjing-suzhou');
    expect(lookup('南京市')).toBe('nanjing-suzhou');
    expect(lookup('苏州')).toBe('nanjing-suzhou');
    expect(lookup('无锡')).toBeNull();
    expect(lookup('江苏')).toBeNull();
  });

  it('applies region order between a city and its province', () => {
    const lookup = compileRegionLookup([
      { id: 'shenzhen', values: ['深圳'] },
      { id: 'guangdong', values: ['广东'] },
    ]);
    expect(lookup('深圳市')).toBe('shenzhen');
    expect(lookup('广州')).toBe('guangdong');

    const provinceFirst = compileRegionLookup([
      { id: 'guangdong', values: ['广东'] },
      { id: 'shenzhen', values: ['深圳'] },
    ]);
    expect(provinceFirst('深圳')).toBe('guangdong');
  });

  it('matches other values after trimming and case folding', () => {
    const lookup = compileRegionLookup([
      { id: 'mumbai', values: ['Mumbai', 'Thane & Outskirts'] },
      { id: 'other', values: ['Other Cities of Maharashtra', 'Tier II Cities'] },
    ]);
    expect(lookup(' mumbai ')).toBe('mumbai');
    expect(lookup('THANE & OUTSKIRTS')).toBe('mumbai');
    expect(lookup('tier ii cities')).toBe('other');
    expect(lookup('Select')).toBeNull();
  });

  it('matches numbers and booleans by their text', () => {
    const lookup = compileRegionLookup([
      { id: 'grade-a', values: ['1', 'A'] },
      { id: 'flag', values: ['true'] },
    ]);
    expect(lookup(1)).toBe('grade-a');
    expect(lookup('a')).toBe('grade-a');
    expect(lookup(true)).toBe('flag');
    expect(lookup(2)).toBeNull();
  });

  it('gives null when there are no regions', () => {
    expect(compileRegionLookup([])('广东')).toBeNull();
  });
});

describe('normaliseRegionValue', () => {
  it('turns any province form into the canonical name', () => {
    expect(normaliseRegionValue('广东省')).toBe('广东');
    expect(normaliseRegionValue('Inner Mongolia')).toBe('内蒙古');
    expect(normaliseRegionValue('内蒙')).toBe('内蒙古');
  });

  it('keeps cities and other values as text keys', () => {
    expect(normaliseRegionValue('深圳市')).toBe('深圳');
    expect(normaliseRegionValue(' Mumbai ')).toBe('mumbai');
    expect(normaliseRegionValue('ＡＢＣ')).toBe('abc');
    expect(normaliseRegionValue(null)).toBe('');
  });
});
