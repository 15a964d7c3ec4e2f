/**
 * Generated sample leads for the templates: synthetic Chinese names,
 * companies, places, mobile numbers, sources and industries drawn with a
 * seeded generator. Every value is made up; no real person or company is
 * described.
 */
import type { Lead } from '@sras/engine';
import type { DatasetColumn } from '../../storage/records';
import { SeededRandom } from './seeded-random';

export type LeadProfile = 'b2b' | 'education' | 'finance';

export interface SampleLeadOptions {
  seed: number;
  count: number;
  profile: LeadProfile;
  /** Share of leads that repeat the phone or company of an earlier one (0…1). */
  duplicateShare?: number;
  /** Share of leads whose province is blank or abroad, so a region split cannot place them (0…1). */
  unknownProvinceShare?: number;
  /** Leads created per day from 1 December 2026 on; the seventh day takes the rest. Default 40. */
  leadsPerDay?: number;
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
  '冯',
  '邓',
  '曹',
];
const GIVEN_CHARACTERS = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀',
  '霞',
  '平',
  '刚',
  '桂',
  '婷',
  '浩',
  '宇',
  '欣',
  '晨',
  '悦',
  '然',
  '博',
  '琳',
  '雪',
  '鹏',
  '辉',
  '佳',
  '思',
];

/** Province as written in the data (short or full name), with the cities a lead may name. */
const PLACES: readonly (readonly [string[], string[], number])[] = [
  [['浙江', '浙江省'], ['杭州', '宁波', '温州', '绍兴'], 9],
  [['江苏', '江苏省'], ['南京', '苏州', '无锡', '常州'], 9],
  [['上海', '上海市'], ['上海'], 8],
  [['广东', '广东省'], ['广州', '深圳', '东莞', '佛山'], 10],
  [['北京', '北京市'], ['北京'], 8],
  [['山东', '山东省'], ['济南', '青岛', '烟台'], 6],
  [['四川', '四川省'], ['成都', '绵阳'], 5],
  [['湖北', '湖北省'], ['武汉', '宜昌'], 5],
  [['河南', '河南省'], ['郑州', '洛阳'], 4],
  [['福建', '福建省'], ['福州', '厦门', '泉州'], 4],
  [['湖南', '湖南省'], ['长沙', '株洲'], 4],
  [['重庆', '重庆市'], ['重庆'], 3],
  [['陕西', '陕西省'], ['西安'], 3],
  [['辽宁', '辽宁省'], ['沈阳', '大连'], 3],
  [['天津', '天津市'], ['天津'], 2],
  [['广西', '广西壮族自治区'], ['南宁', '柳州'], 2],
  [['内蒙古', '内蒙古自治区'], ['呼和浩特'], 1],
  [['新疆', '新疆维吾尔自治区'], ['乌鲁木齐'], 1],
  [['黑龙江', '黑龙江省'], ['哈尔滨'], 2],
];

/**
 * Places of an education profile: a training school enrols near its campuses,
 * so enquiries concentrate in a few cities of the Yangtze River Delta.
 */
const EDUCATION_PLACES: readonly (readonly [string[], string[], number])[] = [
  [['浙江', '浙江省'], ['杭州'], 10],
  [['浙江', '浙江省'], ['宁波'], 5],
  [['浙江', '浙江省'], ['绍兴'], 3],
  [['江苏', '江苏省'], ['苏州'], 3],
  [['上海', '上海市'], ['上海'], 4],
];

/** Province values a region split cannot place: blank, or abroad. */
const UNKNOWN_PROVINCES: readonly (string | null)[] = [null, '', '海外', '未知'];

const SOURCES: readonly (readonly [string, number])[] = [
  ['展会', 18],
  ['官网', 20],
  ['抖音', 16],
  ['百度', 16],
  ['微信公众号', 10],
  ['转介绍', 8],
  ['电话营销', 7],
  ['小红书', 5],
];
const INDUSTRIES = ['软件', '制造', '教育', '金融', '零售', '医疗', '物流', '建筑', '餐饮', '能源'];
const COMPANY_WORDS = [
  '华信',
  '恒达',
  '远航',
  '金石',
  '启明',
  '瑞丰',
  '博远',
  '同创',
  '锦程',
  '星河',
  '宏图',
  '智联',
  '汇通',
  '鼎盛',
  '清源',
  '卓越',
  '安泰',
  '嘉禾',
];
const COMPANY_KINDS = [
  '科技',
  '信息技术',
  '贸易',
  '实业',
  '教育科技',
  '网络科技',
  '电子',
  '机械制造',
  '商贸',
  '咨询',
];
const COMPANY_SUFFIXES: readonly (readonly [string, number])[] = [
  ['有限公司', 6],
  ['有限责任公司', 2],
  ['股份有限公司', 1],
];
const COURSES: readonly (readonly [string, number])[] = [
  ['小学', 3],
  ['初中', 4],
  ['高中', 4],
  ['考研', 3],
  ['职业资格', 2],
  ['少儿编程', 2],
];
const PRODUCTS = ['稳健理财', '私募基金', '保险规划', '家族信托', '基金定投'];
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '180',
  '181',
  '182',
  '186',
  '187',
  '188',
  '189',
  '191',
  '199',
];

