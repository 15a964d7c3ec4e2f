import type { FlowDocument, Lead, Rep } from '../src/index.js';

/**
 * The benchmark's flow, team and leads: source → filter → score → region
 * split → quota → round robin over 8 weighted reps with daily caps. Leads
 * are generated from a fixed seed, with fields held as text the way a
 * spreadsheet import gives them.
 */

export const FILTER_CONDITION = {
  and: [
    { '>=': [{ var: 'visits' }, 2] },
    { in: [{ var: 'source' }, ['web', 'ad', '展会', 'referral']] },
  ],
};

export const SCORE_BASE = 10;
export const SCORE_RULES = [
  { label: 'website', condition: { '==': [{ var: 'source' }, 'web'] }, points: 20 },
  { label: 'engaged', condition: { '>': [{ var: 'visits' }, 8] }, points: 30 },
  {
    label: 'target industry',
    condition: { in: [{ var: 'industry' }, ['软件服务', '多元金融', '化学制药']] },
    points: 25,
  },
];

export const REGIONS = [
  { id: 'east', label: '华东', values: ['上海', '江苏', '浙江'] },
  { id: 'south', label: '华南', values: ['广东', '海南'] },
  { id: 'north', label: '华北', values: ['北京', '天津', '内蒙古'] },
];

export const QUOTA_LIMIT = 500_000;

export const REPS: Rep[] = [
  { id: 'r1', name: '张伟', weight: 3, capacity: { day: 90_000 } },
  { id: 'r2', name: '李娜', weight: 2, capacity: { day: 70_000 } },
  { id: 'r3', name: '王芳', weight: 2, capacity: { day: 60_000 } },
  { id: 'r4', name: '刘洋', weight: 1, capacity: { day: 40_000 } },
  { id: 'r5', name: '陈静', weight: 1, capacity: { day: 40_000 } },
  { id: 'r6', name: '杨帆', weight: 1, capacity: { day: 30_000 } },
  { id: 'r7', name: '赵磊', weight: 1, capacity: { day: 30_000 } },
  { id: 'r8', name: '黄敏', weight: 1, capacity: { day: 25_000 } },
];

export const NOW = '2024-05-02T10:00:00+08:00';

function node(id: string, type: string, data: Record<string, unknown> = {}) {
  return { id, type, position: { x: 0, y: 0 }, data };
}

function edge(source: string, sourceHandle: string, target: string) {
  return { id: `${source}-${sourceHandle}`, source, sourceHandle, target };
}

export const BENCH_FLOW: FlowDocument = {
  format: 'sras.flow',
  version: 1,
  id: 'bench',
  name: 'Benchmark flow',
  timezone: 'Asia/Shanghai',
  nodes: [
    node('src', 'source'),
    node('f', 'filter', { condition: FILTER_CONDITION }),
    node('s', 'score', { base: SCORE_BASE, rules: SCORE_RULES }),
    node('rs', 'regionSplit', { field: 'province', regions: REGIONS }),
    node('q', 'quota', { limit: QUOTA_LIMIT, period: 'day' }),
    node('rr', 'roundRobin', { assignees: REPS.map((rep) => ({ repId: rep.id })) }),
    node('pool', 'pool', { reason: 'not routed' }),
  ],
  edges: [
    edge('src', 'out', 'f'),
    edge('f', 'match', 's'),
    edge('f', 'else', 'pool'),
    edge('s', 'out', 'rs'),
    edge('rs', 'east', 'q'),
    edge('rs', 'south', 'q'),
    edge('rs', 'north', 'q'),
    edge('rs', 'else', 'pool'),
    edge('q', 'within', 'rr'),
    edge('q', 'overflow', 'pool'),
    edge('rr', 'overflow', 'pool'),
  ],
};

/**
 * Province texts the generator uses, with the region each one falls in by
 * the format's rules (suffixes, pinyin, cities and short forms included).
 */
export const PROVINCE_REGIONS: Readonly<Record<string, string | null>> = {
  广东: 'south',
  广东省: 'south',
  深圳: 'south',
  深圳市: 'south',
  海南: 'south',
  浙江: 'east',
  浙江省: 'east',
  杭州: 'east',
  上海: 'east',
  上海市: 'east',
  Jiangsu: 'east',
  江苏省: 'east',
  北京: 'north',
  北京市: 'north',
  天津: 'north',
  内蒙: 'north',
  四川: null,
  湖北省: null,
  未知: null,
  '': null,
};

const SOURCES = ['web', 'ad', '展会', 'referral', 'other', ''];
const INDUSTRIES = ['软件服务', '多元金融', '化学制药', '建筑工程', '通信设备', ''];
const PROVINCE_TEXTS = Object.keys(PROVINCE_REGIONS);

/** A small, fast, seeded generator (mulberry32), so every run sees the same leads. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Generates `count` leads from a fixed seed. */
export function generateLeads(count: number, seed = 20_240_502): Lead[] {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const leads: Lead[] = new Array(count);
  for (let index = 0; index < count; index += 1) {
    leads[index] = {
      id: `L${index + 1}`,
      visits: random() < 0.05 ? '' : String(Math.floor(random() * 15)),
      source: pick(SOURCES),
      industry: pick(INDUSTRIES),
      province: pick(PROVINCE_TEXTS),
      phone: `138${String(Math.floor(random() * 100_000_000)).padStart(8, '0')}`,
    };
  }
  return leads;
}
