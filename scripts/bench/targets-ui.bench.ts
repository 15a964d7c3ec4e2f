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
 * every step, to open in the browser's Performance panel or to summarise
 * with `scripts/bench/trace-tasks.ts`.
 *
 * Needs Chromium at CHROMIUM_PATH or /usr/bin/chromium. Serves the build on
 * 127.0.0.1:BENCH_PORT (default 4375).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  countOption,
  describeStep,
  machineLine,
  parseBrowserBenchOptions,
  PageRecorder,
  startBenchBrowser,
  type BrowserBenchOptions,
} from './browser-bench';

interface Options extends BrowserBenchOptions {
  reps: number;
  teamOnly: boolean;
}

function parseOptions(argv: string[]): Options {
  return {
    ...parseBrowserBenchOptions(argv, 4375),
    reps: countOption(argv, '--reps', 500),
    teamOnly: argv.includes('--team-only'),
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
 * Runs a step and prints its wall time and the long tasks it caused, after
 * 1.5 s for deferred rendering. A step that reloads the page starts a new
 * record, so it counts from the start.
 */
async function step(
  recorder: PageRecorder,
  name: string,
  work: () => Promise<void>,
  reloads = false,
): Promise<void> {
  const record = await recorder.step(name, work, { reloads, settleMs: 1500 });
  console.log(describeStep(record));
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
    const recorder = await PageRecorder.start(bench.browser, page, options);
    await page.goto(`${bench.baseUrl}/team`);
    await page.getByRole('heading', { level: 2 }).waitFor();

    await recorder.startTrace();
    await step(recorder, `import a team of ${options.reps} reps`, async () => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import file' }).click();
      await (await chooser).setFiles(teamFile);
      await page.getByTestId('rep-import-confirm').click();
      await page.getByTestId('rep-row').first().waitFor();
    });

    await step(
      recorder,
      'reload the team screen',
      async () => {
        await page.reload();
        await page.getByTestId('rep-row').first().waitFor();
      },
      true,
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

    await step(recorder, 'open a new flow in the editor', async () => {
      await page.getByRole('button', { name: 'New flow' }).click();
      const name = page.getByRole('dialog').getByRole('textbox', { name: 'Flow name' });
      await name.fill('Bench flow');
      await name.press('Enter');
      await page.getByRole('button', { name: 'Add node: Assign' }).waitFor();
    });

    await step(recorder, 'add an Assign node', async () => {
      await page.getByRole('button', { name: 'Add node: Assign' }).click();
      await page
        .getByTestId('node-settings')
        .getByRole('combobox', { name: 'Assign to' })
        .waitFor();
    });

    await step(recorder, `open the Assign node's picker of ${options.reps} reps`, async () => {
      await page.getByTestId('node-settings').getByRole('combobox', { name: 'Assign to' }).click();
      await page.getByRole('option').first().waitFor();
      console.log(`the picker lists ${await page.getByRole('option').count()} reps`);
    });

    await page.goto(`${bench.baseUrl}/flows`);
    await tenNodeRow.waitFor();
    await page.waitForTimeout(1500);
    await step(recorder, 'open a flow of 10 nodes in the editor', async () => {
      await tenNodeRow.getByTestId('flow-name').click();
      await page.getByTestId('flow-node-later').waitFor();
      await page.getByRole('button', { name: 'Add node: Assign' }).waitFor();
    });

    if (options.teamOnly) {
      await recorder.stopTrace();
      console.log(machineLine(bench.browser.version()));
      return;
    }

    await page.goto(`${bench.baseUrl}/targets`);
    await page.getByRole('heading', { level: 2 }).waitFor();
    await step(recorder, 'create a 2027 plan and show its grid', async () => {
      await page.getByRole('button', { name: 'New plan' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Year', exact: true }).fill('2027');
      await dialog.getByRole('textbox', { name: /Yearly target/ }).fill('120000000');
      await dialog.getByRole('button', { name: 'Create plan' }).click();
      await page.locator(gridReady).waitFor({ timeout: 120_000 });
    });

    await step(recorder, 'change the company total', async () => {
      const cell = page.locator('[data-cell="company|year"]');
      await cell.click();
      await cell.press('Enter');
      const editor = cell.locator('input');
      await editor.fill('150000000');
      await editor.press('Enter');
      await page.getByTestId('plan-total').filter({ hasText: '150,000,000' }).waitFor();
    });

    await step(recorder, 'scroll the grid to its last row and back', () =>
      scrollGrid(page, rowCount),
    );

    await step(
      recorder,
      'reload the targets screen',
      async () => {
        await page.reload();
        await page.locator(gridReady).waitFor({ timeout: 120_000 });
      },
      true,
    );
    await recorder.stopTrace();

    console.log(machineLine(bench.browser.version()));
  } finally {
    await bench.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
