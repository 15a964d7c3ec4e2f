import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { filesIn, runSras, useWorkDirectories } from './cli-helpers.js';

const setUp = useWorkDirectories();

/** A region split on `province`, a column that xeducation_Leads.csv does not have. */
const PROVINCE_FLOW = JSON.stringify({
  format: 'sras.flow',
  version: 1,
  id: 'by-province',
  name: 'By province',
  timezone: 'Asia/Shanghai',
  nodes: [
    { id: 'src', type: 'source', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'regions',
      type: 'regionSplit',
      position: { x: 200, y: 0 },
      data: { field: 'province', regions: [{ id: 'mumbai', values: ['Mumbai'] }] },
    },
    {
      id: 'team',
      type: 'roundRobin',
      position: { x: 400, y: 0 },
      data: { assignees: [{ repId: 'priya' }, { repId: 'arjun' }] },
    },
    { id: 'pool', type: 'pool', position: { x: 600, y: 0 }, data: { reason: 'no region' } },
  ],
  edges: [
    { id: 'e1', source: 'src', sourceHandle: 'out', target: 'regions' },
    { id: 'e2', source: 'regions', sourceHandle: 'mumbai', target: 'team' },
    { id: 'e3', source: 'regions', sourceHandle: 'else', target: 'pool' },
    { id: 'e4', source: 'team', sourceHandle: 'overflow', target: 'pool' },
  ],
});

const LEADS = 'xeducation_Leads.csv';

/** Makes a work directory with the X Education leads, their reps and the province flow. */
function provinceDirectory(): string {
  const dir = setUp([LEADS, 'xeducation-reps.json']);
  writeFileSync(join(dir, 'flow.json'), PROVINCE_FLOW);
  return dir;
}

describe('sras validate --leads', () => {
  it('names the missing column, the node and the --map fix', async () => {
    const dir = provinceDirectory();

    const run = await runSras(['validate', 'flow.json', '--leads', LEADS], dir);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^warning node regions \(data\.field\): The node reads the column "province", but the dataset has no such column/m,
    );
    expect(run.stdout).toContain(`To read a column of ${LEADS} as "province", add --map`);
    expect(run.stdout).toContain('flow.json: 0 error(s), 1 warning(s).');
  });

  it('words the missing column in Chinese', async () => {
    const dir = provinceDirectory();

    const run = await runSras(['validate', 'flow.json', '--leads', LEADS, '--lang', 'zh-CN'], dir);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^警告 节点 regions \(data\.field\)：?.*读取列"province"，但数据集没有这一列/m,
    );
    expect(run.stdout).toContain('--map "列名=province"');
  });

  it('finds the column once --map gives it', async () => {
    const dir = provinceDirectory();

    const run = await runSras(
      ['validate', 'flow.json', '--leads', LEADS, '--map', 'City=province'],
      dir,
    );

    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('province');
    expect(run.stdout).toContain('flow.json: no problems.');
  });

  it('checks no columns without a leads file', async () => {
    const dir = provinceDirectory();

    const run = await runSras(['validate', 'flow.json'], dir);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('flow.json: no problems.');
  });
});

describe('sras allocate with a column the leads lack', () => {
  it('warns on stderr before allocating and still writes the result', async () => {
    const dir = provinceDirectory();

    const run = await runSras(
      [
        'allocate',
        '--flow',
        'flow.json',
        '--leads',
        LEADS,
        '--reps',
        'xeducation-reps.json',
        '--out',
        'result.csv',
        '--now',
        '2026-05-06 10:00',
      ],
      dir,
    );

    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^warning node regions \(data\.field\): The node reads the column "province"/m,
    );
    expect(run.stderr).toContain(`To read a column of ${LEADS} as "province", add --map`);
    expect(run.stderr.indexOf('"province"')).toBeLessThan(run.stderr.indexOf('Allocated'));
    expect(filesIn(dir)).toContain('result.csv');
  });
});
