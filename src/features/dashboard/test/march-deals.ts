import type { RepIdentity } from '../owner-match';

/** Reps of a small sales department. */
export const REPS: RepIdentity[] = [
  { id: 'r1', name: '张伟', team: '华东一组' },
  { id: 'r2', name: '王芳', team: '华东一组' },
  { id: 'r3', name: '刘洋', team: '华南组' },
];

/** Deals as a CRM export writes them: mixed date styles, amounts as text, an owner given by id. */
export const DEALS: Record<string, unknown>[] = [
  {
    负责人: '张伟',
    客户: '杭州云启科技有限公司',
    创建日期: '2027-02-20',
    成交日期: '2027-03-03',
    阶段: '赢单',
    金额: 80_000,
    来源: '展会',
  },
  {
    负责人: '张伟',
    客户: '宁波海达贸易有限公司',
    创建日期: '2027/3/2',
    成交日期: '2027-03-10',
    阶段: '赢单',
    金额: '¥25,000',
    来源: '官网',
  },
  {
    负责人: '张伟',
    客户: '苏州明德教育',
    创建日期: '2027-03-05',
    成交日期: '',
    阶段: '方案报价',
    金额: '',
    来源: '官网',
  },
  {
    负责人: '张伟',
    客户: '无锡恒通机械',
    创建日期: '2027-03-08',
    成交日期: '2027-03-12',
    阶段: '输单',
    金额: 60_000,
    来源: '转介绍',
  },
  // 18:00 UTC on 15 March is 02:00 on 16 March in Shanghai.
  {
    负责人: '张伟',
    客户: '上海启航咨询',
    创建日期: '2027-03-01',
    成交日期: '2027-03-15T18:00:00Z',
    阶段: '赢单',
    金额: '1万',
    来源: '展会',
  },
  {
    负责人: '张伟',
    客户: '南京博远软件',
    创建日期: '2027-03-10',
    成交日期: '2027-04-02',
    阶段: '赢单',
    金额: 50_000,
    来源: '官网',
  },
  {
    负责人: ' 王芳 ',
    客户: '合肥新materials',
    创建日期: '2027-03-01',
    成交日期: '2027-03-09',
    阶段: '赢单',
    金额: 200_000,
    来源: '展会',
  },
  {
    负责人: 'r3',
    客户: '广州粤海食品',
    创建日期: '2027-03-12',
    成交日期: '',
    阶段: '初步沟通',
    金额: '',
    来源: '',
  },
  {
    负责人: '老周',
    客户: '深圳前海金融',
    创建日期: '2027-03-03',
    成交日期: '2027-03-04',
    阶段: '赢单',
    金额: 40_000,
    来源: '官网',
  },
];

/** A row whose created date and amount cannot be read. */
export const UNREADABLE_DEAL = {
  负责人: '张伟',
  客户: '福州闽江茶业',
  创建日期: '下周',
  成交日期: '2027-03-06',
  阶段: '赢单',
  金额: '面议',
  来源: '展会',
};

export const DEAL_MAPPING = {
  owner: '负责人',
  createdAt: '创建日期',
  closedAt: '成交日期',
  stage: '阶段',
  amount: '金额',
  source: '来源',
};

/** 2027 monthly targets: 310,000 in each 31-day month, 300,000 in each 30-day month, 280,000 in February. */
const MONTHLY = [
  310_000, 280_000, 310_000, 300_000, 310_000, 300_000, 310_000, 310_000, 300_000, 310_000, 300_000,
  310_000,
];

export const TARGETS = new Map([
  [2027, { 'rep:r1': MONTHLY, 'rep:r2': MONTHLY, 'rep:r3': MONTHLY.map((value) => value / 2) }],
]);
