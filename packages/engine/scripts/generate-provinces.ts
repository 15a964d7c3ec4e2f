/**
 * Writes `src/regions/province.data.ts`, the province table of the engine,
 * from the administrative-division data in `region-data/` (see its README
 * for the source and licence). Runs offline:
 *
 *   npx tsx packages/engine/scripts/generate-provinces.ts
 *
 * Names, pinyin, English names and aliases of the 34 provincial divisions
 * are written here; the cities come from the data. A short city name that
 * would point at two provinces, or at another province's name, is left out
 * and listed on standard error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

interface ProvinceSpec {
  fullName: string;
  name: string;
  pinyin: string;
  /** Other names: short forms, traditional characters, English names. */
  aliases: string[];
}

/** The provincial divisions in the order of their GB/T 2260 codes. */
const PROVINCES: ProvinceSpec[] = [
  { fullName: '北京市', name: '北京', pinyin: 'Beijing', aliases: ['Peking'] },
  { fullName: '天津市', name: '天津', pinyin: 'Tianjin', aliases: [] },
  { fullName: '河北省', name: '河北', pinyin: 'Hebei', aliases: [] },
  { fullName: '山西省', name: '山西', pinyin: 'Shanxi', aliases: [] },
  {
    fullName: '内蒙古自治区',
    name: '内蒙古',
    pinyin: 'Neimenggu',
    aliases: ['内蒙', '內蒙古', '內蒙古自治區', '內蒙', 'Inner Mongolia', 'Nei Mongol', 'Neimeng'],
  },
  { fullName: '辽宁省', name: '辽宁', pinyin: 'Liaoning', aliases: ['遼寧'] },
  { fullName: '吉林省', name: '吉林', pinyin: 'Jilin', aliases: [] },
  { fullName: '黑龙江省', name: '黑龙江', pinyin: 'Heilongjiang', aliases: ['黑龍江'] },
  { fullName: '上海市', name: '上海', pinyin: 'Shanghai', aliases: [] },
  { fullName: '江苏省', name: '江苏', pinyin: 'Jiangsu', aliases: ['江蘇'] },
  { fullName: '浙江省', name: '浙江', pinyin: 'Zhejiang', aliases: [] },
  { fullName: '安徽省', name: '安徽', pinyin: 'Anhui', aliases: [] },
  { fullName: '福建省', name: '福建', pinyin: 'Fujian', aliases: [] },
  { fullName: '江西省', name: '江西', pinyin: 'Jiangxi', aliases: [] },
  { fullName: '山东省', name: '山东', pinyin: 'Shandong', aliases: ['山東'] },
  { fullName: '河南省', name: '河南', pinyin: 'Henan', aliases: [] },
  { fullName: '湖北省', name: '湖北', pinyin: 'Hubei', aliases: [] },
  { fullName: '湖南省', name: '湖南', pinyin: 'Hunan', aliases: [] },
  { fullName: '广东省', name: '广东', pinyin: 'Guangdong', aliases: ['廣東'] },
  {
    fullName: '广西壮族自治区',
    name: '广西',
    pinyin: 'Guangxi',
    aliases: ['廣西', '廣西壯族自治區', '广西壮族', 'Guangxi Zhuang'],
  },
  { fullName: '海南省', name: '海南', pinyin: 'Hainan', aliases: [] },
  { fullName: '重庆市', name: '重庆', pinyin: 'Chongqing', aliases: ['重慶'] },
  { fullName: '四川省', name: '四川', pinyin: 'Sichuan', aliases: ['Szechuan', 'Szechwan'] },
  { fullName: '贵州省', name: '贵州', pinyin: 'Guizhou', aliases: ['貴州'] },
  { fullName: '云南省', name: '云南', pinyin: 'Yunnan', aliases: ['雲南'] },
  {
    fullName: '西藏自治区',
    name: '西藏',
    pinyin: 'Xizang',
    aliases: ['西藏自治區', 'Tibet'],
  },
  { fullName: '陕西省', name: '陕西', pinyin: 'Shaanxi', aliases: ['陝西'] },
  { fullName: '甘肃省', name: '甘肃', pinyin: 'Gansu', aliases: ['甘肅'] },
  { fullName: '青海省', name: '青海', pinyin: 'Qinghai', aliases: [] },
  {
    fullName: '宁夏回族自治区',
    name: '宁夏',
    pinyin: 'Ningxia',
    aliases: ['寧夏', '寧夏回族自治區', '宁夏回族', 'Ningxia Hui'],
  },
  {
    fullName: '新疆维吾尔自治区',
    name: '新疆',
    pinyin: 'Xinjiang',
    aliases: ['新疆維吾爾自治區', '新疆维吾尔', 'Xinjiang Uygur', 'Xinjiang Uyghur'],
  },
  {
    fullName: '台湾省',
    name: '台湾',
    pinyin: 'Taiwan',
    aliases: ['臺灣', '台灣', '臺灣省', '台灣省'],
  },
  {
    fullName: '香港特别行政区',
    name: '香港',
    pinyin: 'Xianggang',
    aliases: ['香港特別行政區', 'Hong Kong', 'Hong Kong SAR', 'HKSAR'],
  },
  {
    fullName: '澳门特别行政区',
    name: '澳门',
    pinyin: 'Aomen',
    aliases: ['澳門', '澳門特別行政區', 'Macau', 'Macao', 'Macau SAR', 'Macao SAR'],
  },
];

