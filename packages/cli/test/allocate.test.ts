import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { importFile } from '@sras/import';

import { chineseLeadsCsv, expectedOwners, generateChineseLeads } from './chinese-leads.js';
import {
  columnValues,
  filesIn,
  readResult,
  runSras,
  useWorkDirectories,
  type SrasRun,
} from './cli-helpers.js';

const NOW = '2026-05-06 10:00';
/** The first 20 kB of a Linux program, saved under a .csv name. */
const PROGRAM_RENAMED_CSV = new URL(
  '../../import/test/fixtures/program-renamed.csv',
  import.meta.url,
);
const setUp = useWorkDirectories();

describe('sras allocate on a GB18030 Chinese export', () => {
  const leads = generateChineseLeads(300);
  const chinaArgs = ['allocate', '--flow', 'china-flow.json', '--reps', 'china-reps.csv'];

  /** Writes the generated leads as leads.csv and runs `sras allocate` on them at NOW. */
  async function allocateChina(extra: string[]): Promise<{ dir: string; run: SrasRun }> {
    const dir = setUp(['china-flow.json', 'china-reps.csv']);
    writeFileSync(join(dir, 'leads.csv'), chineseLeadsCsv(leads));
    const run = await runSras([...chinaArgs, '--leads', 'leads.csv', '--now', NOW, ...extra], dir);
    return { dir, run };
  }

  it('writes every lead with its owner, Chinese text and leading zeros intact', async () => {
    const { dir, run } = await allocateChina(['--out', 'result.csv']);

    expect(run.stderr).toContain('GB18030');
    expect(run.code).toBe(0);
    const result = await readResult(join(dir, 'result.csv'));
    expect(result.encoding?.reason).toBe('bom');
    expect(result.rows).toHaveLength(300);
    expect(columnValues(result, '客户名称')).toEqual(leads.map((lead) => lead.company));
    expect(columnValues(result, '座机')).toEqual(leads.map((lead) => lead.landline));
    expect(columnValues(result, '座机').every((value) => value.startsWith('0'))).toBe(true);
    expect(columnValues(result, 'owner_id')).toEqual(expectedOwners(leads));
  });

  it('warns on stderr about a rule that orders phone numbers as numbers, and still allocates', async () => {
    const { dir } = await allocateChina(['--out', 'first.csv']);
    const flow = JSON.parse(readFileSync(join(dir, 'china-flow.json'), 'utf8')) as {
      nodes: unknown[];
      edges: { id: string; source: string; sourceHandle: string; target: string }[];
    };
    flow.nodes.push({
      id: 'mobiles',
      type: 'filter',
      position: { x: 100, y: 0 },
      data: { condition: { '>=': [{ var: 'phone' }, 13_000_000_000] } },
    });
    flow.edges[0]!.target = 'mobiles';
    flow.edges.push(
      { id: 'm1', source: 'mobiles', sourceHandle: 'match', target: 'dedup' },
      { id: 'm2', source: 'mobiles', sourceHandle: 'else', target: 'dedup' },
    );
    writeFileSync(join(dir, 'china-flow.json'), JSON.stringify(flow));

    const run = await runSras(
      [...chinaArgs, '--leads', 'leads.csv', '--now', NOW, '--out', 'result.csv'],
      dir,
    );

    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^warning node mobiles \(data\.condition\): .*"phone"/m);
    expect((await readResult(join(dir, 'result.csv'))).rows).toHaveLength(300);
  });

  it('lays out the result file with the input columns first and CRLF line ends', async () => {
    const { dir } = await allocateChina(['--out', 'result.csv']);

    const bytes = readFileSync(join(dir, 'result.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFF客户名称,联系人,手机,座机,省份,城市,来源,备注,owner_id,owner_name,route,reason,reason_text',
    );
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  it('neutralises cells that a spreadsheet would run as formulas', async () => {
    const { dir } = await allocateChina(['--out', 'result.csv']);

    const result = await readResult(join(dir, 'result.csv'));
    const remarks = columnValues(result, '备注');
    expect(remarks[3]).toBe('\'=HYPERLINK("http://example.com","点我")');
    expect(remarks.filter((remark) => remark.startsWith('='))).toEqual([]);
  });

  it('names owners, routes and reasons in the chosen language', async () => {
    const { dir } = await allocateChina(['--out', 'result.csv', '--lang', 'zh-CN']);

    const result = await readResult(join(dir, 'result.csv'));
    const first = result.rows[0]?.values;
    expect(first?.owner_name).toBe('张伟');
    expect(first?.route).toBe('src:out > dedup:unique > region:east > eastQuota:within');
    expect(first?.reason).toBe('assigned');
    expect(String(first?.reason_text)).toContain('张伟');
    const overQuota = result.rows.find(
      (row) => row.values.reason === 'pool' && String(row.values.reason_text).includes('超出配额'),
    );
    expect(overQuota).toBeDefined();
  });

  it('writes the summary counts', async () => {
    const { dir } = await allocateChina(['--out', 'result.csv', '--summary', 'summary.json']);

    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const owners = expectedOwners(leads);
    expect(Object.keys(summary)).toEqual([
      'total',
      'assigned',
      'unassigned',
      'skippedRows',
      'byRep',
      'byNode',
      'byEdge',
      'unassignedByReason',
    ]);
    expect(summary.total).toBe(300);
    expect(summary.assigned).toBe(owners.filter((owner) => owner !== '').length);
    expect(summary.unassigned).toBe(owners.filter((owner) => owner === '').length);
    expect(summary.skippedRows).toBe(0);
    expect((summary.byRep as Record<string, number>).r1).toBe(
      owners.filter((owner) => owner === 'r1').length,
    );
    expect((summary.byEdge as Record<string, number>).e1).toBe(300);
  });

  it('gives the same owners in two batches carried over by the state file', async () => {
    const { dir, run: whole } = await allocateChina(['--out', 'whole.csv']);
    writeFileSync(join(dir, 'part1.csv'), chineseLeadsCsv(leads.slice(0, 130)));
    writeFileSync(join(dir, 'part2.csv'), chineseLeadsCsv(leads.slice(130)));
    const base = [...chinaArgs, '--now', NOW];

    const first = await runSras(
      [...base, '--leads', 'part1.csv', '--out', 'part1-result.csv', '--save-state', 'state.json'],
      dir,
    );
    const second = await runSras(
      [
        ...base,
        '--leads',
        'part2.csv',
        '--out',
        'part2-result.csv',
        '--state',
        'state.json',
        '--save-state',
        'state.json',
      ],
      dir,
    );

    expect([whole.code, first.code, second.code]).toEqual([0, 0, 0]);
    const wholeOwners = columnValues(await readResult(join(dir, 'whole.csv')), 'owner_id');
    const splitOwners = [
      ...columnValues(await readResult(join(dir, 'part1-result.csv')), 'owner_id'),
      ...columnValues(await readResult(join(dir, 'part2-result.csv')), 'owner_id'),
    ];
    expect(splitOwners).toEqual(wholeOwners);
  });

  it('writes an xlsx result whose cells are text', async () => {
    const { dir, run } = await allocateChina(['--out', 'result.xlsx']);

    expect(run.code).toBe(0);
    const result = await importFile(new Uint8Array(readFileSync(join(dir, 'result.xlsx'))), {
      headerRow: 1,
    });
    expect(result.format).toBe('xlsx');
    expect(result.rows).toHaveLength(300);
    expect(columnValues(result, '座机')).toEqual(leads.map((lead) => lead.landline));
    expect(columnValues(result, '手机')[0]).toBe(leads[0]?.mobile);
    expect(columnValues(result, 'owner_id')).toEqual(expectedOwners(leads));
  });

  it('assigns a lead of an existing customer to its owner', async () => {
    const dir = setUp(['china-flow.json', 'china-reps.csv']);
    writeFileSync(join(dir, 'leads.csv'), chineseLeadsCsv(leads));
    writeFileSync(join(dir, 'owners.csv'), `手机,负责人\r\n${leads[0]?.mobile},r4\r\n`);

    await runSras(
      [
        ...chinaArgs,
        '--leads',
        'leads.csv',
        '--existing',
        'owners.csv',
        '--out',
        'result.csv',
        '--now',
        NOW,
      ],
      dir,
    );

    const result = await readResult(join(dir, 'result.csv'));
    expect(result.rows[0]?.values.owner_id).toBe('r4');
    expect(result.rows[0]?.values.reason).toBe('existing-owner');
  });
});

describe('sras allocate on xeducation_Leads.csv', () => {
  it('allocates 9,240 leads with the Mumbai quota and the 3:1 weighted round robin', async () => {
    const dir = setUp(['xeducation-flow.json', 'xeducation-reps.json', 'xeducation_Leads.csv']);

    const run = await runSras(
      [
        'allocate',
        '--flow',
        'xeducation-flow.json',
        '--leads',
        'xeducation_Leads.csv',
        '--reps',
        'xeducation-reps.json',
        '--out',
        'result.csv',
        '--now',
        '2026-05-06T10:00:00+05:30',
        '--summary',
        'summary.json',
      ],
      dir,
    );

    expect(run.code).toBe(0);
    expect(run.stderr).toContain('13380');
    const result = await readResult(join(dir, 'result.csv'));
    expect(result.rows).toHaveLength(9240);
    const cities = columnValues(result, 'City');
    const owners = columnValues(result, 'owner_id');
    const mumbai = owners.filter((_owner, index) => cities[index] === 'Mumbai');
    expect(mumbai.slice(0, 1000).filter((owner) => owner === 'priya')).toHaveLength(750);
    expect(mumbai.slice(0, 1000).filter((owner) => owner === 'arjun')).toHaveLength(250);
    expect(mumbai.slice(1000).every((owner) => owner === '')).toBe(true);
    expect(cities.filter((city) => city === 'Select')).toHaveLength(0);
    const maharashtra = owners.filter(
      (_owner, index) =>
        cities[index] === 'Thane & Outskirts' || cities[index] === 'Other Cities of Maharashtra',
    );
    expect(new Set(maharashtra)).toEqual(new Set(['meera', 'rahul']));
    expect(
      owners.filter((_owner, index) => cities[index] === '').every((owner) => owner === ''),
    ).toBe(true);
    expect(columnValues(result, 'Prospect ID')[0]).toBe('7927b2df-8bba-4d29-b9a2-b6e0beafe620');
  });
});

describe('sras allocate on JSON leads', () => {
  const jsonLeads = [
    { 线索编号: 'J1', 省份: '江苏', 手机号码: '013800000001' },
    { 线索编号: 'J2', 省份: '广东', 手机号码: '013800000002' },
    { 线索编号: 'J3', 省份: '江苏', 手机号码: '013800000001' },
  ];

  async function allocateJson(extra: string[]): Promise<{ dir: string; run: SrasRun }> {
    const dir = setUp(['china-flow.json', 'china-reps.csv']);
    writeFileSync(join(dir, 'leads.json'), JSON.stringify(jsonLeads));
    const run = await runSras(
      [
        'allocate',
        '--flow',
        'china-flow.json',
        '--reps',
        'china-reps.csv',
        '--leads',
        'leads.json',
        '--out',
        'result.csv',
        '--now',
        NOW,
        ...extra,
      ],
      dir,
    );
    return { dir, run };
  }

  it('applies --map to the keys of JSON leads', async () => {
    const { dir, run } = await allocateJson(['--map', '省份=province,手机号码=phone']);
    const result = await readResult(join(dir, 'result.csv'));
    const routes = columnValues(result, 'route');

    expect(run.code, run.stderr).toBe(0);
    expect(routes[0]).toContain('region:east');
    expect(routes[1]).toContain('region:south');
    // The third lead repeats the first one's phone, which dedup now reads.
    expect(columnValues(result, 'reason')[2]).toBe('existing-owner');
    expect(columnValues(result, 'owner_id')[2]).toBe(columnValues(result, 'owner_id')[0]);
    expect(columnValues(result, '手机号码')).toEqual([
      '013800000001',
      '013800000002',
      '013800000001',
    ]);
  });

  it('reads JSON keys without --map as they are', async () => {
    const { dir, run } = await allocateJson([]);
    const routes = columnValues(await readResult(join(dir, 'result.csv')), 'route');

    expect(run.code, run.stderr).toBe(0);
    expect(routes.every((route) => route.includes('region:else'))).toBe(true);
  });

  it('rejects a --map key that no JSON lead has', async () => {
    const { dir, run } = await allocateJson(['--map', '电话=phone']);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'leads.json: The mapping names the column "电话", which the file does not have. Its columns are: 线索编号, 省份, 手机号码.',
    );
    expect(filesIn(dir)).toEqual(['china-flow.json', 'china-reps.csv', 'leads.json']);
  });
});

describe('sras allocate with invalid input', () => {
  const base = [
    'allocate',
    '--flow',
    'china-flow.json',
    '--leads',
    'leads.csv',
    '--out',
    'result.csv',
    '--summary',
    'summary.json',
    '--save-state',
    'state.json',
    '--now',
    NOW,
  ];

  async function runWithReps(
    reps: string,
  ): Promise<{ dir: string; run: Awaited<ReturnType<typeof runSras>> }> {
    const dir = setUp(['china-flow.json']);
    writeFileSync(join(dir, 'leads.csv'), chineseLeadsCsv(generateChineseLeads(20)));
    writeFileSync(join(dir, 'reps.csv'), reps);
    return { dir, run: await runSras([...base, '--reps', 'reps.csv'], dir) };
  }

  it('rejects a rep weight that is not a number and writes nothing', async () => {
    const { dir, run } = await runWithReps('id,name,weight\r\nr1,A,1\r\nr2,B,abc\r\n');

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('reps.csv: Row 3: weight "abc" is not a number greater than 0.');
    expect(filesIn(dir)).toEqual(['china-flow.json', 'leads.csv', 'reps.csv']);
  });

  it('rejects malformed leave dates with the column name', async () => {
    const { run } = await runWithReps('编号,姓名,休假\r\nr1,张伟,2026-12-03~2026-12-01\r\n');

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'reps.csv: Row 2: 休假 part "2026-12-03~2026-12-01" is not a day or a range of days.',
    );
  });

  it('rejects duplicate rep ids', async () => {
    const { run } = await runWithReps('id,name\r\nr1,A\r\nr1,B\r\n');

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('reps.csv: Row 3: id "r1" is already used in row 2.');
  });

  it('rejects a flow whose nodes name reps the team lacks', async () => {
    const { dir, run } = await runWithReps('id,name\r\nr1,A\r\n');

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('node eastRobin');
    expect(filesIn(dir)).toEqual(['china-flow.json', 'leads.csv', 'reps.csv']);
  });

  it('rejects a flow file off the schema in Chinese and writes nothing', async () => {
    const dir = setUp(['china-flow.json', 'china-reps.csv']);
    writeFileSync(join(dir, 'leads.csv'), chineseLeadsCsv(generateChineseLeads(5)));
    const flow = JSON.parse(readFileSync(join(dir, 'china-flow.json'), 'utf8')) as {
      nodes: Record<string, unknown>[];
    };
    delete flow.nodes[0]!.type;
    writeFileSync(join(dir, 'china-flow.json'), JSON.stringify(flow));

    const run = await runSras([...base, '--reps', 'china-reps.csv', '--lang', 'zh-CN'], dir);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/节点"[^"]+"的节点类型（type）缺失。请在文件中补上/);
    expect(run.stderr).not.toContain('Invalid input');
    expect(filesIn(dir)).toEqual(['china-flow.json', 'china-reps.csv', 'leads.csv']);
  });

  it('rejects a mapping that names a missing column and lists the columns', async () => {
    const dir = setUp(['china-flow.json', 'china-reps.csv']);
    writeFileSync(join(dir, 'leads.csv'), chineseLeadsCsv(generateChineseLeads(5)));

    const run = await runSras(
      [
        ...base.map((arg) => (arg === 'leads.csv' ? 'leads.csv' : arg)),
        '--reps',
        'china-reps.csv',
        '--map',
        '电话号码=phone',
      ],
      dir,
    );

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('leads.csv: The mapping names the column "电话号码"');
    expect(run.stderr).toContain('客户名称, 联系人, 手机');
  });

  it('rejects a missing leads file by name', async () => {
    const dir = setUp(['china-flow.json', 'china-reps.csv']);

    const run = await runSras([...base, '--reps', 'china-reps.csv'], dir);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('leads.csv: file not found');
  });

  it('rejects a binary leads file and writes nothing', async () => {
    const dir = setUp(['china-flow.json', 'china-reps.csv']);
    writeFileSync(join(dir, 'leads.csv'), readFileSync(PROGRAM_RENAMED_CSV));

    const run = await runSras([...base, '--reps', 'china-reps.csv'], dir);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('leads.csv: This file is not a text spreadsheet');
    expect(filesIn(dir)).toEqual(['china-flow.json', 'china-reps.csv', 'leads.csv']);
  });

  it('rejects a leads file with a header and no data rows and writes nothing', async () => {
    const dir = setUp(['china-flow.json', 'china-reps.csv']);
    writeFileSync(join(dir, 'leads.csv'), '客户名称,联系人,手机\r\n');

    const run = await runSras([...base, '--reps', 'china-reps.csv'], dir, { LANG: 'zh_CN.UTF-8' });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('文件只有表头（第 1 行），没有数据行');
    expect(filesIn(dir)).toEqual(['china-flow.json', 'china-reps.csv', 'leads.csv']);
  });

  it('words a bad field of a JSON team in both languages', async () => {
    const dir = setUp(['china-flow.json']);
    writeFileSync(join(dir, 'leads.csv'), chineseLeadsCsv(generateChineseLeads(5)));
    const reps = ['张伟', '李娜', '王芳', '赵强', '陈静', '刘洋'].map((name, index) => ({
      id: `r${index + 1}`,
      name,
    }));
    reps[1] = { ...reps[1]!, capacity: { day: -1 } } as (typeof reps)[number];
    writeFileSync(join(dir, 'reps.json'), JSON.stringify(reps));

    const english = await runSras([...base, '--reps', 'reps.json'], dir);
    const chinese = await runSras([...base, '--reps', 'reps.json'], dir, { LANG: 'zh_CN.UTF-8' });

    expect(english.code).toBe(1);
    expect(english.stderr).toContain(
      'Error: reps.json: Field "capacity.day" of rep 2 must be 0 or more, but is the number -1. Correct it in the file and run the command again.',
    );
    expect(chinese.stderr).toContain(
      '错误：reps.json：第 2 名销售的字段"capacity.day"应大于或等于 0，但实际是数字 -1。请在文件中修改后重新运行命令。',
    );
    expect(filesIn(dir)).toEqual(['china-flow.json', 'leads.csv', 'reps.json']);
  });

  it('words a bad field of a state file in both languages', async () => {
    const dir = setUp(['china-flow.json', 'china-reps.csv']);
    writeFileSync(join(dir, 'leads.csv'), chineseLeadsCsv(generateChineseLeads(5)));
    const first = await runSras([...base, '--reps', 'china-reps.csv'], dir);
    const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as {
      assigned: Record<string, Record<string, unknown>>;
    };
    const [repId, periods] = Object.entries(state.assigned)[0]!;
    const [period] = Object.keys(periods);
    periods[period!] = 'abc';
    writeFileSync(join(dir, 'old-state.json'), JSON.stringify(state));
    const args = [...base, '--reps', 'china-reps.csv', '--state', 'old-state.json'];

    const english = await runSras(args, dir);
    const chinese = await runSras(args, dir, { LANG: 'zh_CN.UTF-8' });

    expect(first.code, first.stderr).toBe(0);
    expect(english.code).toBe(1);
    expect(english.stderr).toContain(
      `Error: old-state.json: Field "assigned.${repId}.${period}" of the state must be a number, but is the text "abc". Use a file written by --save-state, or leave --state out to start fresh.`,
    );
    expect(chinese.stderr).toContain(
      `错误：old-state.json：状态的字段"assigned.${repId}.${period}"应为数字，但实际是文本"abc"。请使用 --save-state 写出的文件，或去掉 --state 从头开始。`,
    );
  });

  it('says a JSON file of another kind is not a state', async () => {
    const dir = setUp(['china-flow.json', 'china-reps.csv']);
    writeFileSync(join(dir, 'leads.csv'), chineseLeadsCsv(generateChineseLeads(5)));
    writeFileSync(join(dir, 'old-state.json'), JSON.stringify({ format: 'sras.flow' }));

    const run = await runSras(
      [...base, '--reps', 'china-reps.csv', '--state', 'old-state.json'],
      dir,
      { LANG: 'zh_CN.UTF-8' },
    );

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '错误：old-state.json：文件不是分配状态：其"format"不是"sras.state"。请使用 --save-state 写出的文件，或去掉 --state 从头开始。',
    );
  });

  it('rejects a state file that is not JSON', async () => {
    const dir = setUp(['china-flow.json', 'china-reps.csv']);
    writeFileSync(join(dir, 'leads.csv'), chineseLeadsCsv(generateChineseLeads(5)));
    writeFileSync(join(dir, 'old-state.json'), '{ broken');

    const run = await runSras(
      [...base, '--reps', 'china-reps.csv', '--state', 'old-state.json'],
      dir,
    );

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('old-state.json: not valid JSON');
    expect(filesIn(dir)).toEqual([
      'china-flow.json',
      'china-reps.csv',
      'leads.csv',
      'old-state.json',
    ]);
  });

  it('names the place of a JSON fault in Chinese', async () => {
    const dir = setUp(['china-flow.json', 'china-reps.csv']);
    writeFileSync(join(dir, 'leads.csv'), chineseLeadsCsv(generateChineseLeads(5)));
    // Node 20's JSON.parse names no position for this fault.
    writeFileSync(join(dir, 'old-state.json'), '{\n  "format": "sras.state",\n  "version": }\n');

    const run = await runSras(
      [...base, '--reps', 'china-reps.csv', '--state', 'old-state.json'],
      dir,
      { LANG: 'zh_CN.UTF-8' },
    );

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      '错误：old-state.json：第 3 行第 14 列处不是有效的 JSON。请检查该处的引号、逗号和括号，或重新导出文件。\n',
    );
  });

  it('rejects an output name that is neither csv nor xlsx', async () => {
    const dir = setUp(['china-flow.json', 'china-reps.csv']);

    const run = await runSras(
      [
        'allocate',
        '--flow',
        'china-flow.json',
        '--leads',
        'x.csv',
        '--reps',
        'china-reps.csv',
        '--out',
        'result.txt',
      ],
      dir,
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out: "result.txt" must end in .csv or .xlsx.');
  });

  it('words errors in Chinese when LANG is Chinese', async () => {
    const dir = setUp(['china-flow.json', 'china-reps.csv']);

    const run = await runSras([...base, '--reps', 'china-reps.csv'], dir, { LANG: 'zh_CN.UTF-8' });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('错误：leads.csv：文件不存在。请检查路径。');
  });
});

