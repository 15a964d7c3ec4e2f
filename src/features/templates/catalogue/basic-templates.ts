import { REGION_PRESET } from '@sras/engine';
import type { FlowTemplate } from '../template.types';
import { activeSampleRepsOf, sampleRepsOf } from '../sample-reps';
import {
  assignees,
  edge,
  flowDocument,
  localisedFlow,
  node,
  type TemplateLanguage,
} from './flow-builder';

const eastTeam = sampleRepsOf('华东一组');

export const evenRoundRobin: FlowTemplate = {
  id: 'even-round-robin',
  name: { 'zh-CN': '平均轮询分配', en: 'Even round robin' },
  description: {
    'zh-CN':
      '所有线索按顺序轮流分给华东一组的销售，权重高的多分；当天满额或休假的人自动跳过，没人可分时进入公海。',
    en: 'Every lead goes to the next rep of the East China team in turn, more often to reps with a higher weight. Reps at their daily cap or on leave are skipped; when nobody can take a lead it goes to the pool.',
  },
  document: localisedFlow((text) =>
    flowDocument(
      'template-even-round-robin',
      text('平均轮询分配', 'Even round robin'),
      [
        node('source', 'source', 0, 0),
        node('rotation', 'roundRobin', 1, 0, { assignees: assignees(eastTeam) }),
        node('pool', 'pool', 2, 0, { reason: text('销售已满额', 'every rep is full') }),
      ],
      [edge('source', 'out', 'rotation'), edge('rotation', 'overflow', 'pool')],
    ),
  ),
  reps: eastTeam,
  // Fewer leads than the team's daily caps add up to (85), so that with the leads' own times
  // everyone is assigned, while on a single day the reps fill up and the rest reach the pool.
  leads: { profile: 'b2b', count: 100, seed: 101, leadsPerDay: 40 },
};

const regionTeams = {
  east: sampleRepsOf('华东一组'),
  south: activeSampleRepsOf('华南组'),
  north: sampleRepsOf('华北组'),
  central: sampleRepsOf('华中组'),
  west: sampleRepsOf('西部组'),
};

/** Returns a preset region with its label in `language`, as the region split form adds it. */
function presetRegion(id: string, language: TemplateLanguage) {
  const region = REGION_PRESET.find((candidate) => candidate.id === id);
  if (!region) throw new Error(`No preset region ${id}`);
  const label = language === 'zh-CN' ? region.labelZh : region.labelEn;
  return { id: region.id, label, values: [...region.provinces] };
}

const REGION_IDS = ['east', 'south', 'north', 'central', 'southwest', 'northwest', 'northeast'];

export const regionTeamsTemplate: FlowTemplate = {
  id: 'region-teams',
  name: { 'zh-CN': '按区域分给区域团队', en: 'Region teams' },
  description: {
    'zh-CN':
      '按省份把线索分到华东、华南、华北（含东北）、华中和西部（西南和西北）五个团队，团队内轮询；省份不明的线索进入公海。',
    en: 'Leads are split by province among five teams: East, South, North (with the Northeast), Central and West (Southwest and Northwest), with a round robin inside each team. Leads without a known province go to the pool.',
  },
  document: localisedFlow((text, language) =>
    flowDocument(
      'template-region-teams',
      text('按区域分给区域团队', 'Region teams'),
      [
        node('source', 'source', 0, 2),
        node('regions', 'regionSplit', 1, 2, {
          field: 'province',
          regions: REGION_IDS.map((id) => presetRegion(id, language)),
        }),
        node('east', 'roundRobin', 2, 0, { assignees: assignees(regionTeams.east) }),
        node('south', 'roundRobin', 2, 1, { assignees: assignees(regionTeams.south) }),
        node('north', 'roundRobin', 2, 2, { assignees: assignees(regionTeams.north) }),
        node('central', 'roundRobin', 2, 3, { assignees: assignees(regionTeams.central) }),
        node('west', 'roundRobin', 2, 4, { assignees: assignees(regionTeams.west) }),
        node('pool', 'pool', 3, 2, {
          reason: text('省份不明或团队已满', 'province unknown or team full'),
        }),
      ],
      [
        edge('source', 'out', 'regions'),
        edge('regions', 'east', 'east'),
        edge('regions', 'south', 'south'),
        edge('regions', 'north', 'north'),
        edge('regions', 'northeast', 'north'),
        edge('regions', 'central', 'central'),
        edge('regions', 'southwest', 'west'),
        edge('regions', 'northwest', 'west'),
        edge('regions', 'else', 'pool'),
        edge('east', 'overflow', 'pool'),
        edge('south', 'overflow', 'pool'),
        edge('north', 'overflow', 'pool'),
        edge('central', 'overflow', 'pool'),
        edge('west', 'overflow', 'pool'),
      ],
    ),
  ),
  reps: Object.values(regionTeams).flat(),
  leads: { profile: 'b2b', count: 300, seed: 202, unknownProvinceShare: 0.05 },
};