function personName(random: SeededRandom): string {
  const given = random.chance(0.6)
    ? random.pick(GIVEN_CHARACTERS) + random.pick(GIVEN_CHARACTERS)
    : random.pick(GIVEN_CHARACTERS);
  return random.pick(SURNAMES) + given;
}

function mobile(random: SeededRandom): string {
  let digits = random.pick(MOBILE_PREFIXES);
  while (digits.length < 11) digits += String(random.integer(0, 9));
  return digits;
}

function companyName(random: SeededRandom, city: string): string {
  return `${city}${random.pick(COMPANY_WORDS)}${random.pick(COMPANY_KINDS)}${random.weighted(COMPANY_SUFFIXES)}`;
}

function createdAt(random: SeededRandom, index: number, leadsPerDay: number): string {
  // Spread over the first week of December 2026, in order, during office hours.
  const day = 1 + Math.min(6, Math.floor(index / leadsPerDay));
  const hour = random.integer(8, 20);
  const minute = random.integer(0, 59);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `2026-12-${pad(day)} ${pad(hour)}:${pad(minute)}`;
}

function profileFields(random: SeededRandom, profile: LeadProfile): Lead {
  switch (profile) {
    case 'education':
      return { course: random.weighted(COURSES), budget: random.integer(1, 8) * 5000 };
    case 'finance':
      return {
        assets: random.weighted([
          [random.integer(20, 290), 6],
          [random.integer(300, 990), 3],
          [random.integer(1000, 5000), 1],
        ] as const),
        product: random.pick(PRODUCTS),
      };
    case 'b2b':
      return {
        budget: random.integer(1, 60),
        employees: random.pick([10, 50, 120, 300, 800, 2000]),
      };
  }
}

/** Generates `count` leads; the same options give the same leads. */
export function generateSampleLeads(options: SampleLeadOptions): Lead[] {
  const { seed, count, profile, duplicateShare = 0, unknownProvinceShare = 0 } = options;
  const leadsPerDay = options.leadsPerDay ?? 40;
  const random = new SeededRandom(seed);
  const places = (profile === 'education' ? EDUCATION_PLACES : PLACES).map(
    ([names, cityList, weight]) => [[names, cityList] as const, weight] as const,
  );
  const leads: Lead[] = [];

  for (let index = 0; index < count; index += 1) {
    const [provinceNames, cities] = random.weighted(places);
    let province: string | null = random.chance(0.7) ? provinceNames[0]! : provinceNames[1]!;
    // Drawn only when asked for, so that other templates keep their leads.
    if (unknownProvinceShare > 0 && random.chance(unknownProvinceShare))
      province = random.pick(UNKNOWN_PROVINCES);
    const city = random.pick(cities);
    const earlier =
      leads.length > 0 && random.chance(duplicateShare) ? random.pick(leads) : undefined;

    const phone = earlier && random.chance(0.6) ? (earlier.phone as string) : mobile(random);
    const company =
      earlier && phone !== earlier.phone ? (earlier.company as string) : companyName(random, city);
    const lead: Lead = {
      id: `L${String(index + 1).padStart(4, '0')}`,
      name: personName(random),
      phone,
      email: random.chance(0.5) ? `lead${String(index + 1).padStart(4, '0')}@example.com` : null,
      company: profile === 'b2b' ? company : random.chance(0.3) ? company : null,
      province,
      city,
      source: random.weighted(SOURCES),
      industry: random.pick(INDUSTRIES),
      createdAt: createdAt(random, index, leadsPerDay),
      ...profileFields(random, profile),
    };
    leads.push(lead);
  }
  return leads;
}

/** Each generated column's header in Chinese and in English, and its type. */
const COLUMN_LABELS: Record<string, [string, string, DatasetColumn['type']]> = {
  id: ['线索编号', 'Lead ID', 'text'],
  name: ['姓名', 'Name', 'text'],
  phone: ['手机', 'Mobile', 'text'],
  email: ['邮箱', 'Email', 'text'],
  company: ['公司名称', 'Company', 'text'],
  province: ['省份', 'Province', 'text'],
  city: ['城市', 'City', 'text'],
  source: ['来源', 'Source', 'text'],
  industry: ['行业', 'Industry', 'text'],
  createdAt: ['创建时间', 'Created at', 'date'],
  budget: ['预算', 'Budget', 'number'],
  employees: ['员工数', 'Employees', 'number'],
  course: ['意向课程', 'Course of interest', 'text'],
  assets: ['资产规模（万元）', 'Assets (10k yuan)', 'number'],
  product: ['意向产品', 'Product of interest', 'text'],
};

const STANDARD_FIELDS = new Set([
  'id',
  'name',
  'phone',
  'email',
  'company',
  'province',
  'city',
  'source',
  'industry',
  'createdAt',
]);

/** Dataset columns for generated leads of `profile`, with headers in `language`. */
export function sampleLeadColumns(
  profile: LeadProfile,
  language: 'zh-CN' | 'en' = 'zh-CN',
): DatasetColumn[] {
  const keys = Object.keys(generateSampleLeads({ seed: 1, count: 1, profile })[0] ?? {});
  return keys.map((key) => {
    const [chinese, english, type] = COLUMN_LABELS[key] ?? [key, key, 'text'];
    const header = language === 'zh-CN' ? chinese : english;
    const column: DatasetColumn = { key, header, type };
    if (STANDARD_FIELDS.has(key)) column.field = key;
    return column;
  });
}
