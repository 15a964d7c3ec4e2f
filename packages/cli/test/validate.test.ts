import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { runSras, useWorkDirectories } from './cli-helpers.js';

const setUp = useWorkDirectories();

const BROKEN_FLOW = JSON.stringify({
  format: 'sras.flow',
  version: 1,
  id: 'broken',
  name: 'broken',
  timezone: 'Asia/Shanghai',
  nodes: [
    { id: 'src', type: 'source', position: { x: 0, y: 0 }, data: {} },
    { id: 'cap', type: 'quota', position: { x: 0, y: 0 }, data: { limit: -1, period: 'day' } },
  ],
  edges: [{ id: 'e1', source: 'src', sourceHandle: 'out', target: 'cap' }],
});

describe('sras validate', () => {
  it('accepts a valid flow with exit 0', async () => {
    const dir = setUp(['china-flow.json']);

    const run = await runSras(['validate', 'china-flow.json'], dir);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('china-flow.json: no problems.');
  });

  it('warns about a rule that orders postal codes as numbers and exits 0', async () => {
    const dir = setUp([]);
    const flow = JSON.parse(BROKEN_FLOW) as {
      nodes: { id: string; type: string; data: unknown }[];
    };
    flow.nodes[1] = {
      ...flow.nodes[1]!,
      id: 'cap',
      type: 'filter',
      data: { condition: { '<': [{ var: 'postalCode' }, 200_000] } },
    };
    writeFileSync(join(dir, 'flow.json'), JSON.stringify(flow));

    const run = await runSras(['validate', 'flow.json'], dir);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^warning node cap \(data\.condition\): .*"postalCode"/m);
  });

  it('prints errors with the node and field and exits 1', async () => {
    const dir = setUp([]);
    writeFileSync(join(dir, 'flow.json'), BROKEN_FLOW);

    const run = await runSras(['validate', 'flow.json'], dir);

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^error node cap \(data\.limit\): /m);
    expect(run.stdout).toMatch(/flow\.json: [1-9]\d* error\(s\)/);
  });

  it('words problems in Chinese with --lang zh-CN', async () => {
    const dir = setUp([]);
    writeFileSync(join(dir, 'flow.json'), BROKEN_FLOW);

    const run = await runSras(['validate', 'flow.json', '--lang', 'zh-CN'], dir);

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^错误 节点 cap \(data\.limit\)：?/m);
    expect(run.stdout).toMatch(/个错误/);
  });

  it('words problems in Chinese when LANG starts with zh', async () => {
    const dir = setUp([]);
    writeFileSync(join(dir, 'flow.json'), '{ "format": "sras.flow"');

    const run = await runSras(['validate', 'flow.json'], dir, { LANG: 'zh_CN.UTF-8' });

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^错误 /m);
  });

  it('words a field off the schema in English with its path', async () => {
    const dir = setUp([]);
    const flow = JSON.parse(BROKEN_FLOW) as { nodes: { position: unknown }[] };
    flow.nodes[1]!.position = { x: 'left', y: 0 };
    writeFileSync(join(dir, 'flow.json'), JSON.stringify(flow));

    const run = await runSras(['validate', 'flow.json'], dir);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'error node cap (nodes[1].position.x): The horizontal position (position.x) of node "cap" must be a number, but the file has the text "left".',
    );
  });

  it('words a field off the schema in Chinese without the zod text', async () => {
    const dir = setUp([]);
    const flow = JSON.parse(BROKEN_FLOW) as { edges: { target: unknown }[] };
    flow.edges[0]!.target = 7;
    writeFileSync(join(dir, 'flow.json'), JSON.stringify(flow));

    const run = await runSras(['validate', 'flow.json', '--lang', 'zh-CN'], dir);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '连线 e1 (edges[0].target): 连线"e1"的终点节点（target）应为文本，但文件中是数字 7。',
    );
    expect(run.stdout).not.toContain('Invalid input');
  });

  it('rejects a file that is not a flow', async () => {
    const dir = setUp([]);
    writeFileSync(join(dir, 'flow.json'), '{"nodes": []}');

    const run = await runSras(['validate', 'flow.json'], dir);

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^error format: /m);
  });

  it('names a missing file', async () => {
    const dir = setUp([]);

    const run = await runSras(['validate', 'nothing.json'], dir);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe('Error: nothing.json: file not found. Check the path.\n');
  });
});

describe('sras help and version', () => {
  it('prints help in English', async () => {
    const run = await runSras(['--help'], process.cwd());

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: sras [options] [command]');
    expect(run.stdout).toContain('validate [options] <flow>');
    expect(run.stdout).toContain('Commands:');
  });

  it('prints help in Chinese', async () => {
    const run = await runSras(['validate', '--help', '--lang', 'zh-CN'], process.cwd());

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('用法： sras validate [options] <flow>');
    expect(run.stdout).toContain('参数：');
    expect(run.stdout).toContain('流程文件（JSON，格式 sras.flow）');
  });

  it('prints the version', async () => {
    const run = await runSras(['--version'], process.cwd());

    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('rejects an unknown option with exit 2 and a pointer to help', async () => {
    const run = await runSras(['validate', '--flwo', 'x.json'], process.cwd(), {
      LANG: 'zh_CN.UTF-8',
    });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('错误：未知选项 --flwo。运行“sras validate --help”查看可用选项。');
  });
});
