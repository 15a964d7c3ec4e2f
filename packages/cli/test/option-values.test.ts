import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

import { describe, expect, it } from 'vitest';

import { checkMapFields, parseNowOption } from '../src/allocate/parse-options.js';
import { createContext } from '../src/cli-context.js';
import { isSupportedLanguage } from '../src/cli-language.js';
import { chineseLeadsCsv, generateChineseLeads } from './chinese-leads.js';
import { filesIn, runSras, useWorkDirectories } from './cli-helpers.js';

const io = {
  stdout: () => undefined,
  stderr: () => undefined,
  env: {},
  cwd: tmpdir(),
  stderrIsTty: false,
};
const english = createContext(io, 'en');
const chinese = createContext(io, 'zh-CN');
const setUp = useWorkDirectories();

describe('parseNowOption', () => {
  it('rejects a day the month does not have', () => {
    expect(() => parseNowOption(english, '2027-02-30')).toThrow(
      '--now: "2027-02-30" is not a date in the calendar: 2027-2 has 28 days.',
    );
    expect(() => parseNowOption(english, '2026/4/31 09:00')).toThrow('2026-4 has 30 days');
    expect(() => parseNowOption(english, '2026-05-00')).toThrow('2026-5 has 31 days');
  });

  it('accepts the 29th of February in a leap year only', () => {
    expect(parseNowOption(english, '2028-02-29')).toBe('2028-02-29');
    expect(() => parseNowOption(english, '2100-02-29')).toThrow('2100-2 has 28 days');
  });

  it('rejects a month, a time of day and an offset out of range', () => {
    expect(() => parseNowOption(english, '2026-13-01')).toThrow('has month 13');
    expect(() => parseNowOption(english, '2026-05-01 24:00')).toThrow('outside 00:00 to 23:59:59');
    expect(() => parseNowOption(english, '2026-05-01 09:60')).toThrow('outside 00:00 to 23:59:59');
    expect(() => parseNowOption(english, '2026-05-01T09:00:00+25:00')).toThrow(
      'the UTC offset +25:00',
    );
    expect(() => parseNowOption(english, '2026-05-01T09:00:00+08:75')).toThrow('UTC offset');
  });

  it('rejects an offset without a time of day, which the engine cannot read', () => {
    expect(() => parseNowOption(english, '2026-05-01+08:00')).toThrow('is not a time');
  });

  it('accepts real times with and without an offset', () => {
    expect(parseNowOption(english, '2026-05-01T23:59:59.999-12:00')).toBe(
      '2026-05-01T23:59:59.999-12:00',
    );
    expect(parseNowOption(english, '2026-05-01T09:30:00+14:00')).toBe('2026-05-01T09:30:00+14:00');
    expect(parseNowOption(english, '2026-05-01T01:30Z')).toBe('2026-05-01T01:30Z');
  });

  it('words the problem in Chinese for a Chinese user', () => {
    expect(() => parseNowOption(chinese, '2027-02-30')).toThrow(
      '--now：“2027-02-30”不是日历上的日期：2027 年 2 月只有 28 天。',
    );
  });
});

describe('checkMapFields', () => {
  const flow = {
    nodes: [{ id: 'f', type: 'filter', data: { condition: { '==': [{ var: 'budget' }, 1] } } }],
  } as unknown as Parameters<typeof checkMapFields>[2];

  it('accepts standard fields and the fields the flow reads', () => {
    expect(() => checkMapFields(english, { 手机: 'phone', 预算: 'budget' }, flow)).not.toThrow();
  });

  it('rejects an unknown field and lists the valid ones', () => {
    expect(() => checkMapFields(english, { 手机: 'nosuch' }, flow)).toThrow(
      /--map: "手机=nosuch" maps to "nosuch", which is not a lead field\. Use one of: id, name, phone,.*budget\./,
    );
    expect(() => checkMapFields(chinese, { 手机: 'Phone' }, null)).toThrow(
      '--map：“手机=Phone”映射到“Phone”，这不是线索字段。',
    );
  });
});

describe('isSupportedLanguage', () => {
  it('accepts Chinese and English in their regional forms', () => {
    for (const value of ['zh', 'zh-CN', 'zh_CN.UTF-8', 'en', 'en-US', 'EN']) {
      expect(isSupportedLanguage(value)).toBe(true);
    }
  });

  it('rejects other languages', () => {
    for (const value of ['fr', 'ja-JP', 'english', ''])
      expect(isSupportedLanguage(value)).toBe(false);
  });
});

describe('sras option values', () => {
  const allocate = ['allocate', '--flow', 'china-flow.json', '--reps', 'china-reps.csv'];

  function setUpLeads(): string {
    const dir = setUp(['china-flow.json', 'china-reps.csv']);
    writeFileSync(join(dir, 'leads.csv'), chineseLeadsCsv(generateChineseLeads(5)));
    return dir;
  }

  it('rejects an impossible --now in Chinese under a Chinese LANG and writes nothing', async () => {
    const dir = setUpLeads();

    const run = await runSras(
      [...allocate, '--leads', 'leads.csv', '--out', 'out.csv', '--now', '2027-02-30'],
      dir,
      { LANG: 'zh_CN.UTF-8' },
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--now：“2027-02-30”不是日历上的日期');
    expect(run.stderr).not.toMatch(/expected|epoch/);
    expect(filesIn(dir)).not.toContain('out.csv');
  });

  it('rejects a --map to an unknown field and names it', async () => {
    const dir = setUpLeads();

    const run = await runSras(
      [...allocate, '--leads', 'leads.csv', '--out', 'out.csv', '--map', '手机=nosuch'],
      dir,
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"手机=nosuch" maps to "nosuch", which is not a lead field');
    expect(run.stderr).toContain('phone, tel, email');
    expect(filesIn(dir)).not.toContain('out.csv');
  });

  it('rejects a --map to an unknown field in validate too', async () => {
    const dir = setUpLeads();

    const run = await runSras(
      ['validate', 'china-flow.json', '--leads', 'leads.csv', '--map', '手机=nosuch'],
      dir,
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('which is not a lead field');
  });

  it('rejects an unsupported --lang in the language of the environment', async () => {
    const dir = setUpLeads();

    const english = await runSras(['validate', 'china-flow.json', '--lang', 'fr'], dir);
    const chinese = await runSras(['validate', 'china-flow.json', '--lang=fr'], dir, {
      LANG: 'zh_CN.UTF-8',
    });

    expect(english.code).toBe(2);
    expect(english.stderr).toContain('--lang: "fr" is not a supported language. Use zh-CN');
    expect(chinese.code).toBe(2);
    expect(chinese.stderr).toContain('--lang：不支持“fr”');
  });
});