/**
 * City-level names used in CRM exports for a municipality or special
 * administrative region as a whole (`北京城区` in WukongCRM's area list).
 */
const WHOLE_CITY_SUFFIXES = ['城区', '市区', '市辖区', '郊县'];
const WHOLE_CITY_DIVISIONS = new Set(['北京', '天津', '上海', '重庆', '香港', '澳门']);

/** Former names of prefecture-level cities that still appear in old records. */
const FORMER_CITIES: Record<string, string[]> = {
  安徽: ['巢湖市', '巢湖'], // abolished in 2011
  山东: ['莱芜市', '莱芜'], // merged into 济南 in 2019
  湖北: ['襄樊市', '襄樊'], // renamed 襄阳 in 2010
  云南: ['思茅市', '思茅'], // renamed 普洱 in 2007
  台湾: ['桃园县'], // became 桃园市 in 2014
};

/** Ethnic group names that autonomous prefectures and counties carry before the suffix. */
const ETHNIC_GROUPS = [
  '壮族',
  '回族',
  '维吾尔族',
  '藏族',
  '蒙古族',
  '满族',
  '苗族',
  '彝族',
  '土家族',
  '布依族',
  '朝鲜族',
  '侗族',
  '瑶族',
  '白族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
];
const ETHNIC_NAMES = [...ETHNIC_GROUPS, ...ETHNIC_GROUPS.map((group) => group.slice(0, -1))]
  .filter((name) => name.length > 1)
  .sort((a, b) => b.length - a.length);

const CITY_SUFFIXES = ['自治州', '自治县', '林区', '地区', '盟', '市', '县'];

