import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PROVINCES,
  REGION_PRESET,
  getProvince,
  toProvince,
  toProvinceName,
} from '../../src/regions/index.js';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);

/** WukongCRM's area list: province keys map to city lists, city keys to district lists. */
const wukongAreas = JSON.parse(readFileSync(fixture('wukongcrm_area.json'), 'utf8')) as Record<
  string,
  string[]
>;

/** The `area` column of the A-share company list, each distinct value with its row count. */
const listedCompanyAreas = (
  JSON.parse(readFileSync(fixture('cn_listed_companies_areas.json'), 'utf8')) as {
    areas: Record<string, number>;
  }
).areas;

describe('province table', () => {
  it('holds the 34 provincial divisions once each', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(PROVINCES.map((province) => province.name)).size).toBe(34);
    expect(new Set(PROVINCES.map((province) => province.fullName)).size).toBe(34);
  });

  it('gives the official full names', () => {
    expect(getProvince('广西')?.fullName).toBe('广西壮族自治区');
    expect(getProvince('新疆')?.fullName).toBe('新疆维吾尔自治区');
    expect(getProvince('宁夏')?.fullName).toBe('宁夏回族自治区');
    expect(getProvince('内蒙古')?.fullName).toBe('内蒙古自治区');
    expect(getProvince('香港')?.fullName).toBe('香港特别行政区');
    expect(getProvince('澳门')?.fullName).toBe('澳门特别行政区');
    expect(getProvince('北京')?.fullName).toBe('北京市');
    expect(getProvince('台湾')?.fullName).toBe('台湾省');
  });

  it('lists prefecture-level cities with full and short names', () => {
    const guangdong = getProvince('广东');
    expect(guangdong?.cities).toContain('深圳市');
    expect(guangdong?.cities).toContain('深圳');
    expect(getProvince('吉林')?.cities).toContain('延边朝鲜族自治州');
    expect(getProvince('吉林')?.cities).toContain('延边');
    expect(getProvince('内蒙古')?.cities).toContain('锡林郭勒盟');
    expect(getProvince('西藏')?.cities).toContain('阿里地区');
  });

  it('maps every name in the table back to its province', () => {
    for (const province of PROVINCES) {
      const names = [
        province.name,
        province.fullName,
        province.pinyin,
        ...province.aliases,
        ...province.cities,
        ...province.formerCities,
      ];
      for (const name of names) expect(toProvince(name), name).toBe(province.name);
    }
  });

  it('places every province in exactly one preset region', () => {
    const placed = REGION_PRESET.flatMap((region) => region.provinces);
    expect([...placed].sort()).toEqual(PROVINCES.map((province) => province.name).sort());
    expect(REGION_PRESET.map((region) => region.id)).toEqual([
      'east',
      'south',
      'north',
      'central',
      'southwest',
      'northwest',
      'northeast',
    ]);
  });
});

