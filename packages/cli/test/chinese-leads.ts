import iconv from 'iconv-lite';

/** A generated lead with what the china-flow fixture should do with it. */
export interface GeneratedLead {
  company: string;
  contact: string;
  mobile: string;
  landline: string;
  province: string;
  city: string;
  source: string;
  remark: string;
  /** `east`, `south` or `other`, by the province's canonical name. */
  region: 'east' | 'south' | 'other';
  /** Position of the earlier lead whose mobile this lead repeats, or null. */
  duplicateOf: number | null;
}

const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄', '周', '吴', '徐', '孙'];
const GIVEN_NAMES = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '涛', '明'];
const WORDS = ['华信', '鼎盛', '远航', '星辰', '博雅', '中科', '联创', '天成', '宏图', '锦程'];
const TRADES = ['科技', '教育', '贸易', '制造', '信息技术', '咨询'];
const SUFFIXES = ['有限公司', '股份有限公司', '有限责任公司'];
const SOURCES = ['百度推广', '展会', '官网表单', '转介绍', '请选择'];

/** Provinces written the many ways exports write them, with the fixture flow's region and a city. */
const PLACES: readonly (readonly [string, 'east' | 'south' | 'other', string, string])[] = [
  ['浙江省', 'east', '杭州市', '0571'],
  ['浙江', 'east', '宁波', '0574'],
  ['上海市', 'east', '上海', '021'],
  ['江苏省', 'east', '南京市', '025'],
  ['安徽', 'east', '合肥', '0551'],
  ['广东省', 'south', '深圳市', '0755'],
  ['广西壮族自治区', 'south', '南宁', '0771'],
  ['海南', 'south', '海口', '0898'],
  ['北京市', 'other', '北京', '010'],
  ['内蒙古自治区', 'other', '呼和浩特', '0471'],
  ['四川省', 'other', '成都市', '028'],
  ['辽宁', 'other', '沈阳', '024'],
];

const HEADER = ['客户名称', '联系人', '手机', '座机', '省份', '城市', '来源', '备注'];

/**
 * Generates Chinese leads: company names with legal-form suffixes,
 * provinces in short and full forms, landlines with leading zeros, every
 * 17th lead repeating an earlier mobile, and a remark starting with `=`.
 */
export function generateChineseLeads(count: number, startIndex = 0): GeneratedLead[] {
  const leads: GeneratedLead[] = [];
  for (let n = startIndex; n < startIndex + count; n++) {
    const [province, region, city, areaCode] = PLACES[
      (n * 7) % PLACES.length
    ] as (typeof PLACES)[number];
    const duplicate = n % 17 === 16 && n - 5 >= startIndex;
    const mobileIndex = duplicate ? n - 5 : n;
    leads.push({
      company: `${city.replace('市', '')}${WORDS[n % WORDS.length]}${TRADES[n % TRADES.length]}${n}号${SUFFIXES[n % SUFFIXES.length]}`,
      contact: `${SURNAMES[n % SURNAMES.length]}${GIVEN_NAMES[(n * 5) % GIVEN_NAMES.length]}`,
      mobile: `13${String(900_000_000 + mobileIndex * 7919).slice(-9)}`,
      landline: `${areaCode}-${String(80_000_000 + n * 31).slice(-8)}`,
      province,
      city,
      source: SOURCES[n % SOURCES.length] as string,
      remark:
        n % 50 === 3
          ? '=HYPERLINK("http://example.com","点我")'
          : n % 11 === 0
            ? '需要回访，周三下午'
            : '',
      region,
      duplicateOf: duplicate ? n - 5 - startIndex : null,
    });
  }
  return leads;
}

/** Writes leads as a CSV file encoded in GB18030 without a byte order mark, CRLF, as Excel on Chinese Windows does. */
export function chineseLeadsCsv(leads: readonly GeneratedLead[]): Buffer {
  const quote = (cell: string): string =>
    /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  const lines = [HEADER.join(',')];
  for (const lead of leads) {
    lines.push(
      [
        lead.company,
        lead.contact,
        lead.mobile,
        lead.landline,
        lead.province,
        lead.city,
        lead.source,
        lead.remark,
      ]
        .map(quote)
        .join(','),
    );
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'gb18030');
}

/**
 * Owners the china-flow fixture gives, computed independently of the
 * engine: a duplicate goes to the owner of the lead it repeats (the dedup
 * node assigns existing owners), or to the 撞单 pool when that lead has
 * none; east leads pass a quota of 40 a
 * day to a smooth weighted round robin of r1 (weight 2) and r2 (weight 1),
 * which gives r1, r2, r1 over and over; south leads alternate r3 and r4;
 * the rest go to r5, the only active rep of the least-loaded node.
 */
export function expectedOwners(leads: readonly GeneratedLead[]): string[] {
  const eastCycle = ['r1', 'r2', 'r1'];
  let east = 0;
  let south = 0;
  const owners: string[] = [];
  for (const lead of leads) owners.push(ownerOf(lead));
  return owners;

  function ownerOf(lead: GeneratedLead): string {
    if (lead.duplicateOf !== null) return owners[lead.duplicateOf] ?? '';
    if (lead.region === 'east') {
      if (east >= 40) return '';
      return eastCycle[east++ % 3] as string;
    }
    if (lead.region === 'south') return south++ % 2 === 0 ? 'r3' : 'r4';
    return 'r5';
  }
}
