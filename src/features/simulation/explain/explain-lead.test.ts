import { beforeAll, describe, expect, it } from 'vitest';
import {
  compileFlow,
  createRunner,
  type FlowDocument,
  type Lead,
  type LeadResult,
  type Rep,
} from '@sras/engine';
import { simulationTranslate } from '../test/explain-i18n';
import type { Translate } from './explain.types';
import { explainLead } from './explain-lead';

const REPS: Rep[] = [
  { id: 'r1', name: '李娜' },
  { id: 'r2', name: '王芳', unavailable: [{ from: '2026-12-01', to: '2026-12-03' }] },
  { id: 'r3', name: '张伟', capacity: { day: 1 } },
  { id: 'r4', name: '赵磊', active: false },
  { id: 'r5', name: '陈静', openLeads: 2 },
];

const node = (id: string, type: string, data: Record<string, unknown> = {}) => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data,
});
const edge = (source: string, sourceHandle: string, target: string) => ({
  id: `${source}-${sourceHandle}`,
  source,
  sourceHandle,
  target,
});

/** One flow with every node type; `kind` picks the lane. */
const FLOW: FlowDocument = {
  format: 'sras.flow',
  version: 1,
  id: 'all-nodes',
  name: '全部节点',
  timezone: 'Asia/Shanghai',
  nodes: [
    node('src', 'source'),
    node('dedup', 'dedup', { label: '撞单保护', keys: ['phone'] }),
    node('score', 'score', {
      label: '评分',
      base: 10,
      rules: [{ label: '展会', condition: { '==': [{ var: 'source' }, '展会'] }, points: 20 }],
    }),
    node('filter', 'filter', {
      label: '展会线索',
      condition: { '==': [{ var: 'source' }, '展会'] },
    }),
    node('branch', 'branch', {
      label: '按类型',
      cases: [
        { id: 'region', label: '分区', condition: { '==': [{ var: 'kind' }, 'region'] } },
        { id: 'quota', label: '限额', condition: { '==': [{ var: 'kind' }, 'quota'] } },
        { id: 'least', label: '均衡', condition: { '==': [{ var: 'kind' }, 'least'] } },
        { id: 'assign', label: '指定', condition: { '==': [{ var: 'kind' }, 'assign'] } },
      ],
    }),
    node('region', 'regionSplit', {
      field: 'province',
      regions: [{ id: 'south', label: '华南', values: ['广东'] }],
    }),
    node('rr', 'roundRobin', { label: '华南组', assignees: [{ repId: 'r2' }, { repId: 'r1' }] }),
    node('quota', 'quota', { label: '每日配额', limit: 1, period: 'day' }),
    node('capped', 'assign', { label: '张伟专属', repId: 'r3' }),
    node('least', 'leastLoaded', {
      label: '均衡组',
      assignees: [{ repId: 'r5' }, { repId: 'r1' }],
    }),
    node('inactive', 'assign', { label: '停用销售', repId: 'r4' }),
    node('pool', 'pool', { label: '公海', reason: '非展会线索' }),
    node('plainPool', 'pool', { label: '备用池' }),
  ],
  edges: [
    edge('src', 'out', 'dedup'),
    edge('dedup', 'unique', 'score'),
    edge('dedup', 'duplicate', 'plainPool'),
    edge('score', 'out', 'filter'),
    edge('filter', 'match', 'branch'),
    edge('filter', 'else', 'pool'),
    edge('branch', 'region', 'region'),
    edge('branch', 'quota', 'quota'),
    edge('branch', 'least', 'least'),
    edge('branch', 'assign', 'inactive'),
    edge('region', 'south', 'rr'),
    edge('quota', 'within', 'capped'),
    edge('quota', 'overflow', 'plainPool'),
    edge('capped', 'overflow', 'plainPool'),
    edge('inactive', 'overflow', 'plainPool'),
  ],
};

const LEADS: Lead[] = [
  { id: 'L1', phone: '13800000001', source: '展会', kind: 'region', province: '深圳' },
  { id: 'L2', phone: '13800000002', source: '官网', kind: 'region', province: '广东' },
  { id: 'L3', phone: '13800000003', source: '展会', kind: 'region', province: '北京' },
  { id: 'L4', phone: '13800000004', source: '展会', kind: 'region', province: '' },
  { id: 'L5', phone: '13800000005', source: '展会', kind: 'quota' },
  { id: 'L6', phone: '13800000006', source: '展会', kind: 'quota' },
  { id: 'L7', phone: '13800000007', source: '展会', kind: 'least' },
  { id: 'L8', phone: '13800000008', source: '展会', kind: 'assign' },
  { id: 'L9', phone: '13800000009', source: '展会', kind: 'other' },
  { id: 'L10', phone: '13800000001', source: '展会', kind: 'region', province: '广东' },
  { id: 'L11', phone: '13900000000', source: '展会', kind: 'region', province: '广东' },
];

function run(leads: Lead[] = LEADS): LeadResult[] {
  const compiled = compileFlow(FLOW, { reps: REPS });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  return createRunner(compiled.pipeline).run({
    leads,
    reps: REPS,
    existingOwners: [{ phone: '13900000000', owner_id: 'r5' }],
    now: '2026-12-02 10:00',
    trace: true,
  }).results;
}