describe('sras allocate on large files', () => {
  it('shows progress on stderr past 50,000 rows', async () => {
    const dir = setUp(['china-flow.json', 'china-reps.csv']);
    const lines = ['客户名称,手机,省份'];
    for (let i = 0; i < 50_500; i++) lines.push(`公司${i},1${String(3_000_000_000 + i)},四川`);
    writeFileSync(join(dir, 'big.csv'), `${lines.join('\n')}\n`);

    const run = await runSras(
      [
        'allocate',
        '--flow',
        'china-flow.json',
        '--leads',
        'big.csv',
        '--reps',
        'china-reps.csv',
        '--out',
        'result.csv',
        '--now',
        NOW,
      ],
      dir,
    );

    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Reading big\.csv: 50,\d{3} rows…/);
    expect(run.stderr).toContain('Allocating 50,500 leads…');
  }, 120_000);
});

describe('sras allocate help', () => {
  it('lists the options and the Chinese rep headers in Chinese', async () => {
    const run = await runSras(['allocate', '--help', '--lang', 'zh-CN'], process.cwd());

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('用法： sras allocate [options]');
    expect(run.stdout).toContain('--save-state <file>');
    expect(run.stdout).toContain('编号,姓名,团队,在职,权重,日上限,周上限,月上限,休假,在手线索');
  });

  it('names a missing required option and points to help', async () => {
    const run = await runSras(['allocate', '--flow', 'f.json'], process.cwd());

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Error: missing option --leads. Run "sras allocate --help" for the options.',
    );
  });
});
