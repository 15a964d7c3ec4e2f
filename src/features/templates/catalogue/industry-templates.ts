import type { FlowTemplate } from '../template.types';
import { sampleRepsById, sampleRepsOf } from '../sample-reps';
import { assignees, edge, flowDocument, localisedFlow, node } from './flow-builder';

const advisers = sampleRepsOf('招生顾问组');

export const educationEnrolment: FlowTemplate = {
  id: 'education-enrolment',
  name: { 'zh-CN': '教育招生季', en: 'Education enrolment season' },
  description: {
    'zh-CN':
      '招生旺季的咨询先去重，再按意向课程分流：中小学课程按城市限量后轮询给招生顾问，考研和职业资格课程交给负载最低的顾问。',
    en: 'In the enrolment season, enquiries are deduplicated first and then split by course: school courses are capped per city and shared in turn among the advisers, and postgraduate and professional courses go to the adviser with the lowest load.',
  },
  // The course values (小学, 考研 …) match the sample leads' data, so they stay as they are.
  document: localisedFlow((text) =>
    flowDocument(
      'template-education-enrolment',
      text('教育招生季', 'Education enrolment season'),
      [
        node('source', 'source', 0, 1),
        node('dedup', 'dedup', 1, 1, { keys: ['phone'], assignExistingOwner: true }),
        node('course', 'branch', 2, 1, {
          cases: [
            {
              id: 'school',
              label: text('中小学', 'School'),
              condition: { in: [{ var: 'course' }, ['小学', '初中', '高中']] },
            },
            {
              id: 'adult',
              label: text('考研与职业资格', 'Postgraduate and professional'),
              condition: { in: [{ var: 'course' }, ['考研', '职业资格']] },
            },
          ],
        }),
        node('cityQuota', 'quota', 3, 0, { limit: 8, period: 'day', per: 'city' }),
        node('schoolAdvisers', 'roundRobin', 4, 0, {
          assignees: assignees(advisers.slice(0, 3)),
        }),
        node('adultAdvisers', 'leastLoaded', 4, 1, { assignees: assignees(advisers.slice(1, 3)) }),
        node('duplicates', 'pool', 2, 2, { reason: text('重复咨询', 'repeated enquiry') }),
        node('later', 'pool', 5, 1, { reason: text('稍后回访', 'call back later') }),
      ],
      [
        edge('source', 'out', 'dedup'),
        edge('dedup', 'unique', 'course'),
        edge('dedup', 'duplicate', 'duplicates'),
        edge('course', 'school', 'cityQuota'),
        edge('course', 'adult', 'adultAdvisers'),
        edge('course', 'else', 'later'),
        edge('cityQuota', 'within', 'schoolAdvisers'),
        edge('cityQuota', 'overflow', 'later'),
        edge('schoolAdvisers', 'overflow', 'later'),
        edge('adultAdvisers', 'overflow', 'later'),
      ],
    ),
  ),
  reps: advisers,
  leads: { profile: 'education', count: 250, seed: 606, duplicateShare: 0.08 },
  // Returning students, with their adviser; 冯晨 has left, so those enquiries go to the pool.
  owners: { seed: 616, matched: 16, unmatched: 24, ownerIds: advisers.map((rep) => rep.id) },
};

const seniorAdvisers = sampleRepsById('finance-1', 'finance-2');
const juniorAdvisers = sampleRepsById('finance-3', 'finance-4');

export const financeHighValue: FlowTemplate = {
  id: 'finance-high-value',
  name: { 'zh-CN': '金融高净值通道', en: 'Finance high-value lane' },
  description: {
    'zh-CN':
      '按资产规模和来源给客户打分，资产 300 万以上且得分高的客户走高净值通道，交给负载最低的资深理财顾问；其他客户轮询给理财顾问。',
    en: 'Clients are scored by assets and source. Those with assets of 3 million yuan or more and a high score take the high-value lane to the senior adviser with the lowest load; everyone else is shared in turn among the advisers.',
  },
  document: localisedFlow((text) =>
    flowDocument(
      'template-finance-high-value',
      text('金融高净值通道', 'Finance high-value lane'),
      [
        node('source', 'source', 0, 1),
        node('score', 'score', 1, 1, {
          field: 'score',
          base: 0,
          rules: [
            {
              label: text('资产 1000 万以上', 'Assets of 10 million yuan or more'),
              condition: { '>=': [{ var: 'assets' }, 1000] },
              points: 60,
            },
            {
              label: text('资产 300 万以上', 'Assets of 3 million yuan or more'),
              condition: { '>=': [{ var: 'assets' }, 300] },
              points: 40,
            },
            {
              label: text('转介绍', 'Referral'),
              condition: { '==': [{ var: 'source' }, '转介绍'] },
              points: 20,
            },
            {
              label: text('意向家族信托或私募', 'Interested in a family trust or private fund'),
              condition: { in: [{ var: 'product' }, ['家族信托', '私募基金']] },
              points: 20,
            },
          ],
        }),
        node('highValue', 'filter', 2, 1, {
          condition: {
            and: [{ '>=': [{ var: 'assets' }, 300] }, { '>=': [{ var: 'score' }, 60] }],
          },
        }),
        node('senior', 'leastLoaded', 3, 0, { assignees: assignees(seniorAdvisers) }),
        node('advisers', 'roundRobin', 3, 2, { assignees: assignees(juniorAdvisers) }),
        node('pool', 'pool', 4, 1, { reason: text('顾问已满额', 'every adviser is full') }),
      ],
      [
        edge('source', 'out', 'score'),
        edge('score', 'out', 'highValue'),
        edge('highValue', 'match', 'senior'),
        edge('highValue', 'else', 'advisers'),
        edge('senior', 'overflow', 'advisers'),
        edge('advisers', 'overflow', 'pool'),
      ],
    ),
  ),
  reps: [...seniorAdvisers, ...juniorAdvisers],
  leads: { profile: 'finance', count: 200, seed: 707 },
};