describe('explainLead', () => {
  const results = run();
  const texts: Record<'en' | 'zh-CN', string[]> = { en: [], 'zh-CN': [] };
  const translators: Partial<Record<'en' | 'zh-CN', Translate>> = {};

  beforeAll(async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const t = await simulationTranslate(language);
      translators[language] = t;
      texts[language] = results.map(
        (result, index) =>
          explainLead(
            result,
            {
              flow: FLOW,
              lead: LEADS[index] as Lead,
              repName: (repId) => REPS.find((rep) => rep.id === repId)?.name ?? repId,
              fieldLabel: (field) => ({ source: '来源', province: '省份' })[field] ?? field,
            },
            t,
          ).text,
      );
    }
  });

  it('explains a round-robin lead with its region and skipped rep in Chinese', () => {
    expect(texts['zh-CN'][0]).toBe(
      '「撞单保护」未撞单 → 「评分」评分 30（展会 +20） → 来源 = 展会，符合「展会线索」 → 「按类型」走分支「分区」 → 省份 深圳（广东） 属于 华南 → 「华南组」轮询，轮到 李娜（跳过：王芳 休假）',
    );
  });

  it('explains the same lead in English', () => {
    expect(texts.en[0]).toBe(
      "“撞单保护”: not a duplicate → “评分” scores 30 (展会 +20) → 来源 = 展会, so it matches “展会线索” → “按类型” takes the branch “分区” → 省份 深圳 (广东) is in 华南 → “华南组” round robin: 李娜's turn (skipped: 王芳 is on leave)",
    );
  });

  it('gives the lead value when a filter does not match, and the pool reason', () => {
    expect(texts['zh-CN'][1]).toContain(
      '不符合「展会线索」（要求 来源 = 展会，此线索 来源 = 官网）',
    );
    expect(texts['zh-CN'][1]).toContain('进入公海「公海」：非展会线索');
    expect(texts.en[1]).toContain('sent to the pool “公海”: 非展会线索');
  });

  it('names an unconnected output of a region split and an empty region value', () => {
    expect(texts['zh-CN'][2]).toContain('省份 北京 不在任何区域，走「其他」');
    expect(texts['zh-CN'][2]).toContain('「regionSplit」'.replace('regionSplit', '区域拆分'));
    expect(texts['zh-CN'][2]).toMatch(/的出口「其他」没有连线，线索未分配$/);
    expect(texts['zh-CN'][3]).toContain('省份 为空，走「其他」');
    expect(texts.en[2]).toMatch(
      /output “Other” of “Region split” is not connected, so the lead is unassigned$/,
    );
  });

  it('explains a quota within its limit, then full, and a rep at capacity', () => {
    expect(texts['zh-CN'][4]).toContain('「每日配额」2026-12-02 当天配额内（第 1 条，上限 1）');
    expect(texts['zh-CN'][4]).toContain('「张伟专属」指定分配给 张伟');
    expect(texts['zh-CN'][5]).toContain('「每日配额」2026-12-02 当天配额已满（上限 1），走超额');
    expect(texts.en[5]).toContain('quota for 2026-12-02 is full (1), so overflow');
  });

  it('explains least loaded with the load, and an inactive assignee', () => {
    expect(texts['zh-CN'][6]).toContain('「均衡组」负载均衡，李娜 手上最少（1 条）');
    expect(texts['zh-CN'][7]).toContain('「停用销售」没有可分配的销售（赵磊 已停用），走超额');
    expect(texts['zh-CN'][7]).toContain('进入公海「备用池」');
    expect(texts.en[7]).toContain('no rep can take it (赵磊 is inactive), so overflow');
  });

  it('explains a branch without a matching case', () => {
    expect(texts['zh-CN'][8]).toContain('「按类型」没有符合的分支，走「其他」');
    expect(texts.en[8]).toContain('no branch matches, so “Other”');
  });

  it('explains duplicates of this batch and of the existing customers', () => {
    expect(texts['zh-CN'][9]).toBe(
      '「撞单保护」撞单：手机 13800000001 已属于 李娜（本批更早的线索），交给原负责人',
    );
    expect(texts['zh-CN'][10]).toBe(
      '「撞单保护」撞单：手机 13900000000 已属于 陈静（来自已有客户名单），交给原负责人',
    );
    expect(texts.en[10]).toBe(
      '“撞单保护”: duplicate, phone 13900000000 belongs to 陈静 (from the existing customers list), kept with that owner',
    );
  });

  it('explains a duplicate without an owner and an owner who left', () => {
    const leads: Lead[] = [
      { id: 'A', phone: '13700000000', source: '官网' },
      { id: 'B', phone: '13700000000', source: '官网' },
    ];
    const [, second] = run(leads);
    const text = explainLead(
      second as LeadResult,
      { flow: FLOW, lead: leads[1] as Lead, repName: (id) => id, fieldLabel: (field) => field },
      translators['zh-CN'] as Translate,
    ).text;
    expect(text).toBe(
      '「撞单保护」撞单：手机 13700000000 已出现过（本批更早的线索），走「重复」 → 进入公海「备用池」',
    );
  });

  it('gives the outcome alone for a result without a trace', () => {
    const plain: LeadResult = { ...(results[0] as LeadResult), trace: undefined };
    const text = explainLead(
      plain,
      { flow: FLOW, lead: {}, repName: () => '李娜', fieldLabel: (field) => field },
      translators['zh-CN'] as Translate,
    ).text;
    expect(text).toBe('分配给 李娜');
  });
});