describe('toProvince', () => {
  it('removes the longest division suffix', () => {
    expect(toProvince('广东省')).toBe('广东');
    expect(toProvince('广西壮族自治区')).toBe('广西');
    expect(toProvince('宁夏回族自治区')).toBe('宁夏');
    expect(toProvince('新疆维吾尔自治区')).toBe('新疆');
    expect(toProvince('香港特别行政区')).toBe('香港');
    expect(toProvince('西藏自治区')).toBe('西藏');
    expect(toProvince('上海市')).toBe('上海');
  });

  it('trims and folds full-width characters', () => {
    expect(toProvince('  浙江省 ')).toBe('浙江');
    expect(toProvince('\u3000江苏\u3000')).toBe('江苏');
    expect(toProvince('ＧＵＡＮＧＤＯＮＧ')).toBe('广东');
  });

  it('maps pinyin and English names in any case', () => {
    expect(toProvince('guangdong')).toBe('广东');
    expect(toProvince('ZheJiang')).toBe('浙江');
    expect(toProvince('Guǎngdōng')).toBe('广东');
    expect(toProvince('Inner Mongolia')).toBe('内蒙古');
    expect(toProvince('Tibet')).toBe('西藏');
    expect(toProvince('hong kong')).toBe('香港');
    expect(toProvince('Macau')).toBe('澳门');
    expect(toProvince('Guangdong Province')).toBe('广东');
    expect(toProvince('Shaanxi')).toBe('陕西');
    expect(toProvince('Shanxi')).toBe('山西');
  });

  it('maps short forms and traditional characters', () => {
    expect(toProvince('内蒙')).toBe('内蒙古');
    expect(toProvince('廣東省')).toBe('广东');
    expect(toProvince('臺灣')).toBe('台湾');
  });

  it('maps cities and prefectures to their province', () => {
    expect(toProvince('深圳')).toBe('广东');
    expect(toProvince('深圳市')).toBe('广东');
    expect(toProvince('延边州')).toBe('吉林');
    expect(toProvince('铜仁地区')).toBe('贵州');
    expect(toProvince('济源')).toBe('河南');
    expect(toProvince('石河子市')).toBe('新疆');
    expect(toProvince('九龙')).toBe('香港');
    expect(toProvince('襄樊')).toBe('湖北');
  });

  it('prefers the province where a city short name equals one', () => {
    expect(toProvince('海南')).toBe('海南');
    expect(toProvince('海南藏族自治州')).toBe('青海');
    expect(toProvince('吉林市')).toBe('吉林');
  });

  it('maps pseudo entries and unknown values to nothing', () => {
    expect(toProvince('省直辖县级行政区划')).toBeNull();
    expect(toProvince('自治区直辖县级行政区划')).toBeNull();
    expect(toProvince('市辖区')).toBeNull();
    expect(toProvince('县')).toBeNull();
    expect(toProvince('东')).toBeNull();
    expect(toProvince('')).toBeNull();
    expect(toProvince('  ')).toBeNull();
    expect(toProvince(null)).toBeNull();
    expect(toProvince(44)).toBeNull();
    expect(toProvince('Mumbai')).toBeNull();
  });
});

describe('toProvinceName', () => {
  it('maps province names but not cities', () => {
    expect(toProvinceName('广东省')).toBe('广东');
    expect(toProvinceName('Guangdong')).toBe('广东');
    expect(toProvinceName('深圳')).toBeNull();
  });
});

describe('WukongCRM area list', () => {
  const fullNames = new Map(PROVINCES.map((province) => [province.fullName, province.name]));
  const provinceKeys = Object.keys(wukongAreas).filter((key) => fullNames.has(key));
  const pseudoEntries = new Set(['省直辖县级行政区划', '自治区直辖县级行政区划', '县', '市辖区']);
  // The list files Kinmen and Lienchiang under 台湾省; the source data of the
  // table has neither at city level, so they map to nothing.
  const countiesOutsideTable = new Set(['金门县', '连江县']);

  it('finds all 34 province keys', () => {
    expect(provinceKeys).toHaveLength(34);
  });

  it('maps every province key to its province', () => {
    for (const key of provinceKeys) {
      expect(toProvince(key), key).toBe(fullNames.get(key));
      expect(toProvinceName(key), key).toBe(fullNames.get(key));
    }
  });

  it('maps every city key to the province that lists it', () => {
    let checked = 0;
    for (const provinceKey of provinceKeys) {
      for (const city of wukongAreas[provinceKey] ?? []) {
        if (pseudoEntries.has(city) || countiesOutsideTable.has(city)) continue;
        expect(toProvince(city), `${city} in ${provinceKey}`).toBe(fullNames.get(provinceKey));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(330);
  });

  it('maps its pseudo entries to nothing', () => {
    for (const entry of pseudoEntries) expect(toProvince(entry), entry).toBeNull();
  });
});

describe('listed company areas', () => {
  it('maps every area value to a province', () => {
    for (const area of Object.keys(listedCompanyAreas)) {
      if (area === 'area') continue;
      expect(toProvince(area), area).not.toBeNull();
    }
  });

  it('maps the city and the short form to their provinces', () => {
    expect(toProvince('深圳')).toBe('广东');
    expect(toProvince('内蒙')).toBe('内蒙古');
    expect(getProvince(toProvince('内蒙') ?? '')?.fullName).toBe('内蒙古自治区');
  });

  it('keeps province short names as they are', () => {
    for (const area of ['浙江', '江苏', '北京', '新疆', '西藏', '宁夏', '广西', '黑龙江']) {
      expect(toProvince(area)).toBe(area);
    }
  });
});