/** Returns the short form of a city name: `深圳市` → `深圳`, `延边朝鲜族自治州` → `延边`. */
function shortCityName(fullName: string): string {
  const suffix = CITY_SUFFIXES.find((candidate) => fullName.endsWith(candidate));
  if (suffix === undefined) return fullName;

  let short = fullName.slice(0, -suffix.length);
  if (suffix.startsWith('自治')) {
    let stripped = true;
    while (stripped) {
      stripped = false;
      const ethnic = ETHNIC_NAMES.find(
        (name) => short.endsWith(name) && short.length > name.length,
      );
      if (ethnic !== undefined) {
        short = short.slice(0, -ethnic.length);
        stripped = true;
      }
    }
  }
  return short.length >= 2 ? short : fullName;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

async function main(): Promise<void> {
  const scriptDirectory = dirname(fileURLToPath(import.meta.url));
  const dataDirectory = join(scriptDirectory, 'region-data');
  const mainland = readJson<Record<string, string[]>>(join(dataDirectory, 'modood-pc.json'));
  const others = readJson<Record<string, string[]>>(
    join(dataDirectory, 'modood-hk-mo-tw-cities.json'),
  );
  const divisions: Record<string, string[]> = { ...mainland, ...others };

  const provinceNames = new Map<string, string>();
  for (const spec of PROVINCES) {
    for (const name of [spec.name, spec.fullName, ...spec.aliases])
      provinceNames.set(name, spec.name);
  }

  // City lists per province, and which provinces each short form would point at.
  const citiesByProvince = new Map<string, string[]>();
  const shortOwners = new Map<string, Set<string>>();
  for (const spec of PROVINCES) {
    const cities = divisions[spec.fullName];
    if (cities === undefined) throw new Error(`No division named ${spec.fullName} in the data.`);
    const prefectureLevel =
      WHOLE_CITY_DIVISIONS.has(spec.name) && spec.name !== '香港' && spec.name !== '澳门'
        ? [] // the data lists the districts of a municipality, which are county-level
        : cities;
    citiesByProvince.set(spec.name, prefectureLevel);

    for (const city of prefectureLevel) {
      const short = shortCityName(city);
      const forms = city.endsWith('自治州') ? [short, `${short}州`] : [short];
      for (const form of forms) {
        if (form === city) continue;
        const owners = shortOwners.get(form) ?? new Set<string>();
        owners.add(spec.name);
        shortOwners.set(form, owners);
      }
    }
  }

  const dropped = new Set<string>();
  const isUsable = (form: string): boolean => {
    const owners = shortOwners.get(form);
    const usable = owners !== undefined && owners.size === 1 && !provinceNames.has(form);
    if (!usable) dropped.add(form);
    return usable;
  };

  const entries = PROVINCES.map((spec) => {
    const cities: string[] = [];
    for (const city of citiesByProvince.get(spec.name) ?? []) {
      cities.push(city);
      const short = shortCityName(city);
      const forms = city.endsWith('自治州') ? [short, `${short}州`] : [short];
      for (const form of forms) {
        if (form !== city && isUsable(form) && !cities.includes(form)) cities.push(form);
      }
    }
    if (WHOLE_CITY_DIVISIONS.has(spec.name)) {
      for (const suffix of WHOLE_CITY_SUFFIXES) cities.push(`${spec.name}${suffix}`);
    }
    return {
      name: spec.name,
      fullName: spec.fullName,
      pinyin: spec.pinyin,
      aliases: spec.aliases,
      cities,
      formerCities: FORMER_CITIES[spec.name] ?? [],
    };
  });

  const header = [
    '// Generated by packages/engine/scripts/generate-provinces.ts; do not edit by hand.',
    '// Cities: modood/Administrative-divisions-of-China (MIT licence), dist/pc.json at',
    '// dc3a1d7acd85ca1b0979543e9259604142c52e8e and dist/HK-MO-TW.json at',
    '// 30104e31ebbaf90dd7285b9aab08cfc067216ca3. Names, pinyin and aliases: the script.',
    "import type { Province } from './region.types.js';",
    '',
    '/** The 34 provincial divisions of China, in the order of their GB/T 2260 codes. */',
    'export const PROVINCE_DATA: readonly Province[] = ',
  ].join('\n');
  const target = join(scriptDirectory, '..', 'src', 'regions', 'province.data.ts');
  const prettierOptions = (await resolveConfig(target)) ?? {};
  const output = await format(`${header}${JSON.stringify(entries, null, 2)};\n`, {
    ...prettierOptions,
    parser: 'typescript',
  });
  writeFileSync(target, output);

  process.stderr.write(`Wrote ${entries.length} provinces to ${target}.\n`);
  if (dropped.size > 0) {
    process.stderr.write(
      `Short city names left out (shared, or a province name): ${[...dropped].join(', ')}\n`,
    );
  }
}

await main();
