/**
 * Benchmark of the team and targets screens in Chromium with a large team.
 * It imports a team of 500 reps (`--reps N` to change) in 25 teams on the
 * team screen, reloads that screen, opens a new flow in the editor, adds an
 * Assign node and opens its rep picker, opens a flow of 10 nodes, creates a
 * yearly plan for the team, changes the company total, scrolls the grid to
 * its last row and back, and reloads the targets screen.
 * For each step it prints the main-thread tasks over 50 ms, from a
 * PerformanceObserver on 'longtask'.
 *
 *   npm run bench:targets-ui            builds the app first
 *   npx tsx scripts/bench/targets-ui.bench.ts --no-build --reps 100
 *   npm run bench:targets-ui -- --no-build --team-only --frames --trace /tmp/team.json
 *
 * `--team-only` stops before the targets screen. `--frames` also prints each
 * long animation frame of a step with the scripts that ran in it, to show
 * what a long task was. `--trace FILE` saves a Chromium performance trace of
 * the steps before the targets screen, to open in the browser's Performance
 * panel.
 *
 * Needs Chromium at CHROMIUM_PATH or /usr/bin/chromium. Serves the build on
 * 127.0.0.1:BENCH_PORT (default 4375).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  describeLongFrames,
  machineLine,
  readLongFrames,
  readLongTasks,
  recordLongFrames,
  recordLongTasks,
  startBenchBrowser,
} from './browser-bench';

interface Options {
  reps: number;
  build: boolean;
  port: number;
  frames: boolean;
  teamOnly: boolean;
  trace: string | undefined;
}

function parseOptions(argv: string[]): Options {
  const repsIndex = argv.indexOf('--reps');
  const reps = repsIndex >= 0 ? Number(argv[repsIndex + 1]) : 500;
  if (!Number.isInteger(reps) || reps < 1) throw new Error('--reps takes a whole number above 0.');
  const traceIndex = argv.indexOf('--trace');
  const trace = traceIndex >= 0 ? argv[traceIndex + 1] : undefined;
  if (traceIndex >= 0 && !trace) throw new Error('--trace takes a file path.');
  return {
    reps,
    build: !argv.includes('--no-build'),
    port: Number(process.env.BENCH_PORT ?? 4375),
    frames: argv.includes('--frames'),
    teamOnly: argv.includes('--team-only'),
    trace,
  };
}

/** Writes a team file with the CLI's Chinese headers: reps r0… in 25 teams, weights 1–3. */
function teamCsv(reps: number): string {
  const lines = ['编号,姓名,团队,在职,权重,日上限,周上限,月上限,休假,在手线索'];
  for (let index = 0; index < reps; index++) {
    lines.push(`r${index},销售${index},团队${index % 25},是,${1 + (index % 3)},,,,,0`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Writes a flow file of 10 nodes: filter, dedup, branch and quota ahead of a
 * round robin and a least-loaded node of five reps each, one Assign node and
 * two pools, with every output connected.
 */
function tenNodeFlowJson(): string {
  const node = (id: string, type: string, x: number, y: number, data = {}) => ({
    id,
    type,
    position: { x: x * 260, y: y * 160 },
    data,
  });
  const edge = (source: string, sourceHandle: string, target: string) => ({
    id: `${source}-${sourceHandle}`,
    source,
    sourceHandle,
    target,
  });
  const assignees = (first: number) =>
    [0, 1, 2, 3, 4].map((offset) => ({ repId: `r${first + offset}` }));
  return JSON.stringify({
    format: 'sras.flow',
    version: 1,
    id: 'bench-ten-nodes',
    name: 'Ten nodes',
    timezone: 'Asia/Shanghai',
    nodes: [
      node('source', 'source', 0, 1),
      node('filter', 'filter', 1, 1, { condition: { '==': [{ var: 'source' }, '展会'] } }),
      node('dedup', 'dedup', 2, 1, { keys: ['phone'], assignExistingOwner: true }),
      node('course', 'branch', 3, 1, {
        cases: [
          {
            id: 'school',
            label: '中小学',
            condition: { in: [{ var: 'course' }, ['小学', '初中']] },
          },
        ],
      }),
      node('quota', 'quota', 4, 0, { limit: 8, period: 'day', per: 'city' }),
      node('turns', 'roundRobin', 5, 0, { assignees: assignees(0) }),
      node('leastLoaded', 'leastLoaded', 4, 1, { assignees: assignees(5) }),
      node('overflow', 'assign', 4, 2, { repId: 'r10' }),
      node('duplicates', 'pool', 3, 2, { reason: '重复' }),
      node('later', 'pool', 6, 1, { reason: '稍后' }),
    ],
    edges: [
      edge('source', 'out', 'filter'),
      edge('filter', 'match', 'dedup'),
      edge('filter', 'else', 'later'),
      edge('dedup', 'unique', 'course'),
      edge('dedup', 'duplicate', 'duplicates'),
      edge('course', 'school', 'quota'),
      edge('course', 'else', 'leastLoaded'),
      edge('quota', 'within', 'turns'),
      edge('quota', 'overflow', 'overflow'),
      edge('turns', 'overflow', 'later'),
      edge('leastLoaded', 'overflow', 'later'),
      edge('overflow', 'overflow', 'later'),
    ],
  });
}

/**
 * Runs a step and prints its wall time and the long tasks it caused. A step
 * that reloads the page starts a new record, so it counts from the start.
 */
async function step(
  page: Page,
  name: string,
  work: () => Promise<void>,
  reloads = false,
  frames = false,
): Promise<void> {
  const before = reloads ? 0 : (await readLongTasks(page)).length;
  const framesBefore = reloads ? 0 : (await readLongFrames(page)).length;
  const started = Date.now();
  await work();
  const elapsed = Date.now() - started;
  // Let deferred rendering finish before counting.
  await page.waitForTimeout(1500);
  const tasks = (await readLongTasks(page)).slice(before).map(([, duration]) => duration);
  const longest = tasks.length === 0 ? 'none over 50 ms' : `${Math.round(Math.max(...tasks))} ms`;
  console.log(
    `${name}: ${(elapsed / 1000).toFixed(1)} s, longest main-thread task ${longest}, tasks over 50 ms: ${tasks.length}`,
  );
  if (frames) console.log(describeLongFrames((await readLongFrames(page)).slice(framesBefore)));
}

/** Scrolls the grid a screenful at a time to its end and back, one frame per screenful. */
async function scrollGrid(page: Page, rowCount: number): Promise<void> {
  await page.getByRole('grid').evaluate(async (grid) => {
    const end = grid.scrollHeight - grid.clientHeight;
    for (let top = 0; top <= end; top += grid.clientHeight) {
      grid.scrollTop = top;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    grid.scrollTop = end;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  });
  await page.locator(`[role=row][aria-rowindex="${rowCount}"]`).waitFor();
  await page.getByRole('grid').evaluate((grid) => {
    grid.scrollTop = 0;
  });
  await page.locator('[data-cell="company|year"]').waitFor();
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const folder = mkdtempSync(join(tmpdir(), 'sras-targets-bench-'));
  const teamFile = join(folder, 'team.csv');
  writeFileSync(teamFile, teamCsv(options.reps));
  const flowFile = join(folder, 'ten-nodes.json');
  writeFileSync(flowFile, tenNodeFlowJson());
  const bench = await startBenchBrowser({ port: options.port, build: options.build });
  // The grid mounts only the rows in view; it counts all of them, plus its header row.
  const rowCount = 1 + Math.min(options.reps, 25) + options.reps + 1;
  const gridReady = `[role=grid][aria-rowcount="${rowCount}"] [data-cell="rep:r0|year"]`;

  try {
    const page = await bench.browser.newPage({
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
      serviceWorkers: 'block',
    });
    await recordLongTasks(page);
    await recordLongFrames(page);
    await page.goto(`${bench.baseUrl}/team`);
    await page.getByRole('heading', { level: 2 }).waitFor();

    if (options.trace) {
      await bench.browser.startTracing(page, {
        path: options.trace,
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8.execute',
          'disabled-by-default-v8.cpu_profiler',
          'blink.user_timing',
        ],
      });
    }
    await step(
      page,
      `import a team of ${options.reps} reps`,
      async () => {
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Import file' }).click();
        await (await chooser).setFiles(teamFile);
        await page.getByTestId('rep-import-confirm').click();
        await page.getByTestId('rep-row').first().waitFor();
      },
      false,
      options.frames,
    );

    await step(
      page,
      'reload the team screen',
      async () => {
        await page.reload();
        await page.getByTestId('rep-row').first().waitFor();
      },
      true,
      options.frames,
    );

    // The flows list loads and the 10-node flow is imported before the
    // editor steps, so that they count only the editor's own work.
    await page.goto(`${bench.baseUrl}/flows`);
    const flowChooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import flow file' }).click();
    await (await flowChooser).setFiles(flowFile);
    const tenNodeRow = page.getByTestId('flow-row').filter({ hasText: 'Ten nodes' });
    await tenNodeRow.waitFor();
    await page.waitForTimeout(1500);

    await step(
      page,
      'open a new flow in the editor',
      async () => {
        await page.getByRole('button', { name: 'New flow' }).click();
        const name = page.getByRole('dialog').getByRole('textbox', { name: 'Flow name' });
        await name.fill('Bench flow');
        await name.press('Enter');
        await page.getByRole('button', { name: 'Add node: Assign' }).waitFor();
      },
      false,
      options.frames,
    );

    await step(
      page,
      'add an Assign node',
      async () => {
        await page.getByRole('button', { name: 'Add node: Assign' }).click();
        await page
          .getByTestId('node-settings')
          .getByRole('combobox', { name: 'Assign to' })
          .waitFor();
      },
      false,
      options.frames,
    );

    await step(
      page,
      `open the Assign node's picker of ${options.reps} reps`,
      async () => {
        await page
          .getByTestId('node-settings')
          .getByRole('combobox', { name: 'Assign to' })
          .click();
        await page.getByRole('option').first().waitFor();
        console.log(`the picker lists ${await page.getByRole('option').count()} reps`);
      },
      false,
      options.frames,
    );

    await page.goto(`${bench.baseUrl}/flows`);
    await tenNodeRow.waitFor();
    await page.waitForTimeout(1500);
    await step(
      page,
      'open a flow of 10 nodes in the editor',
      async () => {
        await tenNodeRow.getByTestId('flow-name').click();
        await page.getByTestId('flow-node-later').waitFor();
        await page.getByRole('button', { name: 'Add node: Assign' }).waitFor();
      },
      false,
      options.frames,
    );
    if (options.trace) await bench.browser.stopTracing();

    if (options.teamOnly) {
      console.log(machineLine(bench.browser.version()));
      return;
    }

    await page.goto(`${bench.baseUrl}/targets`);
    await page.getByRole('heading', { level: 2 }).waitFor();
    await step(
      page,
      'create a 2027 plan and show its grid',
      async () => {
        await page.getByRole('button', { name: 'New plan' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('textbox', { name: 'Year', exact: true }).fill('2027');
        await dialog.getByRole('textbox', { name: /Yearly target/ }).fill('120000000');
        await dialog.getByRole('button', { name: 'Create plan' }).click();
        await page.locator(gridReady).waitFor({ timeout: 120_000 });
      },
      false,
      options.frames,
    );

    await step(
      page,
      'change the company total',
      async () => {
        const cell = page.locator('[data-cell="company|year"]');
        await cell.click();
        await cell.press('Enter');
        const editor = cell.locator('input');
        await editor.fill('150000000');
        await editor.press('Enter');
        await page.getByTestId('plan-total').filter({ hasText: '150,000,000' }).waitFor();
      },
      false,
      options.frames,
    );

    await step(
      page,
      'scroll the grid to its last row and back',
      () => scrollGrid(page, rowCount),
      false,
      options.frames,
    );

    await step(
      page,
      'reload the targets screen',
      async () => {
        await page.reload();
        await page.locator(gridReady).waitFor({ timeout: 120_000 });
      },
      true,
      options.frames,
    );

    console.log(machineLine(bench.browser.version()));
  } finally {
    await bench.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
