import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { writeFilesAtomically } from '../src/allocate/output-files.js';
import { parseMapOption, parseNowOption } from '../src/allocate/parse-options.js';
import { buildResultTable, neutraliseFormula, writeResultCsv } from '@sras/import';
import { createContext } from '../src/cli-context.js';
import { resolveLanguage } from '../src/cli-language.js';

const context = createContext(
  { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: tmpdir(), stderrIsTty: false },
  'en',
);

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+86 138', '-5', '@SUM(A1)', '\tx', '\rx'])(
    'prefixes %j with a quote',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    },
  );

  it('leaves other cells alone', () => {
    expect(neutraliseFormula('张三=经理')).toBe('张三=经理');
    expect(neutraliseFormula('0571-88886666')).toBe('0571-88886666');
  });
});

describe('writeResultCsv', () => {
  it('writes a byte order mark, CRLF and quoted fields', () => {
    const bytes = writeResultCsv(
      ['名称', '备注'],
      [
        ['A公司', 'x, "y"\nz'],
        ['B', '=1'],
      ],
    );

    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(
      '\uFEFF名称,备注\r\nA公司,"x, ""y""\nz"\r\nB,\'=1\r\n',
    );
  });
});

describe('parseMapOption', () => {
  it('reads half- and full-width separators', () => {
    expect(parseMapOption(context, '手机号码=phone，区域＝province')).toEqual({
      手机号码: 'phone',
      区域: 'province',
    });
  });

  it('rejects an item without a field', () => {
    expect(() => parseMapOption(context, '手机号码')).toThrow(
      '"手机号码" is not of the form 列名=field',
    );
  });
});

describe('parseNowOption', () => {
  it('accepts ISO and local times and rejects others', () => {
    expect(parseNowOption(context, '2026-05-06 10:00')).toBe('2026-05-06 10:00');
    expect(parseNowOption(context, '2026-05-06T10:00:00+08:00')).toBe('2026-05-06T10:00:00+08:00');
    expect(() => parseNowOption(context, 'tomorrow')).toThrow('--now: "tomorrow" is not a time');
  });
});

describe('buildResultTable', () => {
  it('adds owner columns and node-written fields after the input columns', () => {
    const table = buildResultTable(
      ['姓名', 'score'],
      [{ 姓名: '张三', score: 5 }],
      [
        {
          ownerId: 'r1',
          route: ['src:out', 'rr:overflow'],
          reason: 'assigned',
          reasonText: 'ok',
          fields: { score: 80, grade: 'A' },
        },
      ],
      [{ id: 'r1', name: '张伟' }],
    );

    expect(table.header).toEqual([
      '姓名',
      'score',
      'owner_id',
      'owner_name',
      'route',
      'reason',
      'reason_text',
      'score_result',
      'grade',
    ]);
    expect(table.rows).toEqual([
      ['张三', '5', 'r1', '张伟', 'src:out > rr:overflow', 'assigned', 'ok', '80', 'A'],
    ]);
  });
});

describe('writeFilesAtomically', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every file and leaves no temporary file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sras-write-'));

    await writeFilesAtomically([
      { path: join(dir, 'a.csv'), displayName: 'a.csv', data: 'a' },
      { path: join(dir, 'b.json'), displayName: 'b.json', data: 'b' },
    ]);

    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.json']);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe('b');
  });

  it('writes nothing when one file fails', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sras-write-'));

    const write = writeFilesAtomically([
      { path: join(dir, 'a.csv'), displayName: 'a.csv', data: 'a' },
      { path: join(dir, 'missing-dir', 'b.json'), displayName: 'missing-dir/b.json', data: 'b' },
    ]);

    await expect(write).rejects.toMatchObject({ file: 'missing-dir/b.json' });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('resolveLanguage', () => {
  it('prefers --lang, then the locale variables', () => {
    expect(resolveLanguage('zh-CN', { LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(resolveLanguage('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(resolveLanguage(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(resolveLanguage(undefined, { LC_ALL: 'en_US', LANG: 'zh_CN' })).toBe('en');
    expect(resolveLanguage(undefined, {})).toBe('en');
  });
});