export const scoreAndGrade: FlowTemplate = {
  id: 'score-and-grade',
  name: { 'zh-CN': '评分分级', en: 'Score and grade' },
  description: {
    'zh-CN':
      '按来源、预算和行业给线索打分：A 级（70 分以上）给资深销售，B 级（40 分以上）轮询给其他人，其余进入公海培育。',
    en: 'Leads are scored by source, budget and industry. Grade A (70 points or more) goes to the most experienced reps, grade B (40 or more) to the others in turn, and the rest go to the pool for nurturing.',
  },
  // The condition values (展会, 软件 …) match the sample leads' data, so they stay as they are.
  document: localisedFlow((text) =>
    flowDocument(
      'template-score-and-grade',
      text('评分分级', 'Score and grade'),
      [
        node('source', 'source', 0, 1),
        node('score', 'score', 1, 1, {
          field: 'score',
          base: 0,
          rules: [
            {
              label: text('展会或转介绍', 'Trade show or referral'),
              condition: { in: [{ var: 'source' }, ['展会', '转介绍']] },
              points: 30,
            },
            {
              label: text('官网咨询', 'Website enquiry'),
              condition: { '==': [{ var: 'source' }, '官网'] },
              points: 20,
            },
            {
              label: text('预算 20 万以上', 'Budget of 200,000 yuan or more'),
              condition: { '>=': [{ var: 'budget' }, 20] },
              points: 30,
            },
            {
              label: text('重点行业', 'Key industry'),
              condition: { in: [{ var: 'industry' }, ['软件', '制造', '金融']] },
              points: 20,
            },
            {
              label: text('留了邮箱', 'Left an e-mail address'),
              condition: { '!!': [{ var: 'email' }] },
              points: 10,
            },
          ],
        }),
        node('grade', 'branch', 2, 1, {
          cases: [
            {
              id: 'a',
              label: text('A 级', 'Grade A'),
              condition: { '>=': [{ var: 'score' }, 70] },
            },
            {
              id: 'b',
              label: text('B 级', 'Grade B'),
              condition: { '>=': [{ var: 'score' }, 40] },
            },
          ],
        }),
        node('senior', 'leastLoaded', 3, 0, { assignees: assignees(eastTeam.slice(0, 2)) }),
        node('others', 'roundRobin', 3, 1, { assignees: assignees(eastTeam.slice(2)) }),
        node('nurture', 'pool', 4, 2, {
          reason: text('低分线索，进入培育', 'low score, for nurturing'),
        }),
      ],
      [
        edge('source', 'out', 'score'),
        edge('score', 'out', 'grade'),
        edge('grade', 'a', 'senior'),
        edge('grade', 'b', 'others'),
        edge('grade', 'else', 'nurture'),
        edge('senior', 'overflow', 'others'),
        edge('others', 'overflow', 'nurture'),
      ],
    ),
  ),
  reps: eastTeam,
  leads: { profile: 'b2b', count: 200, seed: 303 },
};

const southTeam = sampleRepsOf('华南组');
const activeSouthTeam = activeSampleRepsOf('华南组');

export const collisionProtection: FlowTemplate = {
  id: 'collision-protection',
  name: { 'zh-CN': '撞单保护', en: 'Collision protection' },
  description: {
    'zh-CN':
      '按手机、邮箱和公司名识别重复线索：客户名单里已有负责人的客户直接交还原负责人，负责人已离职的重复线索进入公海，新线索在华南组内轮询。模板附带一份示例客户名单。',
    en: 'Duplicates are recognised by phone, email and company name. A customer who already has an owner in the customer list goes back to that owner, duplicates whose owner has left go to the pool, and new leads are shared in turn within the South China team. A sample customer list comes with the template.',
  },
  document: localisedFlow((text) =>
    flowDocument(
      'template-collision-protection',
      text('撞单保护', 'Collision protection'),
      [
        node('source', 'source', 0, 0),
        node('dedup', 'dedup', 1, 0, {
          keys: ['phone', 'email', 'company'],
          assignExistingOwner: true,
        }),
        node('rotation', 'roundRobin', 2, 0, { assignees: assignees(activeSouthTeam) }),
        node('duplicates', 'pool', 2, 1, { reason: text('重复线索', 'duplicate lead') }),
        node('full', 'pool', 3, 0, { reason: text('销售已满额', 'every rep is full') }),
      ],
      [
        edge('source', 'out', 'dedup'),
        edge('dedup', 'unique', 'rotation'),
        edge('dedup', 'duplicate', 'duplicates'),
        edge('rotation', 'overflow', 'full'),
      ],
    ),
  ),
  reps: southTeam,
  leads: { profile: 'b2b', count: 200, seed: 404, duplicateShare: 0.15 },
  owners: { seed: 414, matched: 24, unmatched: 36, ownerIds: southTeam.map((rep) => rep.id) },
};

const northTeam = sampleRepsOf('华北组');

export const dailyCaps: FlowTemplate = {
  id: 'daily-caps',
  name: { 'zh-CN': '每日上限与溢出', en: 'Daily caps with overflow' },
  description: {
    'zh-CN':
      '每天最多分出 60 条线索，每位销售还有自己的每日上限；超出的线索当天进入公海，第二天（北京时间零点起）重新计数。',
    en: 'At most 60 leads a day are handed out, and every rep also has a daily cap. Leads beyond either limit go to the pool; the count starts again at midnight Beijing time.',
  },
  document: localisedFlow((text) =>
    flowDocument(
      'template-daily-caps',
      text('每日上限与溢出', 'Daily caps with overflow'),
      [
        node('source', 'source', 0, 0),
        node('quota', 'quota', 1, 0, { limit: 60, period: 'day' }),
        node('rotation', 'roundRobin', 2, 0, { assignees: assignees(northTeam) }),
        node('overDaily', 'pool', 2, 1, { reason: text('超出今日配额', "over today's quota") }),
        node('repsFull', 'pool', 3, 0, {
          reason: text('销售今日已满', 'every rep is full for today'),
        }),
      ],
      [
        edge('source', 'out', 'quota'),
        edge('quota', 'within', 'rotation'),
        edge('quota', 'overflow', 'overDaily'),
        edge('rotation', 'overflow', 'repsFull'),
      ],
    ),
  ),
  reps: northTeam,
  // 75 leads a day against the cap of 60, so every full day overflows to the pool.
  leads: { profile: 'b2b', count: 200, seed: 505, leadsPerDay: 75 },
};
