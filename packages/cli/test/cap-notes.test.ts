import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { runSras, useWorkDirectories } from './cli-helpers.js';

const setUp = useWorkDirectories();

/** Runs the Mumbai quota flow on the 9,240 X Education leads, all on one day. */
async function allocateXeducation(
  extra: string[] = [],
  env: Record<string, string> = {},
  changeFlow: (flow: string) => string = (flow) => flow,
) {
  const dir = setUp(['xeducation-flow.json', 'xeducation-reps.json', 'xeducation_Leads.csv']);
  const flowPath = join(dir, 'xeducation-flow.json');
  writeFileSync(flowPath, changeFlow(readFileSync(flowPath, 'utf8')));
  return runSras(
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
      ...extra,
    ],
    dir,
    env,
  );
}

describe('sras allocate cap notes', () => {
  it('prints the filled quota after the summary in English', async () => {
    const run = await allocateXeducation();

    expect(run.code).toBe(0);
    const lines = run.stderr.trimEnd().split('\n');
    const done = lines.findIndex((line) => line.startsWith('Allocated 9240 leads'));
    expect(done).toBeGreaterThanOrEqual(0);
    expect(lines.slice(done + 1)).toEqual([
      'Limits that sent leads on:',
      '  “Quota (mumbaiQuota)” reached its daily limit of 1,000 leads, so 2,222 leads went to the pool (Mumbai quota reached).',
      expect.stringMatching(/^Without --time-field, every lead counts on the day of --now\./),
    ]);
  });

  it('prints them in Chinese with --lang zh-CN', async () => {
    const run = await allocateXeducation(['--lang', 'zh-CN']);

    expect(run.code).toBe(0);
    expect(run.stderr).toContain('因上限而转出的线索：');
    expect(run.stderr).toContain(
      '  「配额 (mumbaiQuota)」已达每日上限 1,000 条，因此2,222 条线索进入公海（Mumbai quota reached）。',
    );
    expect(run.stderr).toContain('不加 --time-field 时');
  });

  it('prints them in Chinese when LANG is Chinese', async () => {
    const run = await allocateXeducation([], { LANG: 'zh_CN.UTF-8' });

    expect(run.stderr).toContain('因上限而转出的线索：');
  });

  it('prints no cap notes when no limit fills', async () => {
    const run = await allocateXeducation([], {}, (flow) =>
      flow.replace('"limit": 1000', '"limit": 100000'),
    );

    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Allocated 9240 leads');
    expect(run.stderr).not.toContain('Limits that sent leads on');
  });
});
